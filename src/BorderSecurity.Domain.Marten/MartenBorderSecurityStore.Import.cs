using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

// Import: timeline steps, each one idempotent transaction known from its step's instant.
public sealed partial class MartenBorderSecurityStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Each step is one transaction, stored at most once (its idempotency key is <see cref="IdempotencyKeys.For(TimelineStep)"/>:
    /// its step id, if any, and its request's content), so an import that stopped half way (the database went away) is resumed by running it again. Its
    /// events are recorded at Marten's timestamp (<c>mt_events.timestamp</c>, from the store's clock) and keep the step's
    /// known-from instant in the <see cref="MartenRecordedEvents.KnownFromHeader"/> header. A step known from after the
    /// store's clock (the same clock; see the constructor's <c>clock</c>) is rejected: a fact cannot be recorded before it is known.
    /// </remarks>
    public async Task<ImportResult> ImportAsync(IEnumerable<TimelineStep> steps, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(steps);
        int index = 0, stored = 0, skipped = 0;
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step is null)
            {
                throw new TimelineImportException(index, stored, skipped, $"step {index} is null.", new ArgumentNullException(nameof(steps)));
            }

            var now = _clock.GetCurrentInstant();
            if (step.KnownFrom > now)
            {
                throw new TimelineImportException(index, stored, skipped,
                    $"step {index} ({step.Request.GetType().Name} {step.Request.StreamId}) is known from {step.KnownFrom}, after the store's clock ({now}): " +
                    "a fact cannot be recorded before it is known. Steps before it are stored; nothing of this step is.",
                    new ArgumentOutOfRangeException(nameof(steps), step.KnownFrom, "A step's known-from instant is after the store's clock."));
            }

            try
            {
                var result = await SubmitAsync(step.Request, expectedVersion: null, IdempotencyKeys.For(step), step.KnownFrom, cancellationToken)
                    .ConfigureAwait(false);
                if (result.AlreadyRecorded)
                {
                    skipped++;
                }
                else
                {
                    stored += result.Events.Count;
                }
            }
            catch (Exception e) when (e is NpgsqlException or global::Marten.Exceptions.MartenCommandException)
            {
                throw new TimelineImportException(index, stored, skipped,
                    $"the database failed at step {index} ({step.Request.GetType().Name} {step.Request.StreamId}): {e.Message}. " +
                    "Steps before it are stored; nothing of this step is. Run the import again to resume: stored steps are skipped.", e);
            }
            catch (Exception e) when (e is DomainRuleViolationException or ArgumentException or StreamConcurrencyException or IdempotencyKeyConflictException)
            {
                throw new TimelineImportException(index, stored, skipped, $"step {index} ({step.Request.GetType().Name} {step.Request.StreamId}) was rejected: {e.Message}", e);
            }

            index++;
            progress?.Report(index);
        }

        return new ImportResult(stored, skipped);
    }
}
