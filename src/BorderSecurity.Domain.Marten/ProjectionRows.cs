using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Marten;

/// <summary>One row of <c>bsd_events</c>: an event's place on both time axes (valid date; known-from and recorded instants).</summary>
internal sealed record EventRow(
    long Sequence, string StreamId, string Aggregate, string EventType, LocalDate ValidOn, Instant KnownFrom, Instant RecordedAt,
    string ProvenanceHash, string ProvenanceJson);

/// <summary>One row of <c>bsd_statements</c>: a statement of one figure (see docs/projections.md).</summary>
internal sealed record StatementRow(
    long Sequence, string StreamId, string Aggregate, string Figure, string Dimension, LocalDate ValidOn, Instant KnownFrom, Instant RecordedAt,
    decimal? Value, string? Detail);

/// <summary>Turns recorded events into the rows of the projection tables. Pure: shared by the inline projection and the rebuild.</summary>
internal static class ProjectionRows
{
    public const string Funding = "funding";
    public const string Recruitment = "recruitment";
    public const string Command = "command";
    public const string Legislation = "legislation";

    public const string Created = "created";
    public const string Amount = "amount";
    public const string Allocation = "allocation";
    public const string Withdrawn = "withdrawn";
    public const string Headcount = "headcount";
    public const string InPost = "inpost";
    public const string Met = "met";
    public const string Abandoned = "abandoned";

    public static string AggregateOf(IBorderSecurityEvent e) => EventCatalogue.AggregateOf(e.GetType()) switch
    {
        AggregateKind.FundingCommitment => Funding,
        AggregateKind.RecruitmentTarget => Recruitment,
        AggregateKind.Command => Command,
        _ => Legislation,
    };

    public static EventRow EventRowOf(RecordedEvent e)
    {
        var provenance = System.Text.Json.JsonSerializer.Serialize(e.Data.Provenance, DetailJson.Provenance);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(provenance)));
        return new(e.Sequence, e.StreamId, AggregateOf(e.Data), e.EventName, e.ValidOn, e.KnownFrom, e.RecordedAt, hash, provenance);
    }

    /// <summary>The recipient a commitment is created for, or <see langword="null"/> if the event creates no commitment.</summary>
    public static string? RecipientOf(RecordedEvent e) => e.Data switch
    {
        FundingPledged p => p.Recipient,
        FundingRedirected r => r.Recipient,
        _ => null,
    };

    public static IEnumerable<StatementRow> StatementsOf(RecordedEvent e)
    {
        StatementRow Row(string aggregate, string figure, decimal? value, string dimension = "", string? detail = null) =>
            new(e.Sequence, e.StreamId, aggregate, figure, dimension, e.ValidOn, e.KnownFrom, e.RecordedAt, value, detail);

        switch (e.Data)
        {
            case FundingPledged p:
                yield return Row(Funding, Created, null, detail: CreatedDetail(p.Recipient, FundingOriginKind.NewMoney, p.OriginName, p.Basis));
                yield return Row(Funding, Amount, p.Amount.Pounds);
                break;
            case FundingRedirected r:
                yield return Row(Funding, Created, null, detail: CreatedDetail(r.Recipient, FundingOriginKind.Redirected, r.FromProgramme, r.Basis));
                yield return Row(Funding, Amount, r.Amount.Pounds);
                break;
            case FundingRevised r:
                yield return Row(Funding, Amount, r.RevisedAmount.Pounds);
                break;
            case FundingAmountCorrected c:
                yield return Row(Funding, Amount, c.CorrectedAmount.Pounds);
                break;
            case FundingAllocated a:
                yield return Row(Funding, Allocation, a.Amount.Pounds, a.Capability);
                break;
            case FundingWithdrawn:
                yield return Row(Funding, Withdrawn, 1);
                break;
            case RecruitmentTargetSet s:
                yield return Row(Recruitment, Created, null, detail: System.Text.Json.JsonSerializer.Serialize(
                    new TargetDetail(s.TargetId, s.Organisation, s.Role, s.Deadline?.ToString("yyyy-MM-dd", null)), DetailJson.Options));
                yield return Row(Recruitment, Headcount, s.Headcount);
                break;
            case RecruitmentTargetRevised r:
                yield return Row(Recruitment, Headcount, r.RevisedHeadcount);
                break;
            case RecruitmentTargetCorrected c:
                yield return Row(Recruitment, Headcount, c.CorrectedHeadcount);
                break;
            case RecruitmentProgressRecorded p:
                yield return Row(Recruitment, InPost, p.InPost);
                break;
            case RecruitmentTargetMet m:
                yield return Row(Recruitment, InPost, m.InPost);
                yield return Row(Recruitment, Met, 1);
                break;
            case RecruitmentTargetAbandoned:
                yield return Row(Recruitment, Abandoned, 1);
                break;
        }
    }

    private static string CreatedDetail(string recipient, FundingOriginKind kind, string? origin, FundingBasis basis) =>
        System.Text.Json.JsonSerializer.Serialize(new CommitmentDetail(recipient, kind, origin, basis), DetailJson.Options);
}

/// <summary>What a commitment's creation row carries: the attributes that never change.</summary>
internal sealed record CommitmentDetail(string Recipient, FundingOriginKind OriginKind, string? OriginName, FundingBasis Basis);

/// <summary>What a target's creation row carries.</summary>
internal sealed record TargetDetail(string TargetId, string Organisation, string Role, string? Deadline);

internal static class DetailJson
{
    /// <summary>How provenances are written to <c>bsd_provenances</c> and read back: the model's own converters and NodaTime's.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Provenance = BorderSecurity.Domain.Serialization.BorderSecurityJson.ConfigureForBorderSecurity(
        NodaTime.Serialization.SystemTextJson.Extensions.ConfigureForNodaTime(new System.Text.Json.JsonSerializerOptions(), DateTimeZoneProviders.Tzdb));

    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
