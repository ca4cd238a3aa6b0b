using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// Compares a store's answers with the <see cref="IndependentOracle"/> over a log: each answer is
/// turned into the oracle's plain shape (ids, names, pounds, stage names, "document|headline" sources) and compared
/// with what the oracle folds from the raw events. The answers' own types are read, never their factories.
/// </summary>
public static partial class OracleAssertions
{
    /// <summary>A portfolio (all recipients, or <paramref name="recipient"/>'s only) against the oracle.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log it was asked of.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="recipient">The recipient the answer is limited to, or null.</param>
    public static void Funding(FundingPortfolio actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because, string? recipient = null)
    {
        var expected = IndependentOracle.Commitments(log, query.AsOf, query.KnownAt, query.RecordedBy)
            .Where(c => recipient is null || c.Recipient == recipient).ToList();
        actual.Commitments.Select(ToOracle).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);
        Totals(actual.Totals, IndependentOracle.Sum(expected), because);
        ByCapability(actual.ByCapability, expected, because + ", by capability");
        ByOrigin(actual.ByOrigin, expected, because + ", by origin");

        var recipients = expected.GroupBy(c => c.Recipient).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        actual.Recipients.Select(r => r.Recipient).Should().Equal(recipients.Select(g => g.Key), because + ", recipients");
        foreach (var (answer, group) in actual.Recipients.Zip(recipients))
        {
            Totals(answer.Totals, IndependentOracle.Sum(group), $"{because}, {group.Key}");
            answer.CommitmentIds.Should().Equal(group.Select(c => c.Id), $"{because}, {group.Key}");
            ByCapability(answer.ByCapability, group, $"{because}, {group.Key} by capability");
            ByOrigin(answer.ByOrigin, group, $"{because}, {group.Key} by origin");
        }

        OpenDisputes(actual.OpenDisputes, expected.Select(c => c.Id), log, query, because + ", open disputes");
        Delivery(FundingDelivery.Of(actual, recipient), expected, because + ", money delivered");
    }

    /// <summary>
    /// Money delivered (<see cref="FundingDelivery"/>) against the oracle: each commitment's planned, spent, still to spend and
    /// overspend and its years; the sums over the commitments (spent over all, still to spend over amounts once).
    /// </summary>
    /// <param name="actual">The delivery.</param>
    /// <param name="expected">The oracle's commitments it covers.</param>
    /// <param name="because">Why.</param>
    public static void Delivery(FundingDelivery actual, IReadOnlyList<IndependentOracle.Commitment> expected, string because)
    {
        var views = expected.Select(IndependentOracle.Delivery).ToList();
        actual.Commitments.Select(d => new IndependentOracle.DeliveryView(d.CommitmentId, d.Planned.Pounds, d.Spent.Pounds, d.StillToSpend?.Pounds,
                d.Overspend.Pounds, [.. d.Years.Select(y => (y.Year.StartYear, y.Promised?.Pounds, y.Planned.Pounds, y.Spent.Pounds))]))
            .Should().BeEquivalentTo(views, o => o.WithStrictOrdering(), because);
        actual.Spent.Pounds.Should().Be(views.Sum(v => v.Spent), because + ", spent");
        actual.SpentAgainstTotal.Pounds.Should().Be(views.Zip(expected).Where(x => !x.Second.IsYearlyLevel).Sum(x => x.First.Spent), because + ", spent against the total");
        actual.StillToSpend.Pounds.Should().Be(views.Sum(v => v.StillToSpend ?? 0), because + ", still to spend");
        actual.Overspend.Pounds.Should().Be(views.Sum(v => v.Overspend), because + ", overspend");
        actual.ByYear.Select(y => (y.Year.StartYear, y.Planned.Pounds, y.Spent.Pounds))
            .Should().Equal(views.SelectMany(v => v.Years).GroupBy(y => y.Year).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Sum(y => y.Planned), g.Sum(y => y.Spent))), because + ", by year");
    }

    /// <summary>Funding totals against the oracle's sums.</summary>
    /// <param name="actual">The totals.</param>
    /// <param name="expected">The oracle's sums.</param>
    /// <param name="because">Why.</param>
    public static void Totals(FundingTotals actual, IndependentOracle.Sums expected, string because) =>
        ToOracle(actual).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);

    /// <summary>Recruitment against the oracle: every target, and each organisation's and the overall target, in post and gap.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void Recruitment(RecruitmentSummary actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because)
    {
        var expected = IndependentOracle.Targets(log, query.AsOf, query.KnownAt, query.RecordedBy);
        actual.Organisations.SelectMany(o => o.Targets).OrderBy(t => t.TargetId, StringComparer.Ordinal)
            .Select(t => new IndependentOracle.Target(t.TargetId, t.Organisation, t.Role, t.Status.ToString(), t.Headcount, t.InPost, t.Deadline,
                t.Announcements, [.. t.Sources.Select(Key)], t.Basis.ToString()))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);
        static (int, int, int) Of(IEnumerable<IndependentOracle.Target> targets) =>
            (targets.Sum(t => t.Headcount), targets.Sum(t => t.InPost), targets.Sum(t => Math.Max(0, t.Headcount - t.InPost)));
        (actual.Target, actual.InPost, actual.Gap).Should().Be(Of(expected), because);
        actual.Organisations.Select(o => (o.Organisation, (o.Target, o.InPost, o.Gap)))
            .Should().Equal(expected.GroupBy(t => t.Organisation).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Of(g))), because);
        OpenDisputes(actual.OpenDisputes, expected.Select(t => t.Id), log, query, because + ", open disputes");
    }

    /// <summary>Legislation against the oracle.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void Legislation(IReadOnlyList<Legislation> actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because) =>
        actual.Select(l => new IndependentOracle.Bill(l.LegislationId, l.Title, l.Stage.ToString(),
                [.. l.History.Select(h => new IndependentOracle.StageStep(h.Stage.ToString(), h.On, h.Detail))], [.. l.Sources.Select(Key)],
                l.UnderWay is { } u ? $"{BillStages.NameOf(u.House)}|{u.Stage}|{u.On:yyyy-MM-dd}" : null))
            .Should().BeEquivalentTo(IndependentOracle.Legislation(log, query.AsOf, query.KnownAt, query.RecordedBy), o => o.WithStrictOrdering(), because);

    /// <summary>Bills by session against the oracle: every session's bills, then those whose session was not stated, flattened in order.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="because">Why.</param>
    public static void Sessions(BillsBySession actual, IReadOnlyList<RecordedEvent> log, string because)
    {
        ArgumentNullException.ThrowIfNull(actual);
        static IndependentOracle.SessionRow Row(string? session, SessionBill b) =>
            new(session, b.LegislationId, b.Title, b.Outcome.ToString(), b.From, b.On, [.. b.Sources.Select(Key)]);
        actual.Sessions.SelectMany(s => s.Bills.Select(b => Row(s.Session, b)))
            .Concat(actual.SessionNotStated.Select(b => Row(null, b)))
            .Should().BeEquivalentTo(IndependentOracle.BillsBySession(log, actual.Query.AsOf, actual.Query.KnownAt, actual.Query.RecordedBy),
                o => o.WithStrictOrdering(), because);
    }

    /// <summary>A command overview against the oracle.</summary>
    /// <param name="actual">The answer, or null.</param>
    /// <param name="commandId">The command asked about.</param>
    /// <param name="log">The log.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void Command(CommandOverview? actual, string commandId, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because)
    {
        var expected = IndependentOracle.Command(log, commandId, query.AsOf, query.KnownAt, query.RecordedBy);
        if (expected is null)
        {
            actual.Should().BeNull(because);
            return;
        }

        actual.Should().NotBeNull(because);
        var c = actual!.Command;
        new IndependentOracle.CommandView(c.CommandId, c.Name, c.ParentDepartment, c.EstablishedOn,
                c.Leader is { } l ? new IndependentOracle.Leader(l.Name, l.PostTitle, l.Honours, l.AppointedOn) : null,
                [.. c.Agencies.Select(a => new IndependentOracle.Membership(a.Key, a.Value.IsCoordinated, a.Value.StatedOn))],
                [.. c.Units.Values.Select(Feature)], [.. c.Powers.Values.Select(Feature)], [.. c.Agreements.Values.Select(Feature)], [.. c.Sources.Select(Key)],
                ToOracle(actual.Funding.Totals),
                actual.Funding.CommitmentIds, actual.Recruitment.Target, actual.Recruitment.InPost, actual.Recruitment.Gap,
                [.. actual.Recruitment.Targets.Select(t => t.TargetId)])
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);
        OpenDisputes(actual.OpenDisputes, expected.CommitmentIds.Append(commandId).Concat(expected.TargetIds), log, query, because + ", open disputes");
        var commitments = IndependentOracle.Commitments(log, query.AsOf, query.KnownAt, query.RecordedBy).Where(x => x.Recipient == expected.Name).ToList();
        ByOrigin(actual.Funding.ByOrigin, commitments, because + ", by origin");
        ByCapability(actual.Funding.ByCapability, commitments, because + ", by capability");
    }

    /// <summary>The timeline against the oracle: every counting event, in valid-date then recording order.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void Timeline(IReadOnlyList<TimelineEntry> actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because) =>
        actual.Select(e => (e.StreamId, e.EventName, e.ValidOn, e.KnownFrom))
            .Should().Equal(IndependentOracle.Timeline(log, query.AsOf, query.KnownAt, query.RecordedBy), because);

    /// <summary>A funding series against the oracle's: its points up to the question's date (a series has none after it).</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="recipient">The recipient, or null.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void FundingSeries(IReadOnlyList<SeriesPoint<FundingSeriesValue>> actual, IReadOnlyList<RecordedEvent> log, string? recipient, AsOfQuery query,
        string because) =>
        actual.Select(p => (p.From, new IndependentOracle.SeriesValue(p.Value.Total.Pounds, [.. p.Value.YearlyLevels.Select(ToOracle)])))
            .Should().Equal(IndependentOracle.FundingSeries(log, recipient, query.KnownAt, query.RecordedBy).Where(p => p.From <= query.AsOf),
                $"{because}, funding series of {recipient ?? "all"} {query}");

    /// <summary>A headcount series against the oracle's: its points up to the question's date.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="organisation">The organisation, or null.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void HeadcountSeries(IReadOnlyList<SeriesPoint<int>> actual, IReadOnlyList<RecordedEvent> log, string? organisation, AsOfQuery query,
        string because) =>
        actual.Select(p => (p.From, p.Value))
            .Should().Equal(IndependentOracle.HeadcountSeries(log, organisation, query.KnownAt, query.RecordedBy).Where(p => p.From <= query.AsOf),
                $"{because}, headcount series of {organisation ?? "all"} {query}");

    /// <summary>
    /// Asks a store every question for <paramref name="query"/> through its contract: funding and its totals, each
    /// recipient's funding and totals (and one nobody has), recruitment, legislation (each piece, and one that does not
    /// exist), every command's overview (and one that does not exist), the timeline, the disputes and funding by financial
    /// year (portfolio and each recipient), each checked against the oracle over the store's own log.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    /// <returns>A task.</returns>
    public static async Task AllQuestionsAsync(IBorderSecurityStore store, AsOfQuery query, string because = "") =>
        await AllQuestionsAsync(store, await store.ReadAllAsync(), query, because);

    /// <summary>As <see cref="AllQuestionsAsync(IBorderSecurityStore, AsOfQuery, string)"/>, over a log given apart from the answers.</summary>
    /// <param name="store">The answers.</param>
    /// <param name="log">The log they answer for.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    /// <returns>A task.</returns>
    public static async Task AllQuestionsAsync(IBorderSecurityQueries store, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because = "")
    {
        var why = $"{because} {query} (independent oracle)".Trim();
        var commitments = IndependentOracle.Commitments(log, query.AsOf, query.KnownAt, query.RecordedBy);
        Funding(await store.FundingAsync(query), log, query, why);
        Totals(await store.FundingTotalsAsync(query), IndependentOracle.Sum(commitments), why);
        foreach (var recipient in RecipientsIn(log).Append("Nobody"))
        {
            Funding(await store.FundingOfAsync(new Organisation(recipient), query), log, query, $"{why}, {recipient}", recipient);
            Totals(await store.FundingTotalsOfAsync(new Organisation(recipient), query), IndependentOracle.Sum(commitments.Where(c => c.Recipient == recipient)),
                $"{why}, {recipient}");
        }

        Recruitment(await store.RecruitmentAsync(query), log, query, why);
        var legislation = await store.LegislationAsync(query);
        Legislation([.. legislation.Select(l => l.Legislation)], log, query, why);
        Sessions(await BillsBySession.OfAsync(store, query), log, $"{why}, bills by session");
        foreach (var overview in legislation)
        {
            OpenDisputes(overview.OpenDisputes, [overview.LegislationId], log, query, $"{why}, open disputes about {overview.LegislationId}");
        }

        foreach (var legislationId in LegislationIn(log).Append("legislation:none"))
        {
            var one = await store.LegislationOfAsync(new LegislationId(legislationId), query);
            Legislation(one is null ? [] : [one.Legislation], [.. log.Where(e => e.StreamId == legislationId)],
                query, $"{why}, {legislationId}");
            if (one is not null)
            {
                OpenDisputes(one.OpenDisputes, [legislationId], log, query, $"{why}, open disputes about {legislationId}");
            }
        }

        foreach (var commandId in CommandsIn(log))
        {
            Command(await store.CommandAsync(new Commands.CommandId(commandId), query), commandId, log, query, $"{why}, {commandId}");
        }

        Timeline(await store.TimelineAsync(query), log, query, why);
        await DisputeQuestionsAsync(store, log, query, why);
        await AllFinancialYearsAsync(store, log, query, why);
    }

    /// <summary>
    /// Every funding and headcount series of a store (overall, and per recipient and organisation) against the oracle's,
    /// each up to the question's date, as known at and recorded by its instants.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="query">The question: the series end at its date.</param>
    /// <param name="because">Why.</param>
    /// <returns>A task.</returns>
    public static async Task AllSeriesAsync(IBorderSecurityStore store, AsOfQuery query, string because = "") =>
        await AllSeriesAsync(store, await store.ReadAllAsync(), query, because);

    /// <summary>As <see cref="AllSeriesAsync(IBorderSecurityStore, AsOfQuery, string)"/>, over a log given apart from the answers.</summary>
    /// <param name="store">The answers.</param>
    /// <param name="log">The log they answer for.</param>
    /// <param name="query">The question: the series end at its date.</param>
    /// <param name="because">Why.</param>
    /// <returns>A task.</returns>
    public static async Task AllSeriesAsync(IBorderSecurityQueries store, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because = "")
    {
        FundingSeries(await store.FundingSeriesAsync(query), log, null, query, because);
        foreach (var recipient in RecipientsIn(log))
        {
            FundingSeries(await store.FundingSeriesOfAsync(new Organisation(recipient), query), log, recipient, query, because);
        }

        HeadcountSeries(await store.HeadcountSeriesAsync(query), log, null, query, because);
        foreach (var organisation in OrganisationsIn(log))
        {
            HeadcountSeries(await store.HeadcountSeriesOfAsync(new Organisation(organisation), query), log, organisation, query, because);
        }
    }

    private static IEnumerable<string> RecipientsIn(IReadOnlyList<RecordedEvent> log) =>
        log.Select(e => e.Data switch { FundingPledged p => p.Recipient, FundingRedirected r => r.Recipient, _ => null }).OfType<string>().Distinct();

    private static IEnumerable<string> OrganisationsIn(IReadOnlyList<RecordedEvent> log) =>
        log.Select(e => e.Data).OfType<Recruitment.RecruitmentTargetSet>().Select(t => t.Organisation).Distinct();

    private static IEnumerable<string> CommandsIn(IReadOnlyList<RecordedEvent> log) =>
        log.Select(e => e.Data).OfType<Commands.CommandEstablished>().Select(c => c.CommandId).Append("command:none").Distinct();

    private static IndependentOracle.Commitment ToOracle(CommitmentPosition c) =>
        new(c.CommitmentId, c.Recipient, c.Origin.Kind == FundingOriginKind.Redirected, c.Origin.Name, c.Basis == FundingBasis.UpTo, c.CommittedOn,
            c.Amount.Pounds, IndependentOracle.PeriodView.Of(c.Period), [.. c.Allocations.Select(a => (a.Capability, a.Amount.Pounds))], c.IsWithdrawn,
            [.. c.Sources.Select(Key)])
        {
            Spending = [.. c.Spending.Select(l => new IndependentOracle.SpendingView(l.Year.StartYear, l.Stage.ToString(), l.Kind.ToString(), l.Amount.Pounds, l.StatedOn))],
        };

    private static IndependentOracle.Sums ToOracle(FundingTotals t) =>
        new(t.Total.Pounds, t.NewMoney.Pounds, t.Redirected.Pounds, t.Firm.Pounds, t.Ceiling.Pounds, t.Allocated.Pounds, t.Unallocated.Pounds,
            [.. t.YearlyLevels.Select(l => new IndependentOracle.LevelSums(l.Coverage.ToString(), l.FirstYear.StartYear, l.LastYear?.StartYear, l.PerYear.Pounds,
                l.NewMoney.Pounds, l.Redirected.Pounds, l.Firm.Pounds, l.Ceiling.Pounds, l.Allocated.Pounds, l.Unallocated.Pounds))]);

    private static IndependentOracle.Level ToOracle(YearlyLevelAmount l) => new(l.Coverage.ToString(), l.FirstYear.StartYear, l.LastYear?.StartYear, l.PerYear.Pounds);

    /// <summary>By capability against the oracle: each capability's allocations of amounts once, and of yearly levels apart, in name order.</summary>
    private static void ByCapability(IReadOnlyList<CapabilityTotals> actual, IEnumerable<IndependentOracle.Commitment> commitments, string because) =>
        actual.Select(c => new IndependentOracle.CapabilityMoney(c.Capability, new IndependentOracle.Split(c.Amount.Pounds, [.. c.YearlyLevels.Select(ToOracle)])))
            .Should().BeEquivalentTo(IndependentOracle.ByCapability(commitments), o => o.WithStrictOrdering(), because);

    /// <summary>By origin against the oracle: each origin (new or redirected, and its name) with its amounts once and its yearly levels apart.</summary>
    private static void ByOrigin(IReadOnlyList<OriginAmount> actual, IEnumerable<IndependentOracle.Commitment> commitments, string because) =>
        actual.Select(o => new IndependentOracle.OriginMoney(o.Origin.Kind == FundingOriginKind.Redirected, o.Origin.Name,
                new IndependentOracle.Split(o.Amount.Pounds, [.. o.YearlyLevels.Select(ToOracle)])))
            .Should().BeEquivalentTo(IndependentOracle.ByOrigin(commitments), because);

    private static IndependentOracle.Feature Feature(Commands.CommandFeature f) => new(f.Name, f.Detail, f.On);

    private static string Key(SourceReference s) => $"{s.Document}|{s.Headline}";
}
