using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api.Endpoints;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Shared;
using NodaTime;
using NodaTime.Text;

namespace BorderSecurity.Samples.Tests;

// Cacheable answers (issue #24): an ETag on every answer, 304 on a repeat while the log has not moved, and the audit
// view (an answer as recorded by a past instant) immutable.
public class ApiCachingTests
{
    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task ARepeatWithTheETagIs304UntilAWriteMovesTheLog(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind);
        var client = host.Editor();
        await PledgeAsync(client, "funding:etag-1");

        var first = await client.GetAsync("/funding?asOf=2024-11-05");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var tag = first.Headers.ETag;
        tag.Should().NotBeNull();
        tag!.IsWeak.Should().BeFalse("the tag is strong: the same bytes for the same log and request");
        first.Headers.CacheControl!.NoCache.Should().BeTrue("an answer as known now may change when the log does");
        first.Headers.Vary.Should().Contain("Accept");

        var repeat = await SendAsync(client, "/funding?asOf=2024-11-05", tag);
        repeat.StatusCode.Should().Be(HttpStatusCode.NotModified);
        repeat.Headers.ETag.Should().Be(tag);
        (await repeat.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        var known = await client.GetAsync("/funding?asOf=2024-11-05&knownAt=2025-01-01T00:00:00Z");
        (await SendAsync(client, "/funding?knownAt=2025-01-01T00:00:00Z&asOf=2024-11-05", known.Headers.ETag)).StatusCode
            .Should().Be(HttpStatusCode.NotModified, "the same question with its parameters in another order is the same answer");
        (await SendAsync(client, "/funding?asOf=2024-11-06", tag)).StatusCode.Should().Be(HttpStatusCode.OK, "another question has another tag");

        await PledgeAsync(client, "funding:etag-2");
        var afterWrite = await SendAsync(client, "/funding?asOf=2024-11-05", tag);
        afterWrite.StatusCode.Should().Be(HttpStatusCode.OK, "a write moved the log, so the answer is worked out again");
        afterWrite.Headers.ETag.Should().NotBe(tag);
        (await SendAsync(client, "/funding?asOf=2024-11-05", afterWrite.Headers.ETag)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task AnAnswerAsRecordedByAPastInstantIsImmutableAndStays304AfterWrites(ApiStore kind)
    {
        await using var host = await ApiHost.StartAsync(kind);
        var client = host.Editor();
        await PledgeAsync(client, "funding:audit-1");
        await Task.Delay(10);
        var recordedBy = InstantPattern.ExtendedIso.Format(SystemClock.Instance.GetCurrentInstant() - Duration.FromMilliseconds(5));
        var path = $"/funding?asOf=2024-11-05&recordedBy={recordedBy}";

        var first = await client.GetAsync(path);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.CacheControl!.ToString().Should().Be("public, " + ConditionalReads.Immutable);
        var body = await first.Content.ReadAsStringAsync();

        await PledgeAsync(client, "funding:audit-2");
        var repeat = await SendAsync(client, path, first.Headers.ETag);
        repeat.StatusCode.Should().Be(HttpStatusCode.NotModified, "nothing written later is recorded by a past instant");
        var again = await client.GetAsync(path);
        again.Headers.ETag.Should().Be(first.Headers.ETag);
        (await again.Content.ReadAsStringAsync()).Should().Be(body, "the audit view never changes, which is what makes it immutable");

        var asKnownNow = await client.GetAsync("/funding?asOf=2024-11-05");
        asKnownNow.Headers.CacheControl!.NoCache.Should().BeTrue("without recordedBy in the past the answer is not immutable");
    }

    [Fact]
    public async Task AProblemCarriesNoETag()
    {
        await using var host = await ApiHost.StartAsync();
        var response = await host.Anonymous().GetAsync("/funding?asOf=not-a-date");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.ETag.Should().BeNull();
        response.Headers.CacheControl.Should().BeNull();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, EntityTagHeaderValue? tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag!);
        return await client.SendAsync(request);
    }

    private static async Task PledgeAsync(HttpClient client, string id)
    {
        var pledge = new PledgeFunding
        {
            CommitmentId = new(id),
            Recipient = new("Border Security Command"),
            Amount = Money.FromMillions(10),
            Basis = FundingBasis.Firm,
            Period = FundingPeriod.NotStated("not stated"),
            Purpose = "Caching test",
            AnnouncedBy = "Home Secretary",
            ValidOn = new LocalDate(2024, 11, 1),
            Provenance = Provenance.Of(new SourceReference("caching.txt", "Caching", new LocalDate(2024, 11, 1))),
        };
        var body = JsonSerializer.Serialize(pledge, TimelineFile.JsonOptions);
        var response = await client.PostAsync("/requests/PledgeFunding", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
