using Bogus;
using BorderSecurity.Domain.Testing;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Reliability;

/// <summary>
/// Thousands of hostile requests against the in-memory store: each is stored, or rejected with an argument error
/// naming the field or a rule error naming the rule; nothing else escapes, and a rejection stores nothing.
/// </summary>
public class HostileRequestTests
{
    [Fact]
    public void EveryHostileRequestIsStoredOrRejectedCleanlyAndARejectionStoresNothing()
    {
        var faker = new Faker { Random = new Randomizer(99) };
        var store = new InMemoryEventStore(new SteppingClock(Instant.FromUtc(2024, 1, 1, 0, 0)));
        int stored = 0, argumentErrors = 0, ruleErrors = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var request = HostileRequestFactory.Next(faker);
            var before = store.Count;
            try
            {
                store.Submit(request);
                stored++;
            }
            catch (ArgumentException e)
            {
                e.ParamName.Should().NotBeNullOrWhiteSpace("an argument error names the field ({0})", e.Message);
                store.Count.Should().Be(before);
                argumentErrors++;
            }
            catch (DomainRuleViolationException e)
            {
                e.Rule.Should().NotBeNullOrWhiteSpace();
                store.Count.Should().Be(before);
                ruleErrors++;
            }
        }

        argumentErrors.Should().BePositive();
        ruleErrors.Should().BePositive();
        stored.Should().BePositive();
        store.ReadAll().Should().OnlyContain(e => e.Data.StreamId == e.StreamId);
    }
}
