using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Search.Lucene;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Postgres.Tests;

/// <summary>The sample corpus placed twice, as <c>warta ingest</c> places it: into an SQLite store followed by its Lucene
/// index, and into a PostgreSQL store followed by its own search index; both indexes open for reading.</summary>
public sealed class SearchParityCorpus : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly TempFolder _folder = new();

    public SqliteStore? Sqlite { get; private set; }

    public LuceneSearchIndex? Lucene { get; private set; }

    public PostgresStore? Postgres { get; private set; }

    public PostgresSearchIndex? Search { get; private set; }

    public void SkipUnlessAvailable() => _database.SkipUnlessAvailable();

    /// <summary>A store of its own in this fixture's database, for tests that change what they search.</summary>
    public string StoreConnectionString(string scope, string name) => _database.StoreConnectionString(scope, name);

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        if (_database.ConnectionString is null) return;
        var articles = SampleCorpus.Articles();
        Sqlite = new SqliteStore(_folder.File("corpus.db"));
        var folder = SearchIndexLocation.For(Sqlite.Path);
        using (var follower = new LuceneIndexFollower(folder, Sqlite, Sqlite, Analyzers.Default)) await PlaceAsync(Sqlite, follower, articles);
        Lucene = LuceneSearchIndex.TryOpen(folder, Analyzers.Default, Sqlite, Sqlite) ?? throw new InvalidOperationException("no Lucene index was written");
        Postgres = new PostgresStore(_database.StoreConnectionString("parity", "corpus"));
        using (var follower = new PostgresSearchFollower(Postgres, Analyzers.Default)) await PlaceAsync(Postgres, follower, articles);
        Search = PostgresSearchIndex.TryOpen(Postgres, Analyzers.Default) ?? throw new InvalidOperationException("the store has no search tables");
    }

    /// <summary>Places <paramref name="articles"/> with <paramref name="follower"/> caught up after each commit, as the placement service does.</summary>
    public static async Task PlaceAsync(IPlacementStore store, IChangeFollower follower, IReadOnlyList<Article> articles)
    {
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, new StoryPlacerOptions { Followers = [follower] });
        foreach (var chunk in articles.Chunk(7)) await placer.SubmitAsync(chunk);
        await placer.CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Lucene?.Dispose();
        Sqlite?.Dispose();
        Postgres?.Dispose();
        _folder.Dispose();
        await _database.DisposeAsync();
    }
}
