using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Pipeline;

public sealed class StoryPlacerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_store_each_new_article_once_with_its_placement_and_report_duplicates_in_input_order()
    {
        var store = new InMemoryStore();
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct);

        var first = await placer.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00"), SampleArticles.Make("b", "2019-04-22T09:00"), SampleArticles.Make("a")], Ct);
        var second = await placer.SubmitAsync([SampleArticles.Make("b"), SampleArticles.Make("c", "2019-04-22T10:00")], Ct);
        await placer.CompleteAsync(Ct);

        Assert.Equal([true, true, false], first);
        Assert.Equal([false, true], second);
        Assert.Equal(3, store.Count());
        Assert.Equal(3, store.CountPlaced());
        Assert.Equal((3, 2), (placer.Stats.Placed, placer.Stats.Duplicates));
    }

    [Fact]
    public async Task Should_bring_its_followers_up_to_the_store_at_open_and_after_each_commit()
    {
        var store = new InMemoryStore();
        await using (var earlier = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct))
        {
            await earlier.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00")], Ct);
            await earlier.CompleteAsync(Ct);
        }
        using var follower = new RecordingFollower(store);
        var options = new StoryPlacerOptions { BatchArticles = 1, ReorderWindow = 0, Followers = [follower] };

        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: Ct);
        Assert.Equal(await store.LatestSequenceAsync(Ct), follower.Held);
        var heldAtOpen = follower.Held;
        await placer.SubmitAsync([SampleArticles.Make("b", "2019-04-22T09:00")], Ct);
        await placer.CompleteAsync(Ct);

        Assert.True(follower.Held > heldAtOpen);
        Assert.Equal(await store.LatestSequenceAsync(Ct), follower.Held);
        Assert.Contains(follower.Seen, static c => c.Kind == StoreChangeKind.ArticlePlaced && c.ArticleId == "b");
    }

    [Fact]
    public async Task Should_bring_its_followers_up_only_every_so_many_articles_when_asked_and_always_at_the_end()
    {
        var store = new InMemoryStore();
        using var follower = new RecordingFollower(store);
        var options = new StoryPlacerOptions { BatchArticles = 1, ReorderWindow = 0, FollowEveryArticles = 3, Followers = [follower] };
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: Ct);
        Assert.Equal(1, follower.Calls);

        // One commit per article: the first two are not followed, the third is.
        await placer.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00")], Ct);
        await placer.SubmitAsync([SampleArticles.Make("b", "2019-04-22T09:00")], Ct);
        await placer.CommitPlacedAsync(Ct);
        Assert.Equal(1, follower.Calls);
        Assert.DoesNotContain(follower.Seen, static c => c.ArticleId == "a");
        await placer.SubmitAsync([SampleArticles.Make("c", "2019-04-22T10:00")], Ct);
        await placer.CommitPlacedAsync(Ct);
        Assert.Equal(2, follower.Calls);
        Assert.Equal(await store.LatestSequenceAsync(Ct), follower.Held);

        await placer.SubmitAsync([SampleArticles.Make("d", "2019-04-22T11:00")], Ct);
        await placer.CommitPlacedAsync(Ct);
        Assert.True(follower.Held < await store.LatestSequenceAsync(Ct));
        await placer.CompleteAsync(Ct);

        Assert.Equal(await store.LatestSequenceAsync(Ct), follower.Held);
        Assert.Equal(["a", "b", "c", "d"], follower.Seen.Where(static c => c.Kind == StoreChangeKind.ArticlePlaced).Select(static c => c.ArticleId));
    }

    [Fact]
    public async Task Should_bring_its_followers_up_on_a_flush_even_between_their_rounds()
    {
        var store = new InMemoryStore();
        using var follower = new RecordingFollower(store);
        var options = new StoryPlacerOptions { BatchArticles = 1, ReorderWindow = 0, FollowEveryArticles = 100, Followers = [follower] };
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: Ct);

        await placer.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00")], Ct);
        await placer.FlushAsync(Ct);

        Assert.Equal(await store.LatestSequenceAsync(Ct), follower.Held);
        Assert.Contains(follower.Seen, static c => c.Kind == StoreChangeKind.ArticlePlaced && c.ArticleId == "a");
    }

    /// <summary>A follower that keeps every change it is given and the last sequence number it holds.</summary>
    private sealed class RecordingFollower(IChangeLog log) : IChangeFollower
    {
        public long Held { get; private set; }

        public int Calls { get; private set; }

        public List<StoreChange> Seen { get; } = [];

        public string Name => "recording";

        public async Task CatchUpAsync(CancellationToken cancellationToken = default)
        {
            Calls++;
            foreach (var change in await log.ChangesSinceAsync(Held, int.MaxValue, cancellationToken))
            {
                Seen.Add(change);
                Held = change.Sequence;
            }
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Should_know_an_article_committed_earlier_in_the_same_run_for_a_duplicate()
    {
        var store = new InMemoryStore();
        var options = new StoryPlacerOptions { BatchArticles = 1, ReorderWindow = 0 };
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: Ct);

        var first = await placer.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00"), SampleArticles.Make("b", "2019-04-22T09:00")], Ct);
        var again = await placer.SubmitAsync([SampleArticles.Make("c", "2019-04-22T10:00"), SampleArticles.Make("a", "2019-04-22T08:00")], Ct);
        await placer.CompleteAsync(Ct);

        Assert.Equal([true, true], first);
        Assert.Equal([true, false], again);
        Assert.Equal(3, store.CountPlaced());
    }

    [Fact]
    public async Task Should_skip_articles_placed_by_an_earlier_run()
    {
        var store = new InMemoryStore();
        await using (var earlier = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct))
        {
            await earlier.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00")], Ct);
            await earlier.CompleteAsync(Ct);
        }
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct);

        var isNew = await placer.SubmitAsync([SampleArticles.Make("a", "2019-04-22T08:00"), SampleArticles.Make("b", "2019-04-22T09:00")], Ct);
        await placer.CompleteAsync(Ct);

        Assert.Equal([false, true], isNew);
        Assert.Equal(2, store.CountPlaced());
        Assert.Equal((true, 0), (placer.Stats.Restored, placer.Stats.Replayed));
    }

    [Fact]
    public async Task Should_place_in_publication_order_within_the_window_whatever_the_input_order()
    {
        var store = new InMemoryStore();
        var placed = new List<string>();
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct);
        placer.OnPlaced = (article, _) => placed.Add(article.Id);

        await placer.SubmitAsync([SampleArticles.Make("late", "2019-04-24T08:00"), SampleArticles.Make("undated"), SampleArticles.Make("early", "2019-04-21T08:00")], Ct);
        Assert.Empty(placed);
        await placer.CompleteAsync(Ct);

        Assert.Equal(["early", "late", "undated"], placed);
        Assert.Equal(["early", "late", "undated"], (await store.ListPlacedSinceAsync(0, 10, Ct)).Select(static p => p.Article.Id));
    }

    [Fact]
    public async Task Should_commit_full_batches_and_save_a_checkpoint_only_when_due_and_at_the_end()
    {
        var store = new InMemoryStore();
        var options = new StoryPlacerOptions { BatchArticles = 3, CheckpointEveryArticles = 6, ReorderWindow = 0 };
        var articles = StreamOrder.Sort(SampleCorpus.Articles(annotated: false)).Take(14).ToList();
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: Ct);

        foreach (var article in articles.Take(7)) await placer.SubmitAsync([article], Ct);
        await placer.CompleteAsync(Ct);
        Assert.Equal((7, 2), (store.CountPlaced(), placer.Stats.CheckpointSaves));
        Assert.Equal(7, (await store.GetCheckpointAsync(Ct))!.ArticleCount);
        Assert.Equal(await store.LatestSequenceAsync(Ct), (await store.GetCheckpointAsync(Ct))!.ChangeSequence);
        Assert.Equal(articles[6].Id, (await store.GetCheckpointAsync(Ct))!.LastArticleId);
    }

    [Fact]
    public async Task Should_let_a_second_placer_wait_for_the_first_and_then_give_up()
    {
        var store = new InMemoryStore();
        var told = new List<string>();
        await using var first = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct);

        await Assert.ThrowsAsync<StoreBusyException>(() =>
            StoryPlacer.OpenAsync(store, Analyzers.Default, new StoryPlacerOptions { LockTimeout = TimeSpan.FromMilliseconds(100) }, told.Add, Ct));

        Assert.Single(told);
    }

    [Fact]
    public async Task Should_run_the_stages_then_place_when_the_pipeline_is_given_articles()
    {
        var store = new InMemoryStore();
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, cancellationToken: Ct);
        var pipeline = new IngestPipeline(static _ => [], placer, [new Suffix()]);

        var summary = await pipeline.IngestArticlesAsync([SampleArticles.Make("a", "2019-04-22T08:00"), SampleArticles.Make("a")], cancellationToken: Ct);
        await placer.CompleteAsync(Ct);

        Assert.Equal(new IngestSummary(2, 1, 1, 0), summary);
        Assert.Equal("Banjir di Jakarta!", store.Get("a")!.Title);
        Assert.NotNull(store.GetAssignment("a"));
    }

    private sealed class Suffix : IArticleStage
    {
        public string Name => "suffix";

        public Article Process(Article article) => article with { Title = article.Title + "!" };
    }
}
