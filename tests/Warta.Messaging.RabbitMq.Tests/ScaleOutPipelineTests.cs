using System.Text;
using Warta.Core.Ingestion;
using Warta.Core.Search;
using Warta.Hosting;
using Warta.Search.Lucene;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The sample corpus through the work queue, in process: two annotators and one placer, against the embedded run.</summary>
public sealed class ScaleOutPipelineTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, string?> Settings(TestBroker broker, string store) => new()
    {
        [nameof(WartaOptions.Store)] = store,
        [nameof(WorkQueueOptions.Queue)] = broker.Uri,
        [nameof(WorkQueueOptions.QueuePrefix)] = broker.Prefix,
        // The whole corpus waits in the placer's reorder window before the first flush, as it does in the embedded run.
        [$"{WorkerOptions.Section}:{nameof(WorkerOptions.IdleFlushMs)}"] = "3000",
    };

    [Fact]
    public async Task Should_give_the_embedded_stories_placements_and_search_hits_from_two_annotators_and_one_placer()
    {
        await using var broker = TestBroker.Require();
        var queue = await broker.QueueAsync();
        var documents = SampleCorpus.Documents();
        var (embeddedPath, embedded) = await FaultRun.EmbeddedStoreAsync(_folder, documents);
        var store = TestStores.Location(database, _folder, "scaled");

        await queue.PublishDocumentsAsync(documents, TestContext.Current.CancellationToken);
        var annotators = new[]
        {
            await WorkerHost.AnnotatorAsync(_folder.Path, Settings(broker, store)),
            await WorkerHost.AnnotatorAsync(_folder.Path, Settings(broker, store)),
        };
        await Eventually.HoldsAsync(
            () => Task.FromResult(annotators.Sum(static a => a.Annotator.Documents) == documents.Count),
            () => $"annotated {string.Join(" + ", annotators.Select(static a => a.Annotator.Documents))} of {documents.Count}");
        var published = annotators.Sum(static a => a.Annotator.Published);
        await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, Settings(broker, store)))
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(placer.Placer.Acknowledged == published),
                () => $"acknowledged {placer.Placer.Acknowledged} of {published} (fault: {placer.Placer.Fault?.Message})");
        }
        var shares = annotators.Select(static a => a.Annotator.Documents).ToList();
        foreach (var annotator in annotators) await annotator.DisposeAsync();

        // Both annotators took part, and nothing is left or set aside.
        Assert.All(shares, static documentsAnnotated => Assert.True(documentsAnnotated > 0));
        var depths = await queue.GetDepthsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((0L, 0L, 0L), (depths.Documents, depths.Articles, depths.DeadLetters));
        using var scaled = Open(store);
        Assert.Equal(embedded, TestStores.Describe(scaled));

        // The same hits, order aside, for every query of the search tests and every story, from the embedded Lucene
        // index and from the search index the placer kept (PostgreSQL's own in this mode).
        using var embeddedStore = SqliteStore.OpenForReading(embeddedPath);
        using var lucene = LuceneSearchIndex.TryOpen(SearchIndexLocation.For(embeddedPath), Analyzers.Default, embeddedStore, embeddedStore)
            ?? throw new InvalidOperationException("the embedded run wrote no Lucene index");
        var search = OpenSearch(scaled);
        var queries = SampleCorpusQueries.All.Concat(embeddedStore.ListStories().Select(static s => $"story:{s.Id}")).ToList();
        var differences = new List<string>();
        foreach (var text in queries)
        {
            var query = SearchQueryParser.Parse(text) with { Limit = 1000 };
            var expected = Hits(await lucene.SearchArticlesAsync(query, TestContext.Current.CancellationToken));
            var actual = Hits(await search.SearchArticlesAsync(query, TestContext.Current.CancellationToken));
            if (expected != actual) differences.Add($"{text}: embedded [{expected}], scaled out [{actual}]");
        }
        Assert.True(queries.Count > SampleCorpusQueries.All.Count);
        Assert.Empty(differences);
    }

    /// <summary>The hits' ids and stories, sorted: the two indexes score and order each their own way.</summary>
    private static string Hits(SearchResults<SearchHit> results) =>
        $"{results.Total}: " + string.Join(", ", results.Hits.Select(static h => $"{h.ArticleId}@{h.StoryId}").Order(StringComparer.Ordinal));

    private static ISearchIndex OpenSearch(Core.Storage.IWartaStore store) => store switch
    {
        PostgresStore postgres => (ISearchIndex?)PostgresSearchIndex.TryOpen(postgres, Analyzers.Default),
        SqliteStore sqlite => LuceneSearchIndex.TryOpen(SearchIndexLocation.For(sqlite.Path), Analyzers.Default, sqlite, sqlite),
        _ => null,
    } ?? throw new InvalidOperationException("the placer kept no search index");

    [Fact]
    public async Task Should_dead_letter_malformed_messages_with_their_error_while_the_others_flow()
    {
        await using var broker = TestBroker.Require();
        var queue = await broker.QueueAsync();
        var documents = SampleCorpus.Documents().Take(5).ToList();
        var store = TestStores.Location(database, _folder, "poison");
        var article = SampleCorpus.Articles()[0];
        var tampered = ArticleMessage.Encode(article with { Title = "Judul Palsu yang Tidak Cocok dengan Id" });

        await queue.PublishDocumentsAsync(documents.Take(2).ToList(), TestContext.Current.CancellationToken);
        await queue.PublishAsync(queue.DocumentsQueue, [(Encoding.UTF8.GetBytes("{\"sumber\": \"bukan pesan Warta\"}"), null)], TestContext.Current.CancellationToken);
        await queue.PublishAsync(queue.ArticlesQueue, [(tampered, null)], TestContext.Current.CancellationToken);
        await queue.PublishDocumentsAsync(documents.Skip(2).ToList(), TestContext.Current.CancellationToken);
        await using (var annotator = await WorkerHost.AnnotatorAsync(_folder.Path, Settings(broker, store)))
        await using (var placer = await WorkerHost.PlacerAsync(_folder.Path, Settings(broker, store)))
        {
            await Eventually.HoldsAsync(
                () => Task.FromResult(annotator.Annotator.Documents == documents.Count && placer.Placer.Acknowledged == annotator.Annotator.Published),
                () => $"annotated {annotator.Annotator.Documents} of {documents.Count}, placed {placer.Placer.Acknowledged} of {annotator.Annotator.Published}");
            Assert.Equal(1, annotator.Annotator.DeadLettered);
        }

        var letters = await queue.PeekDeadLettersAsync(10, TestContext.Current.CancellationToken);
        Assert.Equal(2, letters.Count);
        Assert.Contains(letters, l => l.Queue == queue.DocumentsQueue && l.Error.Contains("'source' is missing", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Queue == queue.ArticlesQueue && l.Error.Contains("content hash", StringComparison.Ordinal) && l.Source == article.Source);
        // Peeking leaves them where they are, for an operator to look at again.
        Assert.Equal(2, (await queue.GetDepthsAsync(TestContext.Current.CancellationToken)).DeadLetters);
        using var scaled = Open(store);
        var expected = documents.SelectMany(static d => new ArticleIngestor().Read(d)).Count(static o => o.Article is not null);
        Assert.Equal(expected, scaled.CountPlaced());
    }

    private static Core.Storage.IWartaStore Open(string location) =>
        PostgresLocation.IsPostgres(location) ? PostgresStore.Connect(location, forReading: true) : SqliteStore.OpenForReading(location);
}
