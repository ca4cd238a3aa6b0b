using System.CommandLine;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Marten;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using JasperFx;
using Marten;
using NodaTime.Text;
using Spectre.Console;

namespace BorderSecurity.Timeline;

/// <summary>The console: parses options, replays a timeline, asks the projections, prints tables or JSON.</summary>
internal static class TimelineApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var asOfOption = new Option<string?>("--as-of") { Description = "The valid date to answer as of (YYYY-MM-DD). Default: the last date of the timeline." };
        var knownAtOption = new Option<string?>("--known-at") { Description = "Answer as known at this instant (ISO-8601 UTC, e.g. 2024-11-05T09:00:00Z). Default: everything known." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the figures as one JSON document instead of tables." };
        var timelineOption = new Option<string?>("--timeline") { Description = "Replay this timeline file (docs/timeline-format.md) instead of the built-in 2024 timeline." };
        var postgresOption = new Option<string?>("--postgres") { Description = "Replay into Marten on PostgreSQL at this connection string instead of memory." };
        var root = new RootCommand("Replays the Border Security Command timeline and shows its figures as of any date.")
        {
            asOfOption, knownAtOption, jsonOption, timelineOption, postgresOption,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            }

            return BadInput;
        }

        if (parsed.Action is not null && parsed.CommandResult.Command != root || args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var asOf = ParseDate(parsed.GetValue(asOfOption));
            var knownAt = ParseInstant(parsed.GetValue(knownAtOption));
            var (steps, lines) = LoadSteps(parsed.GetValue(timelineOption));
            var json = parsed.GetValue(jsonOption);
            var status = json ? TextWriter.Null : error;

            // Replay into memory first: a timeline that breaks a rule is reported and nothing half-replayed is shown.
            var clock = new SteppingClock(Instant.MinValue);
            var store = new InMemoryEventStore(clock);
            var events = Replay(steps, lines, store, clock, status);
            var query = new AsOfQuery(asOf ?? events.Select(e => e.ValidOn).DefaultIfEmpty(new LocalDate(2024, 12, 31)).Max(), knownAt);

            TimelineReport report;
            if (parsed.GetValue(postgresOption) is { } connectionString)
            {
                report = await ReportFromMartenAsync(connectionString, steps, query, status, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                report = Report(BorderSecurityProjection.Of(events), events.Count, query);
            }

            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, JsonOptions)).ConfigureAwait(false);
            }
            else
            {
                TimelineTables.Render(report, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }));
            }

            return Ok;
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (TimelineFileException e)
        {
            await error.WriteLineAsync($"error: timeline {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (TimelineImportException e)
        {
            await error.WriteLineAsync($"error: import into PostgreSQL stopped: {e.Message}").ConfigureAwait(false);
            return Failed;
        }
        catch (Npgsql.NpgsqlException e)
        {
            await error.WriteLineAsync($"error: PostgreSQL: {e.Message}").ConfigureAwait(false);
            return Failed;
        }
    }

    private static JsonSerializerOptions JsonOptions { get; } = new(TimelineFile.JsonOptions) { WriteIndented = true };

    private static LocalDate? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new InputException($"--as-of: '{text}' is not a date in the form YYYY-MM-DD.");
    }

    private static Instant? ParseInstant(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = InstantPattern.ExtendedIso.Parse(text);
        return result.Success ? result.Value : throw new InputException($"--known-at: '{text}' is not an ISO-8601 UTC instant such as 2024-11-05T09:00:00Z.");
    }

    private static (IReadOnlyList<TimelineStep> Steps, IReadOnlyList<int>? Lines) LoadSteps(string? path)
    {
        if (path is null)
        {
            return (ReferenceTimeline2024.Steps, null);
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > TimelineFile.MaxBytes)
            {
                throw new InputException($"--timeline: '{path}' is {info.Length:#,0} bytes; at most {TimelineFile.MaxBytes:#,0} are accepted.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--timeline: cannot read '{path}': {e.Message}");
        }

        var steps = TimelineFile.Read(bytes);
        return (steps, TimelineFile.StepLines(bytes));
    }

    private static IReadOnlyList<RecordedEvent> Replay(IReadOnlyList<TimelineStep> steps, IReadOnlyList<int>? lines,
        InMemoryEventStore store, SteppingClock clock, TextWriter status)
    {
        var done = 0;
        var result = TimelineFile.Replay(steps, store, clock, lines, new Progress(step =>
        {
            done++;
            status.WriteLine($"[{done,3}/{steps.Count}] {step.Request.GetType().Name,-28} {step.Request.StreamId}");
        }));
        status.WriteLine($"Replayed {steps.Count} steps ({result.Recorded.Count} events{(result.StepsAlreadyRecorded > 0 ? $"; {result.StepsAlreadyRecorded} repeated steps stored nothing" : "")}).");
        return store.ReadAll();
    }

    private static TimelineReport Report(IBorderSecurityQueries projection, int events, AsOfQuery query)
    {
        var funding = projection.Funding(query);
        var commands = projection.Timeline(new AsOfQuery(LocalDate.MaxIsoValue, query.KnownAt))
            .Where(e => e.EventName == "command.established.v1").Select(e => e.StreamId).Distinct()
            .Select(id => projection.Command(id, query)).OfType<CommandOverview>().ToArray();
        var subject = commands.FirstOrDefault()?.Command.Name;
        var year = query.AsOf.Year;
        var months = Enumerable.Range(1, 12)
            .Select(m => new LocalDate(year, m, 1).PlusMonths(1).PlusDays(-1))
            .Select(end =>
            {
                var portfolio = projection.Funding(new AsOfQuery(end, query.KnownAt));
                return new MonthlyFunding(end, subject is null ? portfolio.Totals.Total : portfolio.For(subject).Totals.Total);
            })
            .ToArray();
        return new TimelineReport(query, events, funding, projection.Recruitment(query), projection.Legislation(query), commands,
            subject ?? "All recipients", months);
    }

    private static async Task<TimelineReport> ReportFromMartenAsync(string connectionString, IReadOnlyList<TimelineStep> steps,
        AsOfQuery query, TextWriter status, CancellationToken cancellationToken)
    {
        using var documentStore = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            options.AddBorderSecurity();
        });
        await documentStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
        var marten = new MartenBorderSecurityStore(documentStore);
        var imported = await marten.ImportAsync(steps, cancellationToken: cancellationToken).ConfigureAwait(false);
        await status.WriteLineAsync($"Imported {steps.Count} steps into PostgreSQL: {imported.EventsStored} new events, " +
            $"{imported.StepsAlreadyStored} steps already stored (recorded instants are the database's).").ConfigureAwait(false);
        var events = await marten.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var report = Report(BorderSecurityProjection.Of(events), events.Count, query);
        return report with
        {
            Funding = await marten.FundingAsync(query, cancellationToken).ConfigureAwait(false),
            Recruitment = await marten.RecruitmentAsync(query, cancellationToken).ConfigureAwait(false),
            Legislation = await marten.LegislationAsync(query, cancellationToken).ConfigureAwait(false),
        };
    }

    private sealed class Progress(Action<TimelineStep> report) : IProgress<TimelineStep>
    {
        public void Report(TimelineStep value) => report(value);
    }
}

/// <summary>Bad input on the command line: reported with exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);
