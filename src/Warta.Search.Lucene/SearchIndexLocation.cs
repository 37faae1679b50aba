namespace Warta.Search.Lucene;

/// <summary>Where a store's search index lives: the folder <c>&lt;db&gt;.search</c> beside the SQLite file.</summary>
public static class SearchIndexLocation
{
    public static string For(string storePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        return storePath + ".search";
    }
}
