using Warta.Core.Model;
using Warta.Core.Storage;
using Xunit;

namespace Warta.Testing;

/// <summary>Behaviour every story store must show; stories refer to articles, so the store holds both.</summary>
public abstract class StoryStoreContract<TStore>
    where TStore : IArticleStore, IStoryStore
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

    private static Story MakeStory(string id, int count = 1, string headline = "Banjir Jakarta") =>
        new(id, headline, count, ["kompas.com", "tirto.id"], Monday, Monday.AddHours(count));

    [Fact]
    public void Should_return_saved_stories_assignments_and_merges()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        var story = MakeStory("s1", 2);
        var first = new StoryAssignment("a1", "s1", null, 0);
        var copy = new StoryAssignment("a2", "s1", "a1", 0.93);

        store.SaveBatch([first, copy], [story], []);

        ModelAssert.Equal(story, store.GetStory("s1"));
        Assert.Equal(first, store.GetAssignment("a1"));
        Assert.Equal(copy, store.GetAssignment("a2"));
        Assert.Null(store.GetStory("s2"));
        Assert.Null(store.GetAssignment("a3"));
    }

    [Fact]
    public void Should_replace_a_story_saved_again_under_its_id()
    {
        using var store = OpenWithArticles("s", "a1");
        store.SaveBatch([new StoryAssignment("a1", "s1", null, 0)], [MakeStory("s1", 1)], []);

        var grown = MakeStory("s1", 5, "Banjir Jakarta meluas") with { FirstPublished = null };
        store.SaveBatch([], [grown], []);

        ModelAssert.Equal(grown, store.GetStory("s1"));
        Assert.Single(store.ListStories());
    }

    [Fact]
    public void Should_move_an_article_when_its_assignment_changes()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        store.SaveBatch([new("a1", "s1", null, 0), new("a2", "s2", null, 0)], [MakeStory("s1"), MakeStory("s2")], []);

        store.SaveBatch([new("a2", "s1", null, 0.7)], [MakeStory("s1", 2)], [new StoryMerge("s2", "s1", "a2", 0.7)]);

        Assert.Equal(["a1", "a2"], store.GetAssignments("s1").Select(static a => a.ArticleId));
        Assert.Empty(store.GetAssignments("s2"));
        Assert.Equal(new StoryAssignment("a2", "s1", null, 0.7), store.GetAssignment("a2"));
    }

    [Fact]
    public void Should_list_assignments_in_publication_order_with_undated_articles_last()
    {
        using var store = OpenWithArticles("s", "late@2019-04-23T08:00", "undated", "early@2019-04-21T08:00", "b@2019-04-22T08:00", "a@2019-04-22T08:00");
        var ids = new[] { "late", "undated", "early", "b", "a" };

        store.SaveBatch([.. ids.Select(static id => new StoryAssignment(id, "s1", null, 0.5))], [MakeStory("s1", 5)], []);

        Assert.Equal(["early", "a", "b", "late", "undated"], store.GetAssignments("s1").Select(static a => a.ArticleId));
    }

    [Fact]
    public void Should_list_the_most_recently_saved_story_first()
    {
        using var store = OpenWithArticles("s", "a1", "a2", "a3");
        store.SaveBatch([new("a1", "old", null, 0)], [MakeStory("old")], []);
        store.SaveBatch([new("a2", "new", null, 0)], [MakeStory("new")], []);
        store.SaveBatch([new("a3", "old", null, 0.8)], [MakeStory("old", 2)], []);

        Assert.Equal(["old", "new"], store.ListStories().Select(static s => s.Id));
    }

    [Fact]
    public void Should_list_merges_in_the_order_they_were_recorded()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        var stories = new[] { MakeStory("s1"), MakeStory("s2"), MakeStory("s3") };
        StoryMerge[] merges = [new("s3", "s1", "a2", 0.61), new("s2", "s1", "a1", 0.75)];

        store.SaveBatch([], stories, [merges[0]]);
        store.SaveBatch([], [], [merges[1]]);

        Assert.Equal(merges, store.ListMerges());
    }

    [Fact]
    public void Should_save_nothing_of_a_batch_that_refers_to_an_unknown_article()
    {
        using var store = OpenWithArticles("s", "a1");

        Assert.ThrowsAny<Exception>(() =>
            store.SaveBatch([new("a1", "s1", null, 0), new("ghost", "s1", null, 0)], [MakeStory("s1")], []));

        Assert.Null(store.GetStory("s1"));
        Assert.Null(store.GetAssignment("a1"));
    }

    [Fact]
    public void Should_store_new_articles_with_their_placement_in_one_call()
    {
        using var store = OpenWithArticles("s", "a1");
        var story = MakeStory("s1", 2);

        var added = store.SavePlaced(
            [SampleArticles.Make("a1"), SampleArticles.Make("a2")],
            [new("a1", "s1", null, 0), new("a2", "s1", "a1", 0.9)], [story], []);

        Assert.Equal([false, true], added);
        Assert.Equal(2, store.Count());
        ModelAssert.Equal(story, store.GetStory("s1"));
        Assert.Equal(["a1", "a2"], store.GetAssignments("s1").Select(static a => a.ArticleId));
    }

    [Fact]
    public void Should_store_no_article_of_a_placed_batch_whose_placement_fails()
    {
        using var store = Open("s");

        // The assignment names a story the batch does not save, so the placement half of the batch fails.
        Assert.ThrowsAny<Exception>(() =>
            store.SavePlaced([SampleArticles.Make("a1")], [new("a1", "missing", null, 0)], [], []));

        Assert.Equal(0, store.Count());
        Assert.Null(store.GetAssignment("a1"));
    }

    [Fact]
    public void Should_keep_stories_assignments_and_merges_when_reopened()
    {
        var story = MakeStory("s1", 2);
        using (var store = OpenWithArticles("s", "a1", "a2"))
        {
            store.SaveBatch([new("a1", "s1", null, 0), new("a2", "s1", "a1", 0.9)], [story, MakeStory("s2")], [new("s2", "s1", "a2", 0.9)]);
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
        Assert.Equal(expected with { Snapshot = default }, actual with { Snapshot = default });
        Assert.Equal(expected.Snapshot.ToArray(), actual.Snapshot.ToArray());
    }

    [Fact]
    public void Should_keep_the_checkpoint_saved_with_a_batch_until_the_next_batch_replaces_it()
    {
        using var store = OpenWithArticles("s", "a1", "a2");
        Assert.Null(store.GetCheckpoint());
        var first = MakeCheckpoint(1, "a1", 1, 2, 0, 255);
        var second = MakeCheckpoint(2, "a2", [.. Enumerable.Range(0, 70_000).Select(static i => (byte)(i * 7))]);

        store.SaveBatch([new("a1", "s1", null, 0)], [MakeStory("s1")], [], first);
        AssertCheckpoint(first, store.GetCheckpoint());
        store.SaveBatch([new("a2", "s1", null, 0.4)], [MakeStory("s1", 2)], [], second);

        AssertCheckpoint(second, store.GetCheckpoint());
    }

    [Fact]
    public void Should_drop_the_checkpoint_when_a_batch_is_saved_or_articles_placed_without_one()
    {
        using var store = OpenWithArticles("s", "a1");
        store.SaveBatch([new("a1", "s1", null, 0)], [MakeStory("s1")], [], MakeCheckpoint(1, "a1", 9));

        store.SaveBatch([], [MakeStory("s1", 1, "Banjir Jakarta surut")], []);
        Assert.Null(store.GetCheckpoint());

        store.SaveBatch([], [], [], MakeCheckpoint(1, "a1", 9));
        store.SavePlaced([SampleArticles.Make("a2")], [new("a2", "s1", null, 0.5)], [MakeStory("s1", 2)], []);
        Assert.Null(store.GetCheckpoint());
    }

    [Fact]
    public void Should_keep_the_previous_checkpoint_when_a_batch_with_a_new_one_fails()
    {
        using var store = OpenWithArticles("s", "a1");
        var kept = MakeCheckpoint(0, "none", 1);
        store.SaveBatch([], [], [], kept);

        Assert.ThrowsAny<Exception>(() =>
            store.SaveBatch([new("a1", "s1", null, 0), new("ghost", "s1", null, 0)], [MakeStory("s1")], [], MakeCheckpoint(2, "ghost", 2)));

        AssertCheckpoint(kept, store.GetCheckpoint());
    }

    [Fact]
    public void Should_count_the_placed_articles_and_list_the_unplaced_in_publication_order()
    {
        using var store = OpenWithArticles("s", "late@2019-04-23T08:00", "undated", "early@2019-04-21T08:00", "b@2019-04-22T08:00", "a@2019-04-22T08:00");
        Assert.Equal(0, store.CountPlaced());

        store.SaveBatch([new("b", "s1", null, 0), new("late", "s1", null, 0.3)], [MakeStory("s1", 2)], []);

        Assert.Equal(2, store.CountPlaced());
        Assert.Equal(["early", "a", "undated"], store.ListUnplaced().Select(static a => a.Id));
        ModelAssert.Equal(store.Get("early")!, store.ListUnplaced()[0]);
    }
}
