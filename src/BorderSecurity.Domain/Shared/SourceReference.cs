namespace BorderSecurity.Domain.Shared;

/// <summary>
/// One source that reported a fact: the document (a file name or an address), its headline, its publisher
/// where known, the date it was published where known, and optionally a link a reader can follow and a short quote.
/// </summary>
/// <remarks>
/// <see cref="Url"/> and <see cref="Quote"/> were added after events were first stored. They are optional and left out
/// of the JSON when absent, so every event and timeline file written before reads unchanged (absent = none), and a
/// source without them writes exactly the bytes it always did: stored provenance hashes and request idempotency keys
/// stay the same. That is why adding them needed no new wire names and no timeline format version (docs/events.md).
/// </remarks>
public sealed record SourceReference
{
    /// <summary>The longest quote accepted, in characters: a quote is a short extract, not the document.</summary>
    public const int MaxQuoteLength = 500;

    /// <summary>Creates a source reference.</summary>
    /// <param name="document">The document: a file name such as <c>003_42febc41d18400fd.txt</c>, or an address.</param>
    /// <param name="headline">The document's headline, or its gist where it has none.</param>
    /// <param name="publishedOn">The publication date, or <see langword="null"/> where the document does not give one.</param>
    /// <param name="publisher">The publisher, or <see langword="null"/> where not known.</param>
    /// <param name="url">An absolute <c>http</c> or <c>https</c> address a reader can follow, or <see langword="null"/>.</param>
    /// <param name="quote">A short quote (at most <see cref="MaxQuoteLength"/> characters) of what the source says, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="document"/> or <paramref name="headline"/> is blank or too long, <paramref name="url"/> is not an
    /// absolute http(s) address, or <paramref name="quote"/> is blank or too long.
    /// </exception>
    public SourceReference(string document, string headline, LocalDate? publishedOn = null, string? publisher = null, string? url = null, string? quote = null)
    {
        Document = Guard.Against.InvalidText(document);
        Headline = Guard.Against.InvalidText(headline);
        PublishedOn = publishedOn;
        Publisher = Guard.Against.InvalidOptionalText(publisher);
        Url = ValidUrl(url);
        Quote = Guard.Against.InvalidOptionalText(quote);
        if (Quote is { Length: > MaxQuoteLength })
        {
            throw new ArgumentException($"quote must be at most {MaxQuoteLength} characters (was {Quote.Length}); quote a short extract.", nameof(quote));
        }
    }

    /// <summary>The document: a file name or an address.</summary>
    public string Document { get; }

    /// <summary>The document's headline, or its gist.</summary>
    public string Headline { get; }

    /// <summary>The publication date, where the document gives one.</summary>
    public LocalDate? PublishedOn { get; }

    /// <summary>The publisher, where known.</summary>
    public string? Publisher { get; }

    /// <summary>An absolute http(s) address a reader can follow, where there is one. Never fetched by the model.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; }

    /// <summary>A short quote of what the source says, where one is given.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Quote { get; }

    /// <inheritdoc />
    public override string ToString() =>
        (PublishedOn is { } date ? $"{Document} \"{Headline}\" ({date:yyyy-MM-dd})" : $"{Document} \"{Headline}\"")
        + (Url is null ? "" : $" <{Url}>");

    private static string? ValidUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || url.Length > BorderSecurityGuards.MaxTextLength || url.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"url must be an absolute http or https address, for example https://www.gov.uk/ (was '{url}').", nameof(url));
        }

        return url;
    }
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
