using System.Reflection;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Telemetry;
using BorderSecurity.Domain.Testing;
using Microsoft.Extensions.DependencyInjection;
using static BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry;
using static BorderSecurity.Domain.Tests.Support.Facts;

namespace BorderSecurity.Domain.Tests.Telemetry;

public class TelemetryTests
{
    private const string Bsc = "Border Security Command";

    private static PledgeFunding Pledge(string id = "funding:telemetry") =>
        new()
        {
            CommitmentId = new(id),
            Recipient = new(Bsc),
            Amount = M(75),
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };

    private static ServiceProvider Container()
    {
        var services = new ServiceCollection();
        services.AddBorderSecurity();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AWriteIsSeenAsAnActivityADurationAndTheEventsItAppended()
    {
        using var telemetry = new TelemetryRecorder(Name);
        await using var provider = Container();
        var store = provider.GetRequiredService<IBorderSecurityStore>();

        using (var scope = TelemetryRecorder.Scope())
        {
            await store.SubmitAsync(Pledge());
            var submit = telemetry.Under(scope).Should().ContainSingle().Subject;
            submit.Source.Name.Should().Be(Name);
            submit.OperationName.Should().Be(SubmitActivity);
            submit.DisplayName.Should().Be("submit PledgeFunding");
            submit.GetTagItem(StoreTag).Should().Be(MemoryStore);
            submit.GetTagItem(RequestTag).Should().Be(nameof(PledgeFunding));
            submit.GetTagItem(OutcomeTag).Should().Be(Ok);
        }

        var duration = telemetry.Of(SubmitDuration).Should().Contain(m => m.Has(StoreTag, MemoryStore, RequestTag, nameof(PledgeFunding), OutcomeTag, Ok)).Subject;
        duration.Instrument.Unit.Should().Be("s");
        telemetry.Of(SubmitDuration).Should().OnlyContain(m => m.Value >= 0);
        telemetry.Of(EventsAppended).Should().Contain(m => m.Value == 1 && m.Has(StoreTag, MemoryStore, OperationTag, "submit"));
    }

    [Fact]
    public async Task ARepeatedWriteAndARefusedOneAreTaggedWithTheirOutcome()
    {
        using var telemetry = new TelemetryRecorder(Name);
        await using var provider = Container();
        var store = provider.GetRequiredService<IBorderSecurityStore>();
        using var scope = TelemetryRecorder.Scope();

        await store.SubmitAsync(Pledge("funding:twice"), idempotencyKey: "telemetry-once");
        await store.SubmitAsync(Pledge("funding:twice"), idempotencyKey: "telemetry-once");
        var stale = () => store.SubmitAsync(Pledge("funding:stale"), expectedVersion: 5);
        await stale.Should().ThrowAsync<StreamConcurrencyException>();

        telemetry.Under(scope).Select(a => a.GetTagItem(OutcomeTag)).Should().Equal(Ok, AlreadyRecorded, Error);
        var refused = telemetry.Under(scope)[2];
        refused.GetTagItem(ErrorTypeTag).Should().Be(typeof(StreamConcurrencyException).FullName);
        refused.Status.Should().Be(System.Diagnostics.ActivityStatusCode.Error);
        refused.StatusDescription.Should().BeNull("an exception's message is free text and is never reported");
        telemetry.Of(SubmitDuration).Should().Contain(m => m.Has(OutcomeTag, Error, ErrorTypeTag, typeof(StreamConcurrencyException).FullName));
        telemetry.Of(SubmitDuration).Should().Contain(m => m.Has(OutcomeTag, AlreadyRecorded, StoreTag, MemoryStore));
    }

    [Fact]
    public async Task AnImportIsSeenWithTheEventsItStored()
    {
        using var telemetry = new TelemetryRecorder(Name);
        await using var provider = Container();
        var store = provider.GetRequiredService<IBorderSecurityStore>();
        using var scope = TelemetryRecorder.Scope();

        var result = await store.ImportAsync(ReferenceTimeline2024.Steps);
        await store.ImportAsync(ReferenceTimeline2024.Steps);

        var imports = telemetry.Under(scope);
        imports.Should().HaveCount(2).And.OnlyContain(a => a.OperationName == ImportActivity && (string?)a.GetTagItem(StoreTag) == MemoryStore
            && (string?)a.GetTagItem(OutcomeTag) == Ok);
        imports[0].GetTagItem(EventsAppended).Should().Be(result.EventsStored);
        imports[1].GetTagItem(StepsAlreadyStored).Should().Be(ReferenceTimeline2024.Steps.Count);
        telemetry.Of(ImportDuration).Should().Contain(m => m.Has(StoreTag, MemoryStore, OutcomeTag, Ok));
        telemetry.Of(EventsAppended).Should().Contain(m => m.Value == result.EventsStored && m.Has(OperationTag, "import"));
        telemetry.Of(StepsAlreadyStored).Should().Contain(m => m.Value == ReferenceTimeline2024.Steps.Count && m.Has(StoreTag, MemoryStore));
    }

    [Fact]
    public async Task AQuestionIsSeenTaggedWithItsNameTheStoreAndTheOutcome()
    {
        using var telemetry = new TelemetryRecorder(Name);
        await using var provider = Container();
        var store = provider.GetRequiredService<IBorderSecurityStore>();
        await store.SubmitAsync(Pledge());
        using var scope = TelemetryRecorder.Scope();

        (await store.FundingTotalsOfAsync(new Organisation(Bsc), new AsOfQuery(On(11, 5)))).Total.Should().Be(M(75));

        var question = telemetry.Under(scope).Should().ContainSingle().Subject;
        question.OperationName.Should().Be(QuestionActivity);
        question.DisplayName.Should().Be("question FundingTotalsOf");
        question.GetTagItem(QuestionTag).Should().Be("FundingTotalsOf");
        question.GetTagItem(StoreTag).Should().Be(MemoryStore);
        question.GetTagItem(OutcomeTag).Should().Be(Ok);
        question.Tags.Select(t => t.Key).Should().BeEquivalentTo([QuestionTag, StoreTag, OutcomeTag], "no organisation, date or other free text is a tag");
        telemetry.Of(QuestionDuration).Should().Contain(m => m.Has(QuestionTag, "FundingTotalsOf", StoreTag, MemoryStore, OutcomeTag, Ok))
            .Which.Instrument.Unit.Should().Be("s");
    }

    [Fact]
    public async Task EveryQuestionAndLogReadIsMeasuredUnderItsOwnName()
    {
        using var telemetry = new TelemetryRecorder(Name);
        await using var provider = Container();
        var store = provider.GetRequiredService<IBorderSecurityStore>();
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        var members = typeof(IBorderSecurityQueries).GetMethods().Concat(typeof(IBorderSecurityLog).GetMethods()).ToList();

        foreach (var member in members)
        {
            using var scope = TelemetryRecorder.Scope();
            var answer = (Task)member.Invoke(store, member.GetParameters().Select(SampleOf).ToArray())!;
            await answer;

            var question = member.Name[..^"Async".Length];
            telemetry.Under(scope).Should().ContainSingle(a => (string?)a.GetTagItem(QuestionTag) == question, $"{member.Name} is measured")
                .Which.GetTagItem(OutcomeTag).Should().Be(Ok);
            telemetry.Of(QuestionDuration).Should().Contain(m => m.Has(QuestionTag, question, StoreTag, MemoryStore));
        }
    }

    [Fact]
    public async Task ACancelledQuestionIsTaggedCancelled()
    {
        using var telemetry = new TelemetryRecorder(Name);
        await using var provider = Container();
        var store = provider.GetRequiredService<IBorderSecurityStore>();
        using var scope = TelemetryRecorder.Scope();

        var ask = () => store.FundingAsync(new AsOfQuery(On(11, 5)), new CancellationToken(canceled: true));

        await ask.Should().ThrowAsync<OperationCanceledException>();
        var question = telemetry.Under(scope).Should().ContainSingle().Subject;
        question.GetTagItem(OutcomeTag).Should().Be(Cancelled);
        question.GetTagItem(ErrorTypeTag).Should().BeNull();
    }

    [Fact]
    public void AStorePluggedInIsMeasuredUnderTheKindItGives()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryBorderSecurityStore(SystemClock.Instance);
        services.AddSingleton(mine);

        services.AddBorderSecurity().UseStore<InMemoryBorderSecurityStore>("mine");

        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IBorderSecurityStore>().Should().BeOfType<InstrumentedBorderSecurityStore>().Subject;
        store.Inner.Should().BeSameAs(mine);
        store.StoreKind.Should().Be("mine");
        FluentActions.Invoking(() => new BorderSecurity.Domain.Hosting.BorderSecurityBuilder(services).UseStore<InMemoryBorderSecurityStore>(" "))
            .Should().Throw<ArgumentException>().WithParameterName("storeKind");
    }

    /// <summary>A value for each parameter type of the store's questions; a question with a new parameter type needs one here.</summary>
    private static object? SampleOf(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(AsOfQuery) => new AsOfQuery(On(11, 5)),
        var t when t == typeof(Organisation) => new Organisation(Bsc),
        var t when t == typeof(FinancialYearRange) => new FinancialYearRange(new FinancialYear(2024), new FinancialYear(2025)),
        var t when t == typeof(LegislationId) => new LegislationId("legislation:telemetry"),
        var t when t == typeof(CommandId) => new CommandId("command:telemetry"),
        var t when t == typeof(StreamId) => new StreamId(ReferenceTimeline2024.SeptemberRedirectId.Value),
        var t when t == typeof(BorderSecurity.Domain.Changes.ChangesQuery) => new BorderSecurity.Domain.Changes.ChangesQuery(Instant.FromUtc(2024, 10, 1, 0, 0), Instant.FromUtc(2024, 11, 7, 0, 0)),
        var t when t == typeof(BorderSecurity.Domain.Changes.VintagesQuery) => new BorderSecurity.Domain.Changes.VintagesQuery(On(11, 5)),
        var t when t == typeof(RecruitmentTargetId) => ReferenceTimeline2024.CommanderId,
        var t when t == typeof(BorderSecurity.Domain.Outcomes.IndicatorId) => ReferenceTimeline2024.SmallBoatArrivalsId,
        var t when t == typeof(BorderSecurity.Domain.Pledges.PledgeId) => ReferenceTimeline2024.CreateCommandPledgeId,
        var t when t == typeof(BorderSecurity.Domain.Changes.HappenedQuery) => new BorderSecurity.Domain.Changes.HappenedQuery(On(9, 1), On(11, 30)),
        var t when t == typeof(long) => 0L,
        var t when t == typeof(CancellationToken) => CancellationToken.None,
        var t => throw new InvalidOperationException($"No sample value for parameter '{parameter.Name}' of type {t.Name}: add one to SampleOf."),
    };
}
