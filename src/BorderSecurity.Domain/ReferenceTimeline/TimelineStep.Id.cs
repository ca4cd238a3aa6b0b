namespace BorderSecurity.Domain.ReferenceTimeline;

public sealed partial record TimelineStep
{
    /// <summary>The longest step id accepted.</summary>
    public const int MaxIdLength = 100;

    private readonly string? _id;

    /// <summary>
    /// The step's id, or <see langword="null"/>. Two steps are the same step when they have the same id and the same
    /// request (its type and every field); without an id, when they have the same request. A store imports each step
    /// at most once (its idempotency key is <see cref="Serialization.IdempotencyKeys.For(TimelineStep)"/>), so giving
    /// two identical requests different ids stores both, and importing the same file again stores nothing.
    /// </summary>
    /// <remarks>
    /// Example: the same re-announcement made at two events on one day (same announcer, same source, same date) is two
    /// steps only if they carry different ids; without ids the second is taken for a repeat of the first and skipped.
    /// </remarks>
    /// <exception cref="ArgumentException">The id is blank, longer than <see cref="MaxIdLength"/> characters, or holds a control character.</exception>
    public string? Id
    {
        get => _id;
        init => _id = value is null ? null : ValidateId(value);
    }

    /// <summary>Rejects a step id that is blank, too long or holds a control character.</summary>
    /// <param name="id">The id.</param>
    /// <returns><paramref name="id"/>.</returns>
    /// <exception cref="ArgumentException">The id is invalid; the message names <c>Id</c>.</exception>
    public static string ValidateId(string id)
    {
        Guard.Against.NullOrWhiteSpace(id, nameof(Id));
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"A step id must be at most {MaxIdLength} characters (was {id.Length}).", nameof(Id));
        }

        if (id.Any(char.IsControl))
        {
            throw new ArgumentException("A step id must not hold control characters.", nameof(Id));
        }

        return id;
    }
}
