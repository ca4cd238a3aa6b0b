using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.Tests.Support.Facts;

namespace BorderSecurity.Domain.Tests.Shared;

public class ValueTests
{
    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.001)]
    [InlineData(10_000_000_000_001)]
    public void MoneyRejectsNegativeFractionalPenceAndAbsurdAmounts(decimal pounds)
    {
        var act = () => Money.FromPounds(pounds);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("pounds");
    }

    [Fact]
    public void MoneyAddsExactlyAndRefusesToGoNegative()
    {
        (Money.FromMillions(75) + Money.FromMillions(75)).Should().Be(Money.FromMillions(150));
        var act = () => Money.FromMillions(75) - Money.FromMillions(76);
        act.Should().Throw<ArgumentException>();
        Money.FromMillions(150).ToString().Should().Be("£150,000,000.00");
    }

    [Fact]
    public void AProvenanceNeedsAtLeastOneSourceAndNoDuplicates()
    {
        var empty = () => new Provenance([]);
        var twice = () => Provenance.Of(Source, Source);

        empty.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("sources");
        twice.Should().Throw<ArgumentException>().WithMessage("*same source twice*");
        Provenance.Of(Source, OtherSource).Should().Be(Provenance.Of(Source, OtherSource));
    }

    [Fact]
    public void ASourceNeedsADocumentAndAHeadline()
    {
        var act = () => new SourceReference(" ", "Headline");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("document");
    }

    [Theory]
    [InlineData("nul\u0000")]
    [InlineData("bell\u0007")]
    [InlineData("del\u007f")]
    public void TextWithControlCharactersIsRejectedNamingTheField(string headline)
    {
        var act = () => new SourceReference("doc.txt", headline);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("headline");
    }

    [Fact]
    public void TextWithAnUnpairedSurrogateIsRejectedNamingTheField()
    {
        var act = () => new SourceReference("doc.txt", "lone " + (char)0xD800 + " surrogate");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("headline");
    }

    [Fact]
    public void EveryEventTypeHasAUniqueStableWireName()
    {
        var names = EventCatalogue.EventTypes.Select(EventCatalogue.NameOf).ToArray();

        names.Should().OnlyHaveUniqueItems().And.OnlyContain(n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^[a-z-]+\.[a-z-]+\.v[1-9][0-9]*$"));
        EventCatalogue.EventTypes.Should().OnlyContain(t => t.IsSealed && EventCatalogue.TypeOf(EventCatalogue.NameOf(t)) == t);
        typeof(IBorderSecurityEvent).Assembly.GetTypes()
            .Where(t => typeof(IBorderSecurityEvent).IsAssignableFrom(t) && !t.IsInterface)
            .Should().BeEquivalentTo(EventCatalogue.EventTypes, "every event must be in the catalogue");
    }

    [Fact]
    public void EveryLegacyShapeIsAnOldWireNameOfACurrentEventReadThroughTheCatalogue()
    {
        var current = EventCatalogue.EventTypes.Select(EventCatalogue.NameOf).ToHashSet();

        foreach (var legacy in EventCatalogue.LegacyShapes)
        {
            current.Should().NotContain(legacy.WireName, "a legacy wire name is never reused by a current event");
            EventCatalogue.EventTypes.Should().Contain(legacy.CurrentType);
            legacy.StoredType.IsSealed.Should().BeTrue();
            typeof(IBorderSecurityEvent).IsAssignableFrom(legacy.StoredType).Should().BeFalse("an old shape is only read, never decided or stored");
            EventCatalogue.TryStoredTypeOf(legacy.WireName, out var stored).Should().BeTrue();
            stored.Should().Be(legacy.StoredType);
        }

        foreach (var type in EventCatalogue.EventTypes)
        {
            EventCatalogue.TryStoredTypeOf(EventCatalogue.NameOf(type), out var stored).Should().BeTrue();
            stored.Should().Be(type);
        }

        EventCatalogue.TryStoredTypeOf("funding.pledged.v0", out _).Should().BeFalse();
        var unknown = () => EventCatalogue.Read("funding.pledged.v0", _ => new object());
        unknown.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
    }

    [Fact]
    public void EveryLegacyRequestShapeMapsAnOlderTimelineFormatToACurrentRequest()
    {
        foreach (var legacy in RequestCatalogue.LegacyShapes)
        {
            RequestCatalogue.TryGetType(legacy.RequestName, out _).Should().BeTrue();
            legacy.UntilFormat.Should().BeInRange(1, BorderSecurity.Domain.Serialization.TimelineFile.FormatVersion - 1);
            legacy.StoredType.IsSealed.Should().BeTrue();
            RequestCatalogue.TryGetLegacyShape(legacy.RequestName, legacy.UntilFormat, out var shape).Should().BeTrue();
            shape!.UntilFormat.Should().BeLessThanOrEqualTo(legacy.UntilFormat);
            RequestCatalogue.TryGetLegacyShape(legacy.RequestName, BorderSecurity.Domain.Serialization.TimelineFile.FormatVersion, out _)
                .Should().BeFalse("files of the current format carry today's shape");
        }
    }

    [Fact]
    public void AnAsOfQueryCountsEventsOnBothAxes()
    {
        var recorded = new RecordedEvent(1, "command:x", 1, Instant.FromUtc(2024, 11, 5, 9, 0),
            new Domain.Commands.CommandEstablished("command:x", "X", "Home Office", On(9, 1), Cited));

        new AsOfQuery(On(9, 1)).Includes(recorded).Should().BeTrue();
        new AsOfQuery(On(8, 31)).Includes(recorded).Should().BeFalse();
        new AsOfQuery(On(9, 1), Instant.FromUtc(2024, 11, 5, 9, 0)).Includes(recorded).Should().BeTrue();
        new AsOfQuery(On(9, 1), Instant.FromUtc(2024, 11, 5, 8, 59)).Includes(recorded).Should().BeFalse();
    }
}
