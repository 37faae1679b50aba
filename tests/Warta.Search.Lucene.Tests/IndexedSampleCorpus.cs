using Warta.Core.Pipeline;
using Warta.Search.Lucene;
using Warta.Storage.Sqlite;
using Warta.Testing;

namespace Warta.Search.Lucene.Tests;

/// <summary>The sample corpus placed into a temporary store by the placer, with the search index following it, as <c>warta ingest</c> does.</summary>
public sealed class IndexedSampleCorpus : IDisposable
{
    private readonly TempFolder _folder = new();

    public IndexedSampleCorpus()
    {
        Store = new SqliteStore(_folder.File("corpus.db"));
        IndexFolder = SearchIndexLocation.For(Store.Path);
        PlaceAsync(Store, IndexFolder, SampleCorpus.Articles()).GetAwaiter().GetResult();
        Index = LuceneSearchIndex.TryOpen(IndexFolder, Analyzers.Default, Store, Store) ?? throw new InvalidOperationException("no index was written");
    }

    public SqliteStore Store { get; }

    public string IndexFolder { get; }

    public LuceneSearchIndex Index { get; }

    /// <summary>Places <paramref name="articles"/> into <paramref name="store"/> with the index in <paramref name="indexFolder"/> as the placer's follower (none when null).</summary>
    public static async Task PlaceAsync(SqliteStore store, string? indexFolder, IReadOnlyList<Core.Model.Article> articles)
    {
        using var follower = indexFolder is null ? null : new LuceneIndexFollower(indexFolder, store, store, Analyzers.Default);
        var options = new StoryPlacerOptions { Followers = follower is null ? [] : [follower] };
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options);
        await placer.SubmitAsync(articles);
        await placer.CompleteAsync();
    }

    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
        _folder.Dispose();
    }
}
