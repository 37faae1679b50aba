using Warta.Core.Model;
using Warta.Core.Storage;
using Xunit;

namespace Warta.Testing;

/// <summary>Behaviour every story store must show (placement commits, change sequence, checkpoint, write lock); stories refer to articles, so the store holds both.</summary>
public abstract class StoryStoreContract<TStore>
    where TStore : IArticleStore, IStoryStore, IPlacementStore
{
    /// <summary>Opens (creating when absent) the store called <paramref name="name"/>; opening the same name again is a reopen.</summary>
    protected abstract TStore Open(string name);

    private static readonly DateTimeOffset Monday = new(2019, 4, 22, 9, 0, 0, TimeSpan.FromHours(7));

    private TStore OpenWithArticles(string name, params string[] idsAndTimes)
    {
        var store = Open(name);
        foreach (var entry in idsAndTimes)
        {
            var parts = entry.Split('@');
            store.TryAdd(SampleArticles.Make(parts[0], parts.Length > 1 ? parts[1] : null));
        }
        return store;
    }

    private static void SaveBatch(
        TStore store, IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges, ClustererCheckpoint? checkpoint = null) =>
        store.CommitAsync(new PlacementBatch([], assignments, stories, merges, checkpoint), TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private static Story MakeStory(string id, int count = 1, string headline = "Banjir Jakarta") =>
        new(id, headline, count, ["kompas.com", "tirto.id"], Monday, Monday.AddHours(count));

    [Fact]
    public void Should_return_saved_stories_assignments_and_merges()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        var story = MakeStory("s1", 2);
        var first = new StoryAssignment("a1", "s1", null, 0);
        var copy = new StoryAssignment("a2", "s1", "a1", 0.93);

        SaveBatch(store, [first, copy], [story], []);

        ModelAssert.Equal(story, store.GetStory("s1"));
        Assert.Equal(first, store.GetAssignment("a1"));
        Assert.Equal(copy, store.GetAssignment("a2"));
        Assert.Null(store.GetStory("s2"));
        Assert.Null(store.GetAssignment("a3"));
    }

    [Fact]
    public async Task Should_keep_headlines_and_ids_with_quotes_backslashes_line_breaks_and_emoji_as_given()
    {
        const string id = "kompas.com/read/\"banjir\"\\2019";
        using var store = Open("s");
        var story = MakeStory("s\"1\"", 1, "Jokowi: \"Tak ada reshuffle\" \\ banjir\tJakarta\nsurut 🌧️🇮🇩 \u0001");
        var before = await store.LatestSequenceAsync(TestContext.Current.CancellationToken);

        await store.CommitAsync(new PlacementBatch([SampleArticles.Make(id)], [new(id, story.Id, null, 0)], [story], []), TestContext.Current.CancellationToken);

        ModelAssert.Equal(story, store.GetStory(story.Id));
        var changes = await store.ChangesSinceAsync(before, 10, TestContext.Current.CancellationToken);
        Assert.Equal([(StoreChangeKind.ArticleAdded, id, (string?)null), (StoreChangeKind.ArticlePlaced, id, story.Id)], changes.Select(static c => (c.Kind, c.ArticleId, c.StoryId)));
    }

    [Fact]
    public void Should_replace_a_story_saved_again_under_its_id()
    {
        using var store = OpenWithArticles("s", "a1");
        SaveBatch(store, [new StoryAssignment("a1", "s1", null, 0)], [MakeStory("s1", 1)], []);

        var grown = MakeStory("s1", 5, "Banjir Jakarta meluas") with { FirstPublished = null };
        SaveBatch(store, [], [grown], []);

        ModelAssert.Equal(grown, store.GetStory("s1"));
        Assert.Single(store.ListStories());
    }

    [Fact]
    public void Should_refuse_to_place_an_article_again_and_keep_its_first_placement()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        SaveBatch(store, [new("a1", "s1", null, 0), new("a2", "s2", null, 0)], [MakeStory("s1"), MakeStory("s2")], []);

        Assert.ThrowsAny<Exception>(() => SaveBatch(store, [new("a2", "s1", null, 0.7)], [MakeStory("s1", 2)], []));

        Assert.Equal(["a2"], store.GetAssignments("s2").Select(static a => a.ArticleId));
        Assert.Equal(new StoryAssignment("a2", "s2", null, 0), store.GetAssignment("a2"));
        Assert.Equal(1, store.GetStory("s1")!.ArticleCount);
    }

    [Fact]
    public void Should_list_assignments_in_publication_order_with_undated_articles_last()
    {
        using var store = OpenWithArticles("s", "late@2019-04-23T08:00", "undated", "early@2019-04-21T08:00", "b@2019-04-22T08:00", "a@2019-04-22T08:00");
        var ids = new[] { "late", "undated", "early", "b", "a" };

        SaveBatch(store, [.. ids.Select(static id => new StoryAssignment(id, "s1", null, 0.5))], [MakeStory("s1", 5)], []);

        Assert.Equal(["early", "a", "b", "late", "undated"], store.GetAssignments("s1").Select(static a => a.ArticleId));
    }

    [Fact]
    public void Should_list_the_most_recently_saved_story_first()
    {
        using var store = OpenWithArticles("s", "a1", "a2", "a3");
        SaveBatch(store, [new("a1", "old", null, 0)], [MakeStory("old")], []);
        SaveBatch(store, [new("a2", "new", null, 0)], [MakeStory("new")], []);
        SaveBatch(store, [new("a3", "old", null, 0.8)], [MakeStory("old", 2)], []);

        Assert.Equal(["old", "new"], store.ListStories().Select(static s => s.Id));
    }

    [Fact]
    public void Should_list_merges_in_the_order_they_were_recorded()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        var stories = new[] { MakeStory("s1"), MakeStory("s2"), MakeStory("s3") };
        StoryMerge[] merges = [new("s3", "s1", "a2", 0.61), new("s2", "s1", "a1", 0.75)];

        SaveBatch(store, [], stories, [merges[0]]);
        SaveBatch(store, [], [], [merges[1]]);

        Assert.Equal(merges, store.ListMerges());
    }

    [Fact]
    public void Should_save_nothing_of_a_batch_that_refers_to_an_unknown_article()
    {
        using var store = OpenWithArticles("s", "a1");

        Assert.ThrowsAny<Exception>(() =>
            SaveBatch(store, [new("a1", "s1", null, 0), new("ghost", "s1", null, 0)], [MakeStory("s1")], []));

        Assert.Null(store.GetStory("s1"));
        Assert.Null(store.GetAssignment("a1"));
    }

    [Fact]
    public async Task Should_store_new_articles_with_their_placement_in_one_commit_and_place_one_stored_before()
    {
        using var store = OpenWithArticles("s", "a1");
        var story = MakeStory("s1", 2);

        await store.CommitAsync(new PlacementBatch(
            [SampleArticles.Make("a1"), SampleArticles.Make("a2")],
            [new("a1", "s1", null, 0), new("a2", "s1", "a1", 0.9)], [story], []), TestContext.Current.CancellationToken);

        Assert.Equal(2, store.Count());
        ModelAssert.Equal(story, store.GetStory("s1"));
        Assert.Equal(["a1", "a2"], store.GetAssignments("s1").Select(static a => a.ArticleId));
    }

    [Fact]
    public async Task Should_store_no_article_of_a_batch_whose_placement_fails()
    {
        using var store = Open("s");

        // The assignment names a story the batch does not save, so the placement half of the batch fails.
        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.CommitAsync(new PlacementBatch([SampleArticles.Make("a1")], [new("a1", "missing", null, 0)], [], []), TestContext.Current.CancellationToken));

        Assert.Equal(0, store.Count());
        Assert.Null(store.GetAssignment("a1"));
        Assert.Empty(await store.ChangesSinceAsync(0, 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Should_keep_stories_assignments_and_merges_when_reopened()
    {
        var story = MakeStory("s1", 2);
        using (var store = OpenWithArticles("s", "a1", "a2"))
        {
            SaveBatch(store, [new("a1", "s1", null, 0), new("a2", "s1", "a1", 0.9)], [story, MakeStory("s2")], [new("s2", "s1", "a2", 0.9)]);
        }

        using var reopened = Open("s");

        ModelAssert.Equal(story, reopened.GetStory("s1"));
        Assert.Equal(2, reopened.GetAssignments("s1").Count);
        Assert.Equal([new StoryMerge("s2", "s1", "a2", 0.9)], reopened.ListMerges());
    }

    private static ClustererCheckpoint MakeCheckpoint(int count, string last, params byte[] snapshot) =>
        new(1, "0123abcd", count, last, snapshot);

    private static void AssertCheckpoint(ClustererCheckpoint expected, ClustererCheckpoint? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Snapshot = default, ChangeSequence = 0 }, actual with { Snapshot = default, ChangeSequence = 0 });
        Assert.Equal(expected.Snapshot.ToArray(), actual.Snapshot.ToArray());
    }

    [Fact]
    public async Task Should_keep_the_checkpoint_saved_with_a_batch_until_the_next_batch_replaces_it()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        Assert.Null((await store.GetCheckpointAsync(TestContext.Current.CancellationToken)));
        var first = MakeCheckpoint(1, "a1", 1, 2, 0, 255);
        var second = MakeCheckpoint(2, "a2", [.. Enumerable.Range(0, 70_000).Select(static i => (byte)(i * 7))]);

        SaveBatch(store, [new("a1", "s1", null, 0)], [MakeStory("s1")], [], first);
        AssertCheckpoint(first, (await store.GetCheckpointAsync(TestContext.Current.CancellationToken)));
        SaveBatch(store, [new("a2", "s1", null, 0.4)], [MakeStory("s1", 2)], [], second);

        AssertCheckpoint(second, (await store.GetCheckpointAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Should_keep_the_checkpoint_when_a_batch_is_committed_without_one_and_record_the_change_it_reflects()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        var sequence = await store.CommitAsync(new PlacementBatch([], [new("a1", "s1", null, 0)], [MakeStory("s1")], [], MakeCheckpoint(1, "a1", 9)), TestContext.Current.CancellationToken);

        await store.CommitAsync(new PlacementBatch([SampleArticles.Make("a3")], [new("a2", "s1", null, 0.5), new("a3", "s1", null, 0.5)], [MakeStory("s1", 3)], []), TestContext.Current.CancellationToken);

        var checkpoint = await store.GetCheckpointAsync(TestContext.Current.CancellationToken);
        AssertCheckpoint(MakeCheckpoint(1, "a1", 9), checkpoint);
        Assert.Equal(sequence, checkpoint!.ChangeSequence);
        Assert.Equal(1, await store.CountPlacedUpToAsync(sequence, TestContext.Current.CancellationToken));
        Assert.Equal(["a2", "a3"], (await store.ListPlacedSinceAsync(sequence, 10, TestContext.Current.CancellationToken)).Select(static p => p.Article.Id));
    }

    [Fact]
    public async Task Should_keep_the_previous_checkpoint_when_a_batch_with_a_new_one_fails()
    {
        using var store = OpenWithArticles("s", "a1");
        var kept = MakeCheckpoint(0, "none", 1);
        SaveBatch(store, [], [], [], kept);

        Assert.ThrowsAny<Exception>(() =>
            SaveBatch(store, [new("a1", "s1", null, 0), new("ghost", "s1", null, 0)], [MakeStory("s1")], [], MakeCheckpoint(2, "ghost", 2)));

        AssertCheckpoint(kept, (await store.GetCheckpointAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Should_number_every_stored_article_placement_and_merge_in_commit_order()
    {
        using var store = OpenWithArticles("s", "a1");
        var before = await store.LatestSequenceAsync(TestContext.Current.CancellationToken);

        var last = await store.CommitAsync(new PlacementBatch(
            [SampleArticles.Make("a2"), SampleArticles.Make("a3")],
            [new("a1", "s1", null, 0), new("a2", "s2", null, 0), new("a3", "s1", null, 0.6)],
            [MakeStory("s1", 3), MakeStory("s2")], [new StoryMerge("s2", "s1", "a3", 0.6)]), TestContext.Current.CancellationToken);

        var changes = await store.ChangesSinceAsync(before, 100, TestContext.Current.CancellationToken);
        (StoreChangeKind, string, string?, string?)[] expected =
            [
                (StoreChangeKind.ArticleAdded, "a2", null, null),
                (StoreChangeKind.ArticleAdded, "a3", null, null),
                (StoreChangeKind.ArticlePlaced, "a1", "s1", null),
                (StoreChangeKind.ArticlePlaced, "a2", "s2", null),
                (StoreChangeKind.ArticlePlaced, "a3", "s1", null),
                (StoreChangeKind.StoriesMerged, "a3", "s1", "s2"),
            ];
        Assert.Equal(expected, changes.Select(static c => (c.Kind, c.ArticleId, c.StoryId, c.FromStoryId)));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => before + i), changes.Select(static c => c.Sequence));
        Assert.Equal(last, await store.LatestSequenceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(changes.Skip(3), await store.ChangesSinceAsync(changes[2].Sequence, 100, TestContext.Current.CancellationToken));
        Assert.Equal(changes.Take(2), await store.ChangesSinceAsync(before, 2, TestContext.Current.CancellationToken));
        Assert.Equal(["a1", "a2", "a3"], (await store.ListPlacedSinceAsync(0, 100, TestContext.Current.CancellationToken)).Select(static p => p.Article.Id));
    }

    [Fact]
    public async Task Should_keep_the_change_sequence_when_reopened_and_go_on_from_it()
    {
        long first;
        using (var store = OpenWithArticles("s", "a1"))
        {
            first = await store.CommitAsync(new PlacementBatch([], [new("a1", "s1", null, 0)], [MakeStory("s1")], []), TestContext.Current.CancellationToken);
        }

        using var reopened = Open("s");
        var next = await reopened.CommitAsync(new PlacementBatch([SampleArticles.Make("a2")], [new("a2", "s1", null, 0.5)], [MakeStory("s1", 2)], []), TestContext.Current.CancellationToken);

        Assert.True(first > 0);
        Assert.Equal(first + 2, next);
        Assert.Equal(2, (await reopened.ChangesSinceAsync(first, 10, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Should_find_exactly_the_placed_articles_among_the_ids_asked()
    {
        using var store = OpenWithArticles("s", "stored", "placed");
        SaveBatch(store, [new("placed", "s1", null, 0)], [MakeStory("s1")], []);

        var found = await store.FindPlacedAsync(["placed", "stored", "unknown", "placed"], TestContext.Current.CancellationToken);

        Assert.Equal(["placed"], found.Order(StringComparer.Ordinal));
        Assert.Empty(await store.FindPlacedAsync([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_let_one_writer_in_at_a_time_and_tell_the_waiting_one_what_it_waits_for()
    {
        using var store = Open("s");
        using var other = Open("s");
        var told = new List<string>();
        var first = await store.AcquireWriteLockAsync(TimeSpan.Zero, null, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<StoreBusyException>(() => other.AcquireWriteLockAsync(TimeSpan.FromMilliseconds(200), told.Add, TestContext.Current.CancellationToken));
        Assert.Single(told);
        var waiting = other.AcquireWriteLockAsync(TimeSpan.FromSeconds(10), null, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();

        await using var second = await waiting;
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void Should_count_the_placed_articles_and_list_the_unplaced_in_publication_order()
    {
        using var store = OpenWithArticles("s", "late@2019-04-23T08:00", "undated", "early@2019-04-21T08:00", "b@2019-04-22T08:00", "a@2019-04-22T08:00");
        Assert.Equal(0, store.CountPlaced());

        SaveBatch(store, [new("b", "s1", null, 0), new("late", "s1", null, 0.3)], [MakeStory("s1", 2)], []);

        Assert.Equal(2, store.CountPlaced());
        Assert.Equal(["early", "a", "undated"], store.ListUnplaced().Select(static a => a.Id));
        ModelAssert.Equal(store.Get("early")!, store.ListUnplaced()[0]);
        Assert.Null(store.GetCheckpoint());
    }

    [Fact]
    public async Task Should_delete_one_article_of_a_three_article_story_and_recompute_the_story_from_the_two_left()
    {
        var token = TestContext.Current.CancellationToken;
        using var store = OpenWithArticles("s");
        var first = SampleArticles.Make("a1", "2019-04-22T08:00", "Banjir Jakarta", "kompas.com");
        var second = SampleArticles.Make("a2", "2019-04-22T09:00", "Banjir meluas", "tirto.id");
        var third = SampleArticles.Make("a3", "2019-04-22T10:00", "Banjir surut", "detik.com");
        await store.CommitAsync(new PlacementBatch(
            [first, second, third],
            [new("a1", "s1", null, 0), new("a2", "s1", null, 0.8), new("a3", "s1", null, 0.7)],
            [new Story("s1", "Banjir Jakarta", 3, ["detik.com", "kompas.com", "tirto.id"], first.Published!.Value.Value, third.Published!.Value.Value)],
            []), token);
        var before = await store.LatestSequenceAsync(token);

        var change = await store.DeleteArticleAsync("a3", token);

        Assert.NotNull(change);
        Assert.Equal(new StoreChange(before + 1, StoreChangeKind.ArticleDeleted, "a3", "s1", null), change);
        Assert.Equal([change], await store.ChangesSinceAsync(before, 10, token));
        Assert.Null(store.Get("a3"));
        Assert.Null(store.GetAssignment("a3"));
        Assert.Equal(["a1", "a2"], store.GetAssignments("s1").Select(static a => a.ArticleId));
        var story = store.GetStory("s1")!;
        Assert.Equal(2, story.ArticleCount);
        Assert.Equal(store.GetAssignments("s1").Count, story.ArticleCount);
        Assert.Equal(["kompas.com", "tirto.id"], story.Outlets);
        Assert.Equal(first.Published!.Value.Value, story.FirstPublished);
        Assert.Equal(second.Published!.Value.Value, story.LastPublished);
        Assert.Equal("Banjir Jakarta", story.Headline);
        Assert.Equal(2, store.CountPlaced());
    }

    [Fact]
    public async Task Should_give_a_story_the_title_of_its_earliest_article_left_when_the_article_it_was_named_after_is_deleted()
    {
        var token = TestContext.Current.CancellationToken;
        using var store = OpenWithArticles("s");
        await store.CommitAsync(new PlacementBatch(
            [SampleArticles.Make("a1", "2019-04-22T08:00", "Banjir Jakarta"), SampleArticles.Make("a2", "2019-04-22T09:00", "Banjir meluas")],
            [new("a1", "s-a1", null, 0), new("a2", "s-a1", null, 0.8)],
            [new Story("s-a1", "Banjir Jakarta", 2, ["tirto.id"], Monday, Monday)],
            []), token);

        await store.DeleteArticleAsync("a1", token);

        Assert.Equal("Banjir meluas", store.GetStory("s-a1")!.Headline);
        Assert.Equal(1, store.GetStory("s-a1")!.ArticleCount);
    }

    [Fact]
    public async Task Should_delete_a_story_left_without_articles_and_recompute_the_story_it_was_merged_into()
    {
        var token = TestContext.Current.CancellationToken;
        using var store = OpenWithArticles("s");
        await store.CommitAsync(new PlacementBatch(
            [SampleArticles.Make("a1", "2019-04-22T08:00"), SampleArticles.Make("a2", "2019-04-22T09:00"), SampleArticles.Make("a3", "2019-04-22T10:00")],
            [new("a1", "s1", null, 0), new("a2", "s2", null, 0), new("a3", "s1", null, 0.8)],
            [MakeStory("s1", 3), MakeStory("s2", 1)],
            [new StoryMerge("s2", "s1", "a3", 0.7)]), token);

        var change = await store.DeleteArticleAsync("a2", token);

        Assert.Equal("s2", change!.StoryId);
        Assert.Null(store.GetStory("s2"));
        Assert.Equal(2, store.GetStory("s1")!.ArticleCount);
        Assert.Equal([new StoryMerge("s2", "s1", "a3", 0.7)], store.ListMerges());

        await store.DeleteArticleAsync("a3", token);

        Assert.Equal(1, store.GetStory("s1")!.ArticleCount);
        Assert.Equal([new StoryMerge("s2", "s1", "a3", 0.7)], store.ListMerges());
    }

    [Fact]
    public async Task Should_delete_nothing_and_record_no_change_for_an_unknown_article()
    {
        var token = TestContext.Current.CancellationToken;
        using var store = OpenWithArticles("s", "a1");
        var before = await store.LatestSequenceAsync(token);

        Assert.Null(await store.DeleteArticleAsync("ghost", token));

        Assert.Equal(before, await store.LatestSequenceAsync(token));
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public async Task Should_count_a_superseded_revision_out_of_its_story_keep_it_placed_and_record_the_change_once()
    {
        var token = TestContext.Current.CancellationToken;
        using var store = OpenWithArticles("s");
        var first = SampleArticles.Make("r1", "2019-04-22T08:00", "Banjir Jakarta: 1.240 warga mengungsi", "kompas.com");
        var other = SampleArticles.Make("t1", "2019-04-22T09:00", "Banjir meluas ke Bekasi", "tirto.id");
        await store.CommitAsync(new PlacementBatch(
            [first, other], [new("r1", "s1", null, 0), new("t1", "s1", null, 0.8)],
            [new Story("s1", first.Title, 2, ["kompas.com", "tirto.id"], first.Published!.Value.Value, other.Published!.Value.Value)], []), token);
        var before = await store.LatestSequenceAsync(token);

        // The page edited: its new text placed in the same story (the clusterer counts 3), superseding the first revision.
        var revised = SampleArticles.Make("r2", "2019-04-22T08:00", "Banjir Jakarta: 1.860 warga mengungsi", "kompas.com");
        await store.CommitAsync(new PlacementBatch(
            [revised], [new("r2", "s1", null, 0.9)],
            [new Story("s1", first.Title, 3, ["kompas.com", "tirto.id"], first.Published!.Value.Value, other.Published!.Value.Value)], [])
        { Supersessions = [new ArticleSupersession("r1", "r2")] }, token);

        Assert.Equal(2, store.GetStory("s1")!.ArticleCount);
        Assert.Equal(2, Assert.Single(store.ListStories()).ArticleCount);
        Assert.NotNull(store.Get("r1"));
        Assert.Equal(["r1", "r2", "t1"], store.GetAssignments("s1").Select(static a => a.ArticleId).Order(StringComparer.Ordinal));
        var changes = await store.ChangesSinceAsync(before, 10, token);
        Assert.Equal(
            [StoreChangeKind.ArticleAdded, StoreChangeKind.ArticlePlaced, StoreChangeKind.ArticleSuperseded],
            changes.Select(static c => c.Kind));
        Assert.Equal(("r1", "s1"), (changes[^1].ArticleId, changes[^1].StoryId));

        // The clusterer writes the story again (a new article, its count 4): the superseded revision still does not count,
        // and a supersession recorded again changes nothing.
        var third = SampleArticles.Make("d1", "2019-04-22T10:00", "Pengungsi banjir butuh air bersih", "detik.com");
        var middle = await store.LatestSequenceAsync(token);
        await store.CommitAsync(new PlacementBatch(
            [third], [new("d1", "s1", null, 0.7)],
            [new Story("s1", first.Title, 4, ["detik.com", "kompas.com", "tirto.id"], first.Published!.Value.Value, third.Published!.Value.Value)], [])
        { Supersessions = [new ArticleSupersession("r1", "r2")] }, token);

        Assert.Equal(3, store.GetStory("s1")!.ArticleCount);
        Assert.DoesNotContain(await store.ChangesSinceAsync(middle, 10, token), static c => c.Kind == StoreChangeKind.ArticleSuperseded);
    }

    [Fact]
    public async Task Should_count_a_superseded_revision_out_of_the_story_its_story_was_merged_into()
    {
        var token = TestContext.Current.CancellationToken;
        using var store = OpenWithArticles("s");
        var first = SampleArticles.Make("r1", "2019-04-22T08:00", "Gempa Cianjur: 56 korban jiwa", "antaranews.com");
        var revised = SampleArticles.Make("r2", "2019-04-22T08:00", "Gempa Cianjur: 162 korban jiwa", "antaranews.com");
        var other = SampleArticles.Make("c1", "2019-04-22T09:00", "Gempa Cianjur, sekolah diliburkan", "cnnindonesia.com");
        await store.CommitAsync(new PlacementBatch(
            [first, revised], [new("r1", "s2", null, 0), new("r2", "s2", null, 0.9)], [new Story("s2", first.Title, 2, ["antaranews.com"], null, null)], [])
        { Supersessions = [new ArticleSupersession("r1", "r2")] }, token);
        Assert.Equal(1, store.GetStory("s2")!.ArticleCount);

        await store.CommitAsync(new PlacementBatch(
            [other], [new("c1", "s1", null, 0)],
            [new Story("s1", other.Title, 3, ["antaranews.com", "cnnindonesia.com"], null, null)],
            [new StoryMerge("s2", "s1", "c1", 0.6)]), token);

        Assert.Equal(2, store.GetStory("s1")!.ArticleCount);
    }
}
