using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /funding and GET /series/funding: the funding portfolio as of a date, and funding over time (sums of amounts, yearly levels apart).</summary>
public static class FundingEndpoints
{
    /// <summary>Maps the funding questions.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/funding", ([AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.FundingAsync(q, ct)))
            .AsRead<FundingPortfolio>("GetFunding", "Every funding commitment, with totals by recipient, origin and capability, as of a date; yearly levels apart from sums of amounts.", "Funding")
            .WithCsv<FundingPortfolio, CommitmentPosition>(CsvTables.Commitments, p => p.Commitments);

        routes.MapGet("/funding/delivery", ([FromQuery(Name = "recipient")] string? recipient, [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy,
                    IBorderSecurityStore store, CancellationToken ct) =>
                recipient is null
                    ? AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => FundingDelivery.OfAsync(store, null, q, ct))
                    : AsOfParameters.WithSubjectAsync(recipient, "recipient", text => new Organisation(text),
                        organisation => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => FundingDelivery.OfAsync(store, organisation, q, ct))))
            .AsRead<FundingDelivery>("GetFundingDelivery",
                "Money delivered as of a date, as known at an instant: each commitment's promise beside the spending reported against it by financial year (planned and outturn), spent so far, still to spend and any overspend (flagged, not refused); yearly levels apart.",
                "Funding")
            .WithCsv<FundingDelivery, SpendingRow>(CsvTables.Spending, SpendingRow.Of);

        routes.MapGet("/series/funding", ([FromQuery(Name = "recipient")] string? recipient, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
                recipient is null
                    ? AsOfParameters.AnswerAsync(WholeSeries, knownAt, recordedBy, q => store.FundingSeriesAsync(q, ct))
                    : AsOfParameters.WithSubjectAsync(recipient, "recipient", text => new Organisation(text),
                        organisation => AsOfParameters.AnswerAsync(WholeSeries, knownAt, recordedBy, q => store.FundingSeriesOfAsync(organisation, q, ct))))
            .AsRead<IReadOnlyList<SeriesPoint<FundingSeriesValue>>>("GetFundingSeries", "Funding (of one recipient, or all) as a series of points, each from a valid date: the sum of amounts and, apart, the yearly levels.", "Funding")
            .WithCsv<IReadOnlyList<SeriesPoint<FundingSeriesValue>>, SeriesPoint<FundingSeriesValue>>(CsvTables.FundingSeries, points => points);
        return routes;
    }

    // The series asks as of the last date there is: every point, as known at and recorded by the given instants.
    private static readonly string WholeSeries = LocalDate.MaxIsoValue.ToString("yyyy-MM-dd", null);
}
