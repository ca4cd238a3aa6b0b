using System.Collections.Concurrent;
using System.Text.Json;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;
using Npgsql;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// Provenances by content hash, parsed once per process. Safe to keep for ever: a hash names its content, so an entry
/// can never go stale (a rebuild or a reset of the tables writes the same hash for the same provenance). Bounded:
/// past <see cref="Capacity"/> entries it starts again empty.
/// </summary>
internal sealed class ProvenanceCache
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Provenance> _parsed = new(StringComparer.Ordinal);

    /// <summary>The provenance of every hash, reading the ones not seen before in one query.</summary>
    public async Task<IReadOnlyDictionary<string, Provenance>> ResolveAsync(
        NpgsqlConnection connection, BorderSecurityTables.ProvenancesTable table, string tenant, IEnumerable<string> hashes, CancellationToken cancellationToken)
    {
        var wanted = hashes.Distinct(StringComparer.Ordinal).ToArray();
        var missing = wanted.Where(h => !_parsed.ContainsKey(h)).ToArray();
        var found = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        if (missing.Length > 0)
        {
            await using var command = new NpgsqlCommand($"select {table.Hash}, {table.Provenance}::text from {table} where {table.TenantId} = @tenant and {table.Hash} = any(@hashes)", connection);
            command.Parameters.AddWithValue("tenant", tenant);
            command.Parameters.AddWithValue("hashes", missing);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[reader.GetString(0)] = JsonSerializer.Deserialize<Provenance>(reader.GetString(1), DetailJson.Provenance)!;
            }

            if (_parsed.Count + found.Count > Capacity)
            {
                _parsed.Clear();
            }

            foreach (var (hash, provenance) in found)
            {
                _parsed[hash] = provenance;
            }
        }

        foreach (var hash in wanted)
        {
            if (!found.ContainsKey(hash))
            {
                found[hash] = _parsed.TryGetValue(hash, out var provenance)
                    ? provenance
                    : throw new InvalidOperationException(
                        $"Provenance {hash} is cited by bsd_events but missing from bsd_provenances; rebuild the projection tables (RebuildProjectionsAsync).");
            }
        }

        return found;
    }
}

/// <summary>Creation and period details parsed once per distinct text (the text is the key, so an entry cannot go stale). Bounded like <see cref="ProvenanceCache"/>.</summary>
internal static class Details
{
    private static readonly ConcurrentDictionary<string, CommitmentDetail> Commitments = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TargetCreation> Targets = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FundingPeriod> Periods = new(StringComparer.Ordinal);

    public static CommitmentDetail Commitment(string json) => Parse(Commitments, json, DetailJson.Options);

    /// <summary>A target's creation row's detail, as the creation it records.</summary>
    public static TargetCreation Target(string json)
    {
        if (Targets.TryGetValue(json, out var parsed))
        {
            return parsed;
        }

        var detail = JsonSerializer.Deserialize<TargetDetail>(json, DetailJson.Options)!;
        return Remember(Targets, json, new TargetCreation(detail.TargetId, detail.Organisation, detail.Role,
            detail.Deadline is null ? null : LocalDate.FromDateOnly(DateOnly.Parse(detail.Deadline, System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>A period row's detail: the period as the model's JSON (<see cref="ProjectionRows.StatementsOf"/>).</summary>
    public static FundingPeriod Period(string json) => Parse(Periods, json, DetailJson.Provenance);

    private static T Parse<T>(ConcurrentDictionary<string, T> cache, string json, JsonSerializerOptions options)
    {
        if (cache.TryGetValue(json, out var parsed))
        {
            return parsed;
        }

        return Remember(cache, json, JsonSerializer.Deserialize<T>(json, options)!);
    }

    private static T Remember<T>(ConcurrentDictionary<string, T> cache, string json, T parsed)
    {
        if (cache.Count >= ProvenanceCache.Capacity)
        {
            cache.Clear();
        }

        return cache[json] = parsed;
    }
}
