namespace BorderSecurity.Domain.Shared;

/// <summary>Collects the sources behind a piece of state, each once, in the order they were first cited.</summary>
internal static class Citations
{
    public static ImmutableList<SourceReference> Cite(this ImmutableList<SourceReference> sources, Provenance provenance)
    {
        var added = provenance.Sources.Where(s => !sources.Contains(s)).ToArray();
        return added.Length == 0 ? sources : sources.AddRange(added);
    }
}
