using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Testing;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// The open disputes an answer lists are read like every other row, scoped to the tenant: one tenant's dispute never
/// appears in another's answers, and a subject in one tenant does not let another tenant dispute it.
/// </summary>
public class MartenDisputedAnswersTests
{
    [Fact]
    public async Task OpenDisputesAndTheirSubjectsAreScopedToTheTenant()
    {
        var schema = $"dsp_{Guid.NewGuid():N}"[..24];
        using var store = DocumentStore.For(options =>
        {
            options.Connection(PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AddBorderSecurity();
        });
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var root = new MartenBorderSecurityStore(store);
            var (a, b) = (root.ForTenant("a"), root.ForTenant("b"));
            await a.ImportAsync(ReferenceTimeline2024.Steps);
            var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));

            // b holds a commitment with the disputed commitment's id, undisputed in b.
            await b.SubmitAsync(new RedirectFunding
            {
                CommitmentId = ReferenceTimeline2024.SeptemberRedirectId,
                Recipient = ReferenceTimeline2024.BorderSecurityCommand,
                Amount = Money.FromMillions(2),
                Basis = FundingBasis.UpTo,
                FromProgramme = "Old programme",
                Period = new FundingPeriod("not stated"),
                Purpose = "Radar",
                AnnouncedBy = "Tenant B minister",
                ValidOn = new LocalDate(2024, 9, 17),
                Provenance = Provenance.Of(Sources2024.NewFundingForTech),
            });
            (await a.FundingAsync(endOf2024)).OpenDisputes.Select(d => d.DisputeId).Should().Equal(ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
            (await b.FundingAsync(endOf2024)).OpenDisputes.Should().BeEmpty("a's dispute is not b's");
            (await b.FundingByFinancialYearAsync(new FinancialYearRange(new(2024), new(2025)), endOf2024)).OpenDisputes.Should().BeEmpty();
            (await b.DisputesAsync(endOf2024)).Should().BeEmpty();

            // The November commitment exists in a only: b cannot dispute it, and nothing is stored in either tenant.
            var dispute = new RecordDispute
            {
                DisputeId = new("dispute:b-november"),
                SubjectIds = [ReferenceTimeline2024.NovemberBudgetId],
                Fact = "origin of the money",
                Sides = [new DisputeSide("one", Provenance.Of(Sources2024.NewFundingForTech)), new DisputeSide("two", Provenance.Of(Sources2024.AggregatorNew75m))],
                ValidOn = new LocalDate(2024, 11, 4),
                Provenance = Provenance.Of(Sources2024.NewFundingForTech),
            };
            var refused = () => b.SubmitAsync(dispute);
            (await refused.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("DisputeSubjectMustExist");
            (await b.ReadStreamAsync(new StreamId("dispute:b-november"))).Should().BeEmpty();
            (await a.ReadStreamAsync(new StreamId("dispute:b-november"))).Should().BeEmpty();
            (await a.SubmitAsync(dispute)).Events.Should().ContainSingle();
            (await a.FundingAsync(endOf2024)).OpenDisputes.Select(d => d.DisputeId)
                .Should().Equal("dispute:b-november", ReferenceTimeline2024.SeptemberOriginDisputeId.Value);
            (await b.FundingAsync(endOf2024)).OpenDisputes.Should().BeEmpty();
        }
        finally
        {
            await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
