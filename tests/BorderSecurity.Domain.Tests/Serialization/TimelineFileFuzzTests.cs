using System.Text;
using Bogus;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Serialization;

/// <summary>
/// Hostile timeline files, generated from the reference timeline with Bogus (fixed seed): every input is either
/// read and imported, rejected on reading with a <see cref="TimelineFileException"/> naming a line, or rejected on import
/// with a <see cref="TimelineImportException"/> naming the step (checked first in a throwaway store); no other exception
/// type escapes, and a rejected file leaves the store (already holding an earlier import) exactly as it was.
/// </summary>
public class TimelineFileFuzzTests
{
    private static readonly string Valid = TimelineFile.Write(ReferenceTimeline2024.Steps);

    // What every store holds before the file under test is imported into it: one earlier, unrelated import.
    private static readonly TimelineStep Earlier = new(Instant.FromUtc(2023, 1, 1, 12, 0), new Domain.Funding.PledgeFunding
    {
        CommitmentId = new("funding:earlier-import"),
        Recipient = new("Earlier recipient"),
        Amount = Money.FromMillions(1),
        Basis = Domain.Funding.FundingBasis.Firm,
        Period = new Domain.Funding.FundingPeriod("not stated"),
        Purpose = "earlier",
        AnnouncedBy = "tester",
        ValidOn = new LocalDate(2023, 1, 1),
        Provenance = Provenance.Of(new SourceReference("earlier.txt", "An earlier import", new LocalDate(2023, 1, 1))),
    });

    public static TheoryData<string> HandMade => new()
    {
        "",
        "null",
        "[]",
        "{}",
        """{ "format": "border-security-timeline/1" }""",
        """{ "format": "border-security-timeline/1", "steps": {} }""",
        """{ "format": "border-security-timeline/1", "steps": [ 42 ] }""",
        """{ "format": "border-security-timeline/1", "steps": [ { "request": "PledgeFunding", "knownFrom": "2024-01-01T00:00:00Z", "data": null } ] }""",
        """{ "format": "border-security-timeline/1", "steps": [ { "request": "PledgeFunding", "knownFrom": "2024-01-01T00:00:00Z", "data": { "$type": "System.IO.FileInfo" } } ] }""",
        """{ "$type": "System.Object", "format": "border-security-timeline/1", "steps": [] }""",
        """{ "format": "border-security-timeline/1", "steps": [ { "request": "'; drop table mt_events; --", "knownFrom": "2024-01-01T00:00:00Z", "data": {} } ] }""",
        "{ \"format\": \"border-security-timeline/1\", \"steps\": " + new string('[', 5_000) + new string(']', 5_000) + " }",
        "{ \"format\": \"border-security-timeline/1\", \"steps\": [ { \"request\": \"" + new string('x', 3_000_000) + "\" } ] }",
        Valid[..(Valid.Length / 2)],
        Valid.Replace("75000000", "-75000000"),
        Valid.Replace("75000000", "0"),
        Valid.Replace("75000000", "75000000.001"),
        Valid.Replace("75000000", "1e30"),
        Valid.Replace("75000000", "\"75m\""),
        Valid.Replace("\"2024-09-17\"", "\"2024-02-30\""),
        Valid.Replace("\"2024-11-04\"", "\"2024-07-01\""),
        Valid.Replace("\"UpTo\"", "\"Maybe\""),
        Valid.Replace("\"RoyalAssent\"", "7"),
        Valid.Replace("\"Border Security Command\"", "\"\""),
        Valid.Replace("\"headline\": \"", "\"headline\": \"" + new string('y', 2_500)),
        Valid.Replace("\"command:bsc\"", "\"Command BSC!\""),
    };

    [Theory]
    [MemberData(nameof(HandMade))]
    public async Task HandMadeHostileInputIsRejectedWithALineOrImports(string text) => await AssertReadOrRejectedAsync(text);

    [Fact]
    public async Task ThousandsOfMutatedFilesAreEachReadOrRejectedCleanly()
    {
        var faker = new Faker { Random = new Randomizer(1234) };
        int rejected = 0, rejectedOnImport = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var text = Mutate(faker, Valid);
            var (imported, onImport) = await AssertReadOrRejectedAsync(text);
            if (!imported)
            {
                rejected++;
                rejectedOnImport += onImport ? 1 : 0;
            }
        }

        rejected.Should().BeGreaterThan(1_000, "most mutations break the file");
        rejectedOnImport.Should().BeGreaterThan(50, "many mutated files read but break a rule part way through the import");
    }

    private static string Mutate(Faker faker, string text)
    {
        var at = faker.Random.Int(0, text.Length - 1);
        return faker.Random.Int(0, 7) switch
        {
            0 => text[..at],
            1 => text.Remove(at, Math.Min(faker.Random.Int(1, 40), text.Length - at)),
            2 => text.Insert(at, faker.PickRandom("{", "}", "[", "]", ",", ":", "\"", "null", "-1", "1e400", "\\u0000", "true")),
            3 => text.Replace(faker.PickRandom("75000000", "300", "100", "6000000"), faker.PickRandom("-1", "0", "0.005", "99999999999999999", "\"x\"", "null")),
            4 => text.Replace(faker.PickRandom("\"2024-09-17\"", "\"2024-11-04\"", "\"2024-07-07\""), faker.PickRandom("\"2023-01-01\"", "\"not a date\"", "null", "20240917")),
            5 => text.Replace(faker.PickRandom("\"RedirectFunding\"", "\"PledgeFunding\"", "\"SetRecruitmentTarget\""), faker.PickRandom("\"Unknown\"", "\"AllocateFunding\"", "\"ReviseFunding\"", "null")),
            6 => text.Replace(faker.PickRandom("\"Border Security Command\"", "\"National Crime Agency\""), "\"" + faker.Lorem.Sentence() + "\""),
            _ => text.Insert(at, faker.Random.String2(faker.Random.Int(1, 20))),
        };
    }

    /// <returns>Whether the file was read and imported, and whether it was rejected by the import (having been read).</returns>
    private static async Task<(bool Imported, bool RejectedOnImport)> AssertReadOrRejectedAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var store = new InMemoryBorderSecurityStore(clock);
        await store.ImportAsync([Earlier]);
        var before = await store.ReadAllAsync();
        IReadOnlyList<TimelineStep>? steps = null;
        try
        {
            steps = TimelineFile.Read(bytes);

            // Checked whole in a throwaway store first (as the console does), so a rejected file imports nothing.
            await new InMemoryBorderSecurityStore(clock).ImportAsync([Earlier, .. steps]);
            await store.ImportAsync(steps);
            return (true, false);
        }
        catch (TimelineFileException e)
        {
            e.Message.Should().StartWith("line ");
            e.Detail.Should().NotBeNullOrWhiteSpace();
            steps.Should().BeNull("a file that reads is rejected only by the import");
            (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes(), "a rejected file stores nothing");
            return (false, false);
        }
        catch (TimelineImportException e)
        {
            e.Message.Should().Contain($"step {e.Step}", "the message names the step (the file's step {0}: the throwaway import had the earlier step first)", e.Step - 1);
            e.InnerException.Should().Match(x => x is DomainRuleViolationException || x is ArgumentException || x is IdempotencyKeyConflictException);
            TimelineFile.StepLines(bytes).Should().HaveCountGreaterThan(e.Step - 1, "the failed step's line is found by its index");
            (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes(), "a rejected file stores nothing");
            return (false, true);
        }
    }
}
