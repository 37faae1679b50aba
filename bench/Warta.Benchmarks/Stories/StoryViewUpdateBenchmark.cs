using System.Globalization;
using BenchmarkDotNet.Attributes;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Storage.Sqlite;
using Warta.Testing;

namespace Warta.Benchmarks.Stories;

/// <summary>
/// What it costs to update a story's stored view (brief, timeline, disagreements, first tellings) when an article joins a
/// story of 50: the story-view follower's work after the placer's commit, on an SQLite store whose view reflects the 50: read
/// the members, the new article (annotations included) and the stored view, analyse the new article, link its entities, build
/// the view from the 51 analyses and save it. <see cref="RebuildStoredView"/> is the same update by a follower that has kept
/// nothing (a fresh process): it reads and analyses all 51 articles. <see cref="BuildOnly"/> is the view built from articles
/// already in memory, <see cref="BuildFromAnalyses"/> from their analyses.
/// </summary>
/// <remarks>Run it with <c>--inProcess</c> on a loaded machine, where building the generated project times out. The story is made of the sample corpus' Indonesian articles (cycled with fresh ids, an hour apart), so it holds
/// many distinct sentences, figures and quotes: more work for the builder than 51 reports of one event would give.</remarks>
[MemoryDiagnoser]
[MedianColumn]
// Each update starts from the state before the article joined (see IterationSetup), so one call per iteration.
[InvocationCount(1)]
public class StoryViewUpdateBenchmark : IDisposable
{
    private const int StoryArticles = 50;
    private const string StoryId = "s-bench";
    private static readonly DateTimeOffset Start = new(2025, 2, 24, 8, 0, 0, TimeSpan.FromHours(8));

    private TempFolder _folder = null!;
    private SqliteStore _store = null!;
    private StoryViewFollower _follower = null!;
    private List<Article> _articles = [];
    private List<StoryArticleAnalysis> _analyses = [];
    private StoryView _before = null!;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SampleCorpus.Articles().Where(static a => a.Language == "id").ToList();
        // 50 articles in the story and the one that joins it.
        _articles = [.. Enumerable.Range(0, StoryArticles + 1).Select(i => corpus[i % corpus.Count] with
        {
            Id = "bench-" + i.ToString("D3", CultureInfo.InvariantCulture),
            Published = new PublicationTime(Start.AddHours(i), TimePrecision.Minute),
        })];
        _folder = new TempFolder();
        _store = new SqliteStore(Path.Combine(_folder.Path, "bench.db"));
        _follower = new StoryViewFollower(_store, _store, _store, _store);
        // The story of 50 with its stored view, then the article that joins it.
        var story = new Story(StoryId, _articles[0].Title, StoryArticles, [.. _articles.Select(static a => a.Outlet).Distinct()], Start, Start.AddHours(StoryArticles - 1));
        var first = _store.CommitAsync(new PlacementBatch(_articles[..StoryArticles], [.. _articles[..StoryArticles].Select(static a => new StoryAssignment(a.Id, StoryId, null, 0.5))], [story], []))
            .GetAwaiter().GetResult();
        _before = _follower.BuildAsync([StoryId], first).GetAwaiter().GetResult()[0];
        var joined = _articles[StoryArticles];
        _sequence = _store.CommitAsync(new PlacementBatch([joined], [new StoryAssignment(joined.Id, StoryId, null, 0.5)],
            [story with { ArticleCount = StoryArticles + 1, LastPublished = Start.AddHours(StoryArticles) }], [])).GetAwaiter().GetResult();
        _analyses = [.. _articles.Select(StoryViewBuilder.Analyze)];
    }

    /// <summary>Back to the store's view of the 50, and the follower not knowing the article that joins.</summary>
    [IterationSetup]
    public void Reset()
    {
        ((IStoryViewStore)_store).SaveStoryViewsAsync([_before], _before.Sequence).GetAwaiter().GetResult();
        _follower.Forget(_articles[StoryArticles].Id);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _follower.Dispose();
        _store.Dispose();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The follower's update of the joined story: read members, the new article and the view from SQLite, build, save the view.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> UpdateStoredView()
    {
        var views = await _follower.BuildAsync([StoryId], _sequence).ConfigureAwait(false);
        await ((IStoryViewStore)_store).SaveStoryViewsAsync(views, _sequence).ConfigureAwait(false);
        return views[0].Brief.Count;
    }

    /// <summary>The same update by a follower that kept no analyses: all 51 articles read and analysed.</summary>
    [Benchmark]
    public async Task<int> RebuildStoredView()
    {
        using var cold = new StoryViewFollower(_store, _store, _store, _store);
        var views = await cold.BuildAsync([StoryId], _sequence).ConfigureAwait(false);
        await ((IStoryViewStore)_store).SaveStoryViewsAsync(views, _sequence).ConfigureAwait(false);
        return views[0].Brief.Count;
    }

    /// <summary>The view from the 51 articles' analyses in memory.</summary>
    [Benchmark]
    public int BuildFromAnalyses() => new StoryViewBuilder().Build(StoryId, [.. _articles.Select(static a => new StoryMember(a.Id, a.Language))], _analyses, _sequence).Timeline.Count;

    /// <summary>The view alone, from the 51 articles in memory (tokenised again, as articles read from a store are).</summary>
    [Benchmark]
    public int BuildOnly() => new StoryViewBuilder().Build(StoryId, [.. _articles.Select(static a => a with { })], _sequence).Timeline.Count;
}
