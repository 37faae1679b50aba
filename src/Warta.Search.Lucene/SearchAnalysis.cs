namespace Warta.Search.Lucene;

/// <summary>How an index analyses titles, bodies and query terms.</summary>
public enum SearchAnalysis
{
    /// <summary>Warta's own analysis: its token layer, stems, stopwords left out, entity aliases expanded at query time.</summary>
    Warta,

    /// <summary>The relevance baseline (<c>warta eval search</c>): Lucene's standard tokens in lower case, nothing stemmed,
    /// no stopwords, no aliases. Never used for a store's index.</summary>
    Plain,
}
