using BorderSecurity.Api.Csv;
using BorderSecurity.Csv;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BorderSecurity.Api.Endpoints;

/// <summary>GET /funding/financial-years: funding counted by UK financial year, as of a date.</summary>
public static class FinancialYearEndpoints
{
    /// <summary>
    /// Maps <c>GET /funding/financial-years?from=2024/25&amp;to=2028/29&amp;asOf=2025-06-11[&amp;recipient=...&amp;knownAt=...&amp;recordedBy=...]</c>:
    /// funding counted by UK financial year (<see cref="IBorderSecurityQueries.FundingByFinancialYearAsync"/>, or <see cref="IBorderSecurityQueries.FundingByFinancialYearOfAsync"/> with a recipient).
    /// </summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapFinancialYearEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/funding/financial-years", ([FinancialYearQuery("from", "The first financial year, written 2024/25 (1 April 2024 to 31 March 2025).")] string? from,
                    [FinancialYearQuery("to", "The last financial year, written 2028/29; not before from.")] string? to,
                    [AsOf] string? asOf, [KnownAt] string? knownAt, [RecordedBy] string? recordedBy, [FromQuery(Name = "recipient")] string? recipient,
                    IBorderSecurityStore store, CancellationToken ct) =>
                !FinancialYear.TryParse(from, out var first)
                    ? Task.FromResult(ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid from", $"'{from}' is not a UK financial year such as 2024/25.", "from") as IResult)
                    : !FinancialYear.TryParse(to, out var last)
                        ? Task.FromResult(ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid to", $"'{to}' is not a UK financial year such as 2028/29.", "to") as IResult)
                        : last < first
                            ? Task.FromResult(ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid financial years", $"'to' ({to}) is before 'from' ({from}).", "to") as IResult)
                            : recipient is null
                                ? AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy, q => store.FundingByFinancialYearAsync(new FinancialYearRange(first, last), q, ct))
                                : AsOfParameters.WithSubjectAsync(recipient, "recipient", text => new Organisation(text),
                                    organisation => AsOfParameters.AnswerAsync(asOf, knownAt, recordedBy,
                                        q => store.FundingByFinancialYearOfAsync(organisation, new FinancialYearRange(first, last), q, ct))))
            .AsRead<FinancialYearFunding>("FundingByFinancialYear",
                "For each UK financial year from 'from' to 'to': money for that year alone, yearly levels that apply in it, and totals over several " +
                "years that include it but are not split (whole, with their spans); plus money whose period is not stated. No figure adds two kinds.",
                "Funding")
            .WithCsv<FinancialYearFunding, FinancialYearRow>(CsvTables.FinancialYears, FinancialYearRow.Of);
        return routes;
    }
}
