using System.CommandLine;
using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime.Text;
using Spectre.Console;

namespace BorderSecurity.Timeline;

/// <summary>
/// The console: parses options, imports a timeline into the store the container holds (in memory, or Marten with
/// <c>--postgres</c>), asks it through <see cref="IBorderSecurityStore"/>, prints tables or JSON.
/// </summary>
internal static class TimelineApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var asOfOption = new Option<string?>("--as-of") { Description = "The valid date to answer as of (YYYY-MM-DD). Default: the last date of the timeline." };
        var knownAtOption = new Option<string?>("--known-at") { Description = "Answer as known at this instant (ISO-8601 UTC, e.g. 2024-11-05T09:00:00Z). Default: everything known." };
        var recordedByOption = new Option<string?>("--recorded-by") { Description = "The audit view: answer as the store had recorded it at this instant (ISO-8601 UTC). Default: everything recorded." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the figures as one JSON document instead of tables." };
        var timelineOption = new Option<string?>("--timeline") { Description = "Replay this timeline file (docs/timeline-format.md) instead of the built-in 2024 timeline." };
        var postgresOption = new Option<string?>("--postgres") { Description = "Import into Marten on PostgreSQL at this connection string instead of memory." };
        var changesSinceOption = new Option<string?>("--changes-since")
        {
            Description = "Print the changes learnt after this instant (ISO-8601 UTC) or date (YYYY-MM-DD: from its start, UTC), as known now (or at --known-at), one line each, instead of tables.",
        };
        var csvOption = new Option<string?>("--csv")
        {
            Description = "Print one table as CSV (RFC 4180) instead of the text tables: " + string.Join("; ", CsvExport.Tables.Select(t => $"{t.Key}: {t.Value}")) + ".",
        };
        var root = new RootCommand("Imports the Border Security Command timeline and shows its figures as of any date.")
        {
            asOfOption, knownAtOption, recordedByOption, jsonOption, timelineOption, postgresOption, changesSinceOption, csvOption,
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
            var knownAt = ParseInstant(parsed.GetValue(knownAtOption), "--known-at");
            var recordedBy = ParseInstant(parsed.GetValue(recordedByOption), "--recorded-by");
            var (steps, lines) = LoadSteps(parsed.GetValue(timelineOption));
            var json = parsed.GetValue(jsonOption);
            var changesSince = ParseSince(parsed.GetValue(changesSinceOption));
            if (changesSince is not null && json)
            {
                throw new InputException("--changes-since prints one line per change; it does not combine with --json.");
            }

            var csv = parsed.GetValue(csvOption) is { } table ? CsvExport.Check(table, changesSince is not null) : null;
            if (csv is not null && json)
            {
                throw new InputException("--csv prints one table as CSV; it does not combine with --json.");
            }

            var status = json ? TextWriter.Null : error;
            var connectionString = parsed.GetValue(postgresOption);

            // Check the timeline in memory first, by importing it into a throwaway store: a timeline that breaks a
            // rule is reported, and nothing of it is imported into PostgreSQL.
            if (connectionString is not null)
            {
                await ImportAsync(steps, lines, new InMemoryBorderSecurityStore(SystemClock.Instance), "memory (a check)", TextWriter.Null, cancellationToken)
                    .ConfigureAwait(false);
            }

            var services = new ServiceCollection();
            services.AddLogging(); // no providers: Marten's start-up wants loggers, the console prints only its report
            var model = services.AddBorderSecurity();
            if (connectionString is not null)
            {
                model.UseMarten(connectionString);
            }

            await using var provider = services.BuildServiceProvider();

            // What a host would do on start: UseMarten applies the model's schema from a hosted service.
            var started = provider.GetServices<IHostedService>().ToArray();
            foreach (var hosted in started)
            {
                await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            TimelineReport? report = null;
            try
            {
                var store = provider.GetRequiredService<IBorderSecurityStore>();
                await ImportAsync(steps, lines, store, connectionString is null ? "memory" : "PostgreSQL", status, cancellationToken).ConfigureAwait(false);
                if (changesSince is { } since)
                {
                    var knownBy = knownAt ?? SystemClock.Instance.GetCurrentInstant();
                    if (knownBy < since)
                    {
                        throw new InputException($"--changes-since: {since} is after --known-at {knownBy}.");
                    }

                    var window = new ChangesQuery(since, knownBy, ChangesQuery.MaxPageSize);
                    if (csv is not null)
                    {
                        await CsvExport.WriteAsync(store, csv, default, window, output, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await ChangeLines.WriteAsync(store, window, output, cancellationToken).ConfigureAwait(false);
                    }

                    return Ok;
                }

                var events = await store.ReadAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                var query = new AsOfQuery(asOf ?? events.Select(e => e.ValidOn).DefaultIfEmpty(new LocalDate(2024, 12, 31)).Max(), knownAt, recordedBy);
                if (csv is not null)
                {
                    await CsvExport.WriteAsync(store, csv, query, null, output, cancellationToken).ConfigureAwait(false);
                    return Ok;
                }

                report = await ReportAsync(store, events.Count, query, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (var hosted in started.Reverse())
                {
                    await hosted.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            if (report is null)
            {
                return Failed;
            }

            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, JsonOptions)).ConfigureAwait(false);
            }
            else
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                TimelineTables.Render(report, console);
                TimelineTables.RenderFinancialYears(report, console);
                TimelineTables.RenderBillHistories(report, console);
                TimelineTables.RenderDeliveries(report, console);
                TimelineTables.RenderOutcomes(report, console);
                TimelineTables.RenderOpenDisputes(report, console);
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
            await error.WriteLineAsync($"error: import stopped: {e.Message}").ConfigureAwait(false);
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

    // An instant, or a date read as its start (UTC).
    private static Instant? ParseSince(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value;
        }

        var date = LocalDatePattern.Iso.Parse(text);
        return date.Success
            ? date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
            : throw new InputException($"--changes-since: '{text}' is neither an ISO-8601 UTC instant such as 2024-10-01T00:00:00Z nor a date YYYY-MM-DD.");
    }

    private static Instant? ParseInstant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var result = InstantPattern.ExtendedIso.Parse(text);
        return result.Success ? result.Value : throw new InputException($"{option}: '{text}' is not an ISO-8601 UTC instant such as 2024-11-05T09:00:00Z.");
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

    private static async Task ImportAsync(IReadOnlyList<TimelineStep> steps, IReadOnlyList<int>? lines, IBorderSecurityStore store,
        string into, TextWriter status, CancellationToken cancellationToken)
    {
        ImportResult result;
        try
        {
            result = await store.ImportAsync(steps, new Progress(done =>
            {
                var step = steps[done - 1];
                status.WriteLine($"[{done,3}/{steps.Count}] {step.Request.GetType().Name,-28} {step.Request.StreamId}");
            }), cancellationToken).ConfigureAwait(false);
        }
        catch (TimelineImportException e) when (e.InnerException is DomainRuleViolationException or ArgumentException or IdempotencyKeyConflictException)
        {
            throw FileError(e, lines);
        }

        await status.WriteLineAsync($"Replayed {steps.Count} steps into {into}: {result.EventsStored} new events, {result.StepsAlreadyStored} steps already stored " +
            "(each known from its step's instant, recorded now).").ConfigureAwait(false);
    }

    /// <summary>A rejected step as an error of the file: its line (when read from a file) and the rule or field at fault.</summary>
    private static TimelineFileException FileError(TimelineImportException e, IReadOnlyList<int>? lines)
    {
        var i = e.Step;
        var line = lines is not null && i >= 0 && i < lines.Count ? lines[i] : 0;
        return e.InnerException switch
        {
            DomainRuleViolationException rule => new TimelineFileException(line, $"$.steps[{i}] ({rule.Aggregate}.{rule.Rule})", rule.Detail, e),
            ArgumentException { ParamName: nameof(TimelineStep.KnownFrom) } => new TimelineFileException(line, $"$.steps[{i}].knownFrom", e.Message, e),
            ArgumentException argument => new TimelineFileException(line, $"$.steps[{i}].data.{argument.ParamName}", argument.Message, e),
            _ => new TimelineFileException(line, $"$.steps[{i}]", e.InnerException!.Message, e),
        };
    }

    private static async Task<TimelineReport> ReportAsync(IBorderSecurityStore store, int events, AsOfQuery query, CancellationToken cancellationToken)
    {
        var funding = await store.FundingAsync(query, cancellationToken).ConfigureAwait(false);
        var everything = query with { AsOf = LocalDate.MaxIsoValue };
        var commandIds = (await store.TimelineAsync(everything, cancellationToken).ConfigureAwait(false))
            .Where(e => e.EventName == "command.established.v1").Select(e => e.StreamId).Distinct().ToArray();
        var commands = new List<CommandOverview>();
        foreach (var id in commandIds)
        {
            if (await store.CommandAsync(new CommandId(id), query, cancellationToken).ConfigureAwait(false) is { } overview)
            {
                commands.Add(overview);
            }
        }

        var subject = commands.FirstOrDefault()?.Command.Name;
        // Each month end of the question's year up to its date, then the date itself: the chart never shows what is after it.
        var months = new List<MonthlyFunding>();
        for (var month = 1; month <= query.AsOf.Month; month++)
        {
            var end = LocalDate.Min(new LocalDate(query.AsOf.Year, month, 1).PlusMonths(1).PlusDays(-1), query.AsOf);
            var totals = subject is null
                ? await store.FundingTotalsAsync(query with { AsOf = end }, cancellationToken).ConfigureAwait(false)
                : await store.FundingTotalsOfAsync(new Organisation(subject), query with { AsOf = end }, cancellationToken).ConfigureAwait(false);
            months.Add(new MonthlyFunding(end, totals.Total, FundingSeriesValue.Of(totals).YearlyLevels));
        }

        return new TimelineReport(query, events, funding, await store.RecruitmentAsync(query, cancellationToken).ConfigureAwait(false),
            [.. (await store.LegislationAsync(query, cancellationToken).ConfigureAwait(false)).Select(l => l.Legislation)], commands, subject ?? "All recipients", months,
            await TimelineTables.FinancialYearsAsync(store, query, funding, cancellationToken).ConfigureAwait(false))
        {
            Disputes = await store.DisputesAsync(query, cancellationToken).ConfigureAwait(false),
            Outcomes = await store.IndicatorsAsync(query, cancellationToken).ConfigureAwait(false),
            Deliveries = await DeliveriesAsync(store, query, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<IReadOnlyList<PledgeDelivery>> DeliveriesAsync(IBorderSecurityStore store, AsOfQuery query, CancellationToken cancellationToken)
    {
        var deliveries = new List<PledgeDelivery>();
        foreach (var pledge in await store.PledgesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            deliveries.Add((await PledgeDelivery.OfAsync(store, new PledgeId(pledge.PledgeId), query, cancellationToken).ConfigureAwait(false))!);
        }

        return deliveries;
    }

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

/// <summary>Bad input on the command line: reported with exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);
