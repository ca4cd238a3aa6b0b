using Bogus;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenHostileInputTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task HostileRequestsAreStoredOrRejectedCleanlyAndARejectionStoresNothing()
    {
        var faker = new Faker { Random = new Randomizer(7) };
        int stored = 0, rejected = 0;
        for (var i = 0; i < 300; i++)
        {
            var request = HostileRequestFactory.Next(faker);
            var before = (await factory.Model.ReadAllAsync()).Count;
            try
            {
                await factory.Model.SubmitAsync(request);
                stored++;
            }
            catch (Exception e) when (e is ArgumentException or DomainRuleViolationException)
            {
                (await factory.Model.ReadAllAsync()).Should().HaveCount(before);
                rejected++;
            }
        }

        stored.Should().BePositive();
        rejected.Should().BePositive();
    }

    [Fact]
    public async Task SqlAndTypeNamesInTextAreStoredAsPlainText()
    {
        const string id = "funding:sql";
        const string hostile = "'; drop table mt_events; -- {\"$type\":\"System.IO.FileInfo, System.IO\"}";
        await factory.Model.SubmitAsync(new PledgeFunding
        {
            CommitmentId = new(id),
            Recipient = new(hostile),
            Amount = Money.FromMillions(1),
            Basis = FundingBasis.Firm,
            OriginName = hostile,
            Period = new FundingPeriod(hostile),
            Purpose = hostile,
            AnnouncedBy = hostile,
            ValidOn = new LocalDate(2024, 1, 1),
            Provenance = Provenance.Of(new SourceReference(hostile, hostile)),
        });

        var stored = (await factory.Model.ReadAllAsync()).Single(e => e.StreamId == id).Data.Should().BeOfType<FundingPledged>().Subject;
        stored.Recipient.Should().Be(hostile);
        stored.Provenance.Sources[0].Headline.Should().Be(hostile);
        (await factory.Model.FundingAsync(new AsOfQuery(new LocalDate(2024, 2, 1)))).For(hostile).Totals.Total.Should().Be(Money.FromMillions(1));
    }
}
