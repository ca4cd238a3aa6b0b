using System.Text.Json;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Domain.Tests.Legislative;

/// <summary>v1 legislation and powers JSON read through <see cref="EventCatalogue.Read"/>, the path every raw reader takes.</summary>
public class LegislationLegacyShapeTests
{
    // The model's own JSON options (camelCase); the Marten tests read the same v1 shapes as Marten stored them.
    private static readonly JsonSerializerOptions Stored = TimelineFile.JsonOptions;

    private const string Sources = """[{"document":"v1.txt","headline":"A source of the v1 events","publishedOn":null,"publisher":null}]""";

    private static IBorderSecurityEvent Read(string name, string json) =>
        EventCatalogue.Read(name, type => JsonSerializer.Deserialize(json, type, Stored));

    [Theory]
    [InlineData("SecondReading", "House of Commons", ParliamentHouse.Commons, BillStage.SecondReading)]
    [InlineData("Committee", "Commons", ParliamentHouse.Commons, BillStage.CommitteeStage)]
    [InlineData("ThirdReading", "House of Lords", ParliamentHouse.Lords, BillStage.ThirdReading)]
    [InlineData("OtherHouse", "House of Lords", ParliamentHouse.Lords, BillStage.StagesNotStated)]
    [InlineData("OtherHouse", "the other place", ParliamentHouse.NotStated, BillStage.StagesNotStated)]
    public void AV1StageMapsToTheStageAndHouseItStated(string stage, string house, ParliamentHouse expectedHouse, BillStage expectedStage)
    {
        var json = $$"""{"legislationId":"legislation:x","stage":"{{stage}}","house":"{{house}}","validOn":"2023-02-01","provenance":{{Sources}}}""";

        Read("legislation.stage-completed.v1", json).Should().BeOfType<ParliamentaryStageCompleted>()
            .Which.Should().Match<ParliamentaryStageCompleted>(e => e.House == expectedHouse && e.Stage == expectedStage
                && e.ValidOn == new LocalDate(2023, 2, 1) && e.LegislationId == "legislation:x");
    }

    [Fact]
    public void AV1CommencementKeepsItsTextAsOneProvision() =>
        Read("legislation.commenced.v1", $$"""{"legislationId":"legislation:x","provisions":"sections 1 to 5","validOn":"2023-08-01","provenance":{{Sources}}}""")
            .Should().BeOfType<LegislationCommenced>().Which.Provisions.Should().Equal("sections 1 to 5");

    [Fact]
    public void AV1PowersEventNamesNoProvisions() =>
        Read("command.powers-conferred.v1", $$"""{"commandId":"command:x","legislationId":"legislation:x","powers":"p","validOn":"2023-08-02","provenance":{{Sources}}}""")
            .Should().BeOfType<CommandPowersConferred>().Which.Provisions.Should().BeEmpty();

    [Fact]
    public void TheCurrentShapesHaveNewWireNames()
    {
        EventCatalogue.NameOf(typeof(ParliamentaryStageCompleted)).Should().Be("legislation.stage-completed.v2");
        EventCatalogue.NameOf(typeof(LegislationCommenced)).Should().Be("legislation.commenced.v2");
        EventCatalogue.NameOf(typeof(CommandPowersConferred)).Should().Be("command.powers-conferred.v2");
        TimelineFile.FormatVersion.Should().Be(5);
    }
}
