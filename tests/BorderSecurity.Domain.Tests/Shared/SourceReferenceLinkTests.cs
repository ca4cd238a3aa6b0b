using System.Text.Json;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Domain.Tests.Shared;

public class SourceReferenceLinkTests
{
    [Theory]
    [InlineData("https://bills.parliament.uk/bills/3929")]
    [InlineData("http://www.gov.uk/")]
    public void AnAbsoluteHttpAddressIsKept(string url) =>
        new SourceReference("doc", "Headline", url: url).Url.Should().Be(url);

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("/research-briefings/cbp-10253/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://exa mple.org/")]
    [InlineData("")]
    public void AnythingElseIsAnInvalidUrl(string url) =>
        FluentActions.Invoking(() => new SourceReference("doc", "Headline", url: url))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("url");

    [Fact]
    public void AQuoteIsShort() =>
        FluentActions.Invoking(() => new SourceReference("doc", "Headline", quote: new string('x', SourceReference.MaxQuoteLength + 1)))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("quote");

    [Fact]
    public void OldJsonWithoutUrlOrQuoteReadsAsNone()
    {
        const string old = """[{"document":"003_42febc41d18400fd.txt","headline":"New funding for tech for Border Security Command","publishedOn":null,"publisher":null}]""";
        var provenance = JsonSerializer.Deserialize<Provenance>(old, TimelineFile.JsonOptions)!;
        provenance.Sources.Should().ContainSingle().Which.Should().Match<SourceReference>(s => s.Url == null && s.Quote == null);
    }

    [Fact]
    public void ASourceWithoutUrlOrQuoteWritesTheBytesItAlwaysDid()
    {
        var source = new SourceReference("003_42febc41d18400fd.txt", "New funding for tech for Border Security Command");
        JsonSerializer.Serialize(source, TimelineFile.JsonOptions)
            .Should().Be("""{"document":"003_42febc41d18400fd.txt","headline":"New funding for tech for Border Security Command","publishedOn":null,"publisher":null}""");
    }

    [Fact]
    public void AUrlAndQuoteRoundTrip()
    {
        var source = new SourceReference("doc", "Headline", new LocalDate(2025, 5, 2), "UK Parliament",
            "https://bills.parliament.uk/bills/3929", "A short extract");
        JsonSerializer.Deserialize<SourceReference>(JsonSerializer.Serialize(source, TimelineFile.JsonOptions), TimelineFile.JsonOptions)
            .Should().Be(source);
    }
}
