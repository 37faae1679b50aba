namespace Warta.Core.Search;

/// <summary>A parsed search: what must match, what must not, the filters, and which page of hits in which order.</summary>
/// <remarks>Every group of <see cref="Required"/> must match (words are ANDed by default); no term of <see cref="Excluded"/> may.
/// A query with filters but no terms matches every article the filters let through. Built by <see cref="SearchQueryParser"/>,
/// or directly by code.</remarks>
public sealed record SearchQuery
{
    public IReadOnlyList<SearchAlternatives> Required { get; init; } = [];
    public IReadOnlyList<SearchTerm> Excluded { get; init; } = [];

    /// <summary>Normalised outlet keys (<c>kompas.com</c>); an article from any of them passes. Empty: any outlet.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>ISO 639-1 codes; empty: any language.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>First day included (the article's own date); undated articles fail any date filter.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Last day included.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Entities as written (<c>Korut</c>, <c>place:korea utara</c>); an article must mention each of them.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>Story ids; an article placed in any of them passes.</summary>
    public IReadOnlyList<string> Stories { get; init; } = [];

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Limit { get; init; } = 20;
    public int Offset { get; init; }

    /// <summary>Whether hits carry a highlighted snippet; without one a hit costs only its stored fields.</summary>
    public bool Snippets { get; init; } = true;

    /// <summary>Whether the query has no terms: the filters alone choose the articles.</summary>
    public bool HasNoTerms => Required.Count == 0;
}
