
namespace BorderSecurity.Domain.Shared;

/// <summary>Every request type of the model, by its name: the fixed list that timeline files and APIs may name.</summary>
public static class RequestCatalogue
{
    // Derived from each aggregate's registration (Aggregates.All).
    private static readonly Dictionary<string, Type> ByName =
        Aggregates.All.SelectMany(a => a.RequestTypes).ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every request type's name, in catalogue order.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Finds a request type by name.</summary>
    /// <param name="name">The name, for example <c>PledgeFunding</c>.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns>Whether a request type has that name.</returns>
    public static bool TryGetType(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        ByName.TryGetValue(Guard.Against.Null(name), out type);

    /// <summary>
    /// Request shapes of earlier timeline formats, each mapped forward to its current request: each aggregate's
    /// registration lists its own (see <see cref="LegacyRequestShape"/>); never edit a shipped entry.
    /// </summary>
    private static readonly LegacyRequestShape[] Legacy = [.. Aggregates.All.SelectMany(a => a.LegacyRequests)];

    /// <summary>The request shapes of earlier timeline formats (see <see cref="LegacyRequestShape"/>).</summary>
    public static IReadOnlyList<LegacyRequestShape> LegacyShapes => Legacy;

    /// <summary>The shape a request had in files of a given timeline format version, if it differs from today's.</summary>
    /// <param name="name">The request's name.</param>
    /// <param name="formatVersion">The file's format version.</param>
    /// <param name="shape">The oldest legacy shape still in use at that version, or <see langword="null"/> when the file carries today's shape.</param>
    /// <returns>Whether the file carries a legacy shape of the request.</returns>
    public static bool TryGetLegacyShape(string name, int formatVersion, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LegacyRequestShape? shape)
    {
        Guard.Against.Null(name);
        shape = Legacy.Where(l => l.RequestName == name && formatVersion <= l.UntilFormat).MinBy(l => l.UntilFormat);
        return shape is not null;
    }
}
