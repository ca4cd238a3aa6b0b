namespace BorderSecurity.Domain.Shared;

/// <summary>
/// One source that reported a fact: the document (a file name or an address), its headline, its publisher
/// where known, and the date it was published where known.
/// </summary>
public sealed record SourceReference
{
    /// <summary>Creates a source reference.</summary>
    /// <param name="document">The document: a file name such as <c>003_42febc41d18400fd.txt</c>, or an address.</param>
    /// <param name="headline">The document's headline, or its gist where it has none.</param>
    /// <param name="publishedOn">The publication date, or <see langword="null"/> where the document does not give one.</param>
    /// <param name="publisher">The publisher, or <see langword="null"/> where not known.</param>
    /// <exception cref="ArgumentException"><paramref name="document"/> or <paramref name="headline"/> is blank or too long.</exception>
    public SourceReference(string document, string headline, LocalDate? publishedOn = null, string? publisher = null)
    {
        Document = Guard.Against.InvalidText(document);
        Headline = Guard.Against.InvalidText(headline);
        PublishedOn = publishedOn;
        Publisher = Guard.Against.InvalidOptionalText(publisher);
    }

    /// <summary>The document: a file name or an address.</summary>
    public string Document { get; }

    /// <summary>The document's headline, or its gist.</summary>
    public string Headline { get; }

    /// <summary>The publication date, where the document gives one.</summary>
    public LocalDate? PublishedOn { get; }

    /// <summary>The publisher, where known.</summary>
    public string? Publisher { get; }

    /// <inheritdoc />
    public override string ToString() =>
        PublishedOn is { } date ? $"{Document} \"{Headline}\" ({date:yyyy-MM-dd})" : $"{Document} \"{Headline}\"";
}

/// <summary>
/// Where a fact comes from: one or more sources. Every event carries one, so every figure the projections
/// report can be traced back to the documents that reported it.
/// </summary>
public sealed record Provenance
{
    /// <summary>Creates a provenance from one or more sources.</summary>
    /// <param name="sources">The sources; at least one, none null, no duplicates.</param>
    /// <exception cref="ArgumentException">No source is given, or one is given twice.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> or one of its items is null.</exception>
    public Provenance(IEnumerable<SourceReference> sources)
    {
        Guard.Against.Null(sources);
        var list = sources.ToArray();
        Guard.Against.NullOrEmpty(list, nameof(sources));
        foreach (var source in list)
        {
            Guard.Against.Null(source, nameof(sources));
        }

        if (list.Distinct().Count() != list.Length)
        {
            throw new ArgumentException("sources must not name the same source twice.", nameof(sources));
        }

        Sources = list;
    }

    /// <summary>Creates a provenance from one or more sources.</summary>
    /// <param name="sources">The sources; at least one.</param>
    /// <returns>The provenance.</returns>
    /// <exception cref="ArgumentException">No source is given, or one is given twice.</exception>
    public static Provenance Of(params SourceReference[] sources) => new(sources);

    /// <summary>The sources, in the order given; never empty.</summary>
    public IReadOnlyList<SourceReference> Sources { get; }

    /// <summary>Two provenances are equal when they list the same sources in the same order.</summary>
    /// <param name="other">The other provenance.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(Provenance? other) => other is not null && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var source in Sources)
        {
            hash.Add(source);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Sources);
}
