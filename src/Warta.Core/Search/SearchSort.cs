namespace Warta.Core.Search;

/// <summary>The order hits are returned in.</summary>
public enum SearchSort
{
    /// <summary>Best match first (title matches weigh more), then newest.</summary>
    Relevance,

    /// <summary>Newest first; undated articles last.</summary>
    Time,
}
