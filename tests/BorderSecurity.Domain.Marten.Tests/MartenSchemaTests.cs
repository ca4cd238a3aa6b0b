using Weasel.Core;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenSchemaTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task TheTablesAndIndexesMatchTheirDefinitionsSoNoMigrationIsPending()
    {
        // Covering and partial indexes are easy to get subtly different from what PostgreSQL reports back; a mismatch
        // would make every start-up drop and rebuild them.
        await using var store = MartenStoreFactory.Create(factory.Schema);
        var migration = await store.Storage.Database.CreateMigrationAsync();

        migration.Difference.Should().Be(SchemaPatchDifference.None,
            string.Join(", ", migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None).Select(d => d.SchemaObject.Identifier.QualifiedName)));
    }
}
