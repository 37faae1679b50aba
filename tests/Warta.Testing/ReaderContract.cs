using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Xunit;

namespace Warta.Testing;

/// <summary>Behaviour every <see cref="IArticleReader"/> and <see cref="IStoryReader"/> must show; a store's test class says how to seed one.</summary>
public abstract class ReaderContract
{
    /// <summary>A fresh store holding <paramref name="articles"/>, then each of <paramref name="batches"/> saved in order.</summary>
    protected abstract (IArticleReader Articles, IStoryReader Stories) Open(IReadOnlyList<Article> articles, params StoryBatch[] batches);

    private static readonly DateTimeOffset Monday = new(2019, 4, 22, 9, 0, 0, TimeSpan.FromHours(7));

    private static Story MakeStory(string id, int hoursAfterMonday = 1) =>
        new(id, "Banjir " + id, 1, ["tirto.id"], Monday, Monday.AddHours(hoursAfterMonday));

    private static Article[] Dated(params string[] idsAndTimes) =>
        [.. idsAndTimes.Select(static e => e.Split('@')).Select(static p => SampleArticles.Make(p[0], p.Length > 1 ? p[1] : null))];

    [Fact]
    public async Task Should_read_one_article_by_id_and_nothing_for_an_unknown_id()
    {
        var articles = Dated("a1@2019-04-22T08:00", "a2");
        var (reader, _) = Open(articles);

        ModelAssert.Equal(articles[1], await reader.GetArticleAsync("a2", TestContext.Current.CancellationToken));
        Assert.Null(await reader.GetArticleAsync("a", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_read_the_stored_articles_of_a_batch_and_leave_out_unknown_ids()
    {
        var articles = Dated("a1", "a2", "a3");
        var (reader, _) = Open(articles);

        var read = await reader.GetArticlesAsync(["a3", "ghost", "a1", "a3"], TestContext.Current.CancellationToken);

        Assert.Equal(["a1", "a3"], read.Select(static a => a.Id).Order(StringComparer.Ordinal));
        ModelAssert.Equal(articles[2], read.Single(static a => a.Id == "a3"));
        Assert.Empty(await reader.GetArticlesAsync([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_read_article_heads_with_title_time_and_annotations_but_not_the_text()
    {
        var articles = Dated("a1@2019-04-22T08:00", "a2");
        var (reader, _) = Open(articles);

        var heads = await reader.GetArticleHeadsAsync(["a2", "ghost", "a1"], TestContext.Current.CancellationToken);

        Assert.Equal(["a1", "a2"], heads.Select(static a => a.Id).Order(StringComparer.Ordinal));
        var head = heads.Single(static a => a.Id == "a1");
        // A store may read the whole article (the interface's default); what it reads must be the stored article's.
        if (head.Paragraphs.Count > 0) ModelAssert.Equal(articles[0], head);
        else ModelAssert.Equal(articles[0] with { Paragraphs = [], Provenance = head.Provenance }, head);
        Assert.Equal(articles[0].Published, head.Published);
        Assert.Equal(articles[0].Annotations.Entities.Count, head.Annotations.Entities.Count);
        Assert.Empty(await reader.GetArticleHeadsAsync([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_find_ids_by_prefix_sorted_and_at_most_the_limit()
    {
        var (reader, _) = Open(Dated("ab3", "ab1", "ab2", "b1", "a_x"));

        Assert.Equal(["ab1", "ab2"], await reader.FindArticleIdsAsync("ab", 2, TestContext.Current.CancellationToken));
        Assert.Equal(["ab1", "ab2", "ab3"], await reader.FindArticleIdsAsync("ab", 10, TestContext.Current.CancellationToken));
        Assert.Equal(["a_x"], await reader.FindArticleIdsAsync("a_", 10, TestContext.Current.CancellationToken));
        Assert.Empty(await reader.FindArticleIdsAsync("zz", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_page_through_articles_oldest_first_undated_last_with_the_total()
    {
        var (reader, _) = Open(Dated("c@2019-04-23T10:00", "b", "a@2019-04-23T10:00", "d@2019-04-22T23:59"));

        var all = await reader.ListArticlesAsync(PageRequest.All, TestContext.Current.CancellationToken);
        var second = await reader.ListArticlesAsync(new PageRequest(1, 2), TestContext.Current.CancellationToken);
        var beyond = await reader.ListArticlesAsync(new PageRequest(10, 2), TestContext.Current.CancellationToken);

        Assert.Equal(["d", "a", "c", "b"], all.Items.Select(static a => a.Id));
        Assert.Equal(4, all.Total);
        Assert.Equal(["a", "c"], second.Items.Select(static a => a.Id));
        Assert.Equal(4, second.Total);
        Assert.Empty(beyond.Items);
        Assert.Equal(4, beyond.Total);
        Assert.Equal(4, await reader.CountArticlesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_read_stories_assignments_and_merges_as_saved()
    {
        var story = MakeStory("s1");
        var copy = new StoryAssignment("a2", "s1", "a1", 0.93);
        var merge = new StoryMerge("s2", "s1", "a2", 0.61);
        var (_, reader) = Open(Dated("a1", "a2"), new StoryBatch([new("a1", "s1", null, 0), copy], [story, MakeStory("s2")], [merge]));

        ModelAssert.Equal(story, await reader.GetStoryAsync("s1", TestContext.Current.CancellationToken));
        Assert.Null(await reader.GetStoryAsync("s", TestContext.Current.CancellationToken));
        Assert.Equal(copy, await reader.GetAssignmentAsync("a2", TestContext.Current.CancellationToken));
        Assert.Null(await reader.GetAssignmentAsync("a3", TestContext.Current.CancellationToken));
        Assert.Equal([merge], await reader.ListMergesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_list_a_story_s_assignments_in_publication_order_with_undated_articles_last()
    {
        string[] ids = ["late", "undated", "early", "b", "a"];
        var (_, reader) = Open(
            Dated("late@2019-04-23T08:00", "undated", "early@2019-04-21T08:00", "b@2019-04-22T08:00", "a@2019-04-22T08:00", "other"),
            new StoryBatch([.. ids.Select(static id => new StoryAssignment(id, "s1", null, 0.5)), new("other", "s2", null, 0)], [MakeStory("s1"), MakeStory("s2")], []));

        var assignments = await reader.GetAssignmentsAsync("s1", TestContext.Current.CancellationToken);

        Assert.Equal(["early", "a", "b", "late", "undated"], assignments.Select(static a => a.ArticleId));
        Assert.Empty(await reader.GetAssignmentsAsync("s3", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_list_the_members_of_several_stories_together_in_publication_order_with_their_language()
    {
        var (_, reader) = Open(
            Dated("late@2019-04-23T08:00", "undated", "early@2019-04-21T08:00", "b@2019-04-22T08:00", "a@2019-04-22T08:00", "other"),
            new StoryBatch(
                [new("late", "s1", null, 0.5), new("undated", "s2", null, 0.5), new("early", "s1", null, 0), new("b", "s2", null, 0), new("a", "s1", null, 0.5), new("other", "s3", null, 0)],
                [MakeStory("s1"), MakeStory("s2"), MakeStory("s3")], []));

        var members = await reader.ListStoryMembersAsync(["s1", "s2"], TestContext.Current.CancellationToken);

        Assert.Equal(["early", "a", "b", "late", "undated"], members.Select(static m => m.ArticleId));
        Assert.All(members, static m => Assert.Equal("id", m.Language));
        Assert.Empty(await reader.ListStoryMembersAsync(["s9"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_page_through_stories_latest_batch_first_then_latest_publication_then_id()
    {
        var (_, reader) = Open(
            Dated("a1"),
            new StoryBatch([], [MakeStory("old")], []),
            new StoryBatch([], [MakeStory("b", 2), MakeStory("a", 2), MakeStory("c", 5)], []),
            new StoryBatch([], [MakeStory("newest")], []));

        var all = await reader.ListStoriesAsync(PageRequest.All, TestContext.Current.CancellationToken);
        var page = await reader.ListStoriesAsync(new PageRequest(2, 2), TestContext.Current.CancellationToken);

        Assert.Equal(["newest", "c", "a", "b", "old"], all.Items.Select(static s => s.Id));
        Assert.Equal(5, all.Total);
        Assert.Equal(["a", "b"], page.Items.Select(static s => s.Id));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task Should_page_through_current_stories_leaving_out_absorbed_ones_in_either_order()
    {
        Story First(string id, int? hours) => new(id, "Gempa " + id, 1, ["kompas.com"], hours is { } h ? Monday.AddHours(h) : null, Monday.AddHours(9));
        var (_, reader) = Open(
            Dated("a1"),
            new StoryBatch([], [First("late", 6), First("undated", null)], []),
            new StoryBatch([], [First("early", 1), First("absorbed", 0)], [new StoryMerge("absorbed", "early", "a1", 0.7)]),
            new StoryBatch([], [First("middle", 3)], []));

        var updated = await reader.ListCurrentStoriesAsync(PageRequest.All, StoryListOrder.Updated, TestContext.Current.CancellationToken);
        var byTime = await reader.ListCurrentStoriesAsync(PageRequest.All, StoryListOrder.FirstPublished, TestContext.Current.CancellationToken);
        var page = await reader.ListCurrentStoriesAsync(new PageRequest(1, 2), StoryListOrder.FirstPublished, TestContext.Current.CancellationToken);

        Assert.Equal(["middle", "early", "late", "undated"], updated.Items.Select(static s => s.Id));
        Assert.Equal(["early", "middle", "late", "undated"], byTime.Items.Select(static s => s.Id));
        Assert.Equal(["middle", "late"], page.Items.Select(static s => s.Id));
        Assert.Equal(4, page.Total);
    }

    [Fact]
    public async Task Should_list_the_merges_a_story_read_needs_forward_to_the_story_it_joined_and_back_to_those_it_absorbed()
    {
        // c joined b, b joined a; d joined c; e joined x (unrelated).
        var (_, reader) = Open(
            Dated("a1", "b1", "c1", "d1", "e1"),
            new StoryBatch([], [MakeStory("a"), MakeStory("b"), MakeStory("c"), MakeStory("d"), MakeStory("e"), MakeStory("x")], []),
            new StoryBatch([], [], [new StoryMerge("d", "c", "d1", 0.6), new StoryMerge("e", "x", "e1", 0.6)]),
            new StoryBatch([], [], [new StoryMerge("c", "b", "c1", 0.7)]),
            new StoryBatch([], [], [new StoryMerge("b", "a", "b1", 0.8)]));

        var ofC = await reader.ListMergesOfAsync("c", TestContext.Current.CancellationToken);
        var ofA = await reader.ListMergesOfAsync("a", TestContext.Current.CancellationToken);

        // A store may list more (every merge, the default), never fewer, and always in the order they were made.
        Assert.Subset(ofC.ToHashSet(), new HashSet<StoryMerge> { new("d", "c", "d1", 0.6), new("c", "b", "c1", 0.7), new("b", "a", "b1", 0.8) });
        Assert.Subset(ofA.ToHashSet(), new HashSet<StoryMerge> { new("d", "c", "d1", 0.6), new("c", "b", "c1", 0.7), new("b", "a", "b1", 0.8) });
        var all = await reader.ListMergesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(all.Where(ofA.Contains), ofA);
        Assert.Empty((await reader.ListMergesOfAsync("nowhere", TestContext.Current.CancellationToken)).Except(all));
    }

    [Fact]
    public async Task Should_find_current_story_ids_by_prefix_sorted_leaving_out_absorbed_ones()
    {
        var (_, reader) = Open(
            Dated("a1"),
            new StoryBatch([], [MakeStory("ab3"), MakeStory("ab1"), MakeStory("ab2"), MakeStory("b1"), MakeStory("a_x")], [new StoryMerge("ab2", "b1", "a1", 0.7)]));

        Assert.Equal(["ab1", "ab3"], await reader.FindCurrentStoryIdsAsync("ab", 10, TestContext.Current.CancellationToken));
        Assert.Equal(["ab1"], await reader.FindCurrentStoryIdsAsync("ab", 1, TestContext.Current.CancellationToken));
        Assert.Equal(["a_x"], await reader.FindCurrentStoryIdsAsync("a_", 10, TestContext.Current.CancellationToken));
        Assert.Empty(await reader.FindCurrentStoryIdsAsync("zz", 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_move_a_story_s_sequence_with_the_changes_that_touch_it_and_leave_other_stories_as_they_are()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, reader) = Open(
            Dated("a1@2019-04-22T09:00", "a2@2019-04-22T10:00", "a3@2019-04-22T11:00",
                "b1@2019-04-22T09:30", "b2@2019-04-22T12:00", "c1@2019-04-22T09:45"),
            new StoryBatch(
                [new StoryAssignment("a1", "a", null, 1.0), new StoryAssignment("b1", "b", null, 1.0), new StoryAssignment("c1", "c", null, 1.0)],
                [MakeStory("a"), MakeStory("b"), MakeStory("c")], []));
        // A reader over fixed data (the in-memory one) keeps no change log and takes no writes: the stores that do run this.
        if (reader is not (IChangeLog log and IPlacementStore writer and IStoryViewStore views))
        {
            Assert.Skip($"{reader.GetType().Name} keeps no change log: the per-story sequence is a writing store's (SQLite, PostgreSQL)");
            return;
        }
        async Task<(long A, long B, long C)> Read() =>
            (await log.LatestStorySequenceAsync("a", ct), await log.LatestStorySequenceAsync("b", ct), await log.LatestStorySequenceAsync("c", ct));

        var first = await Read();
        Assert.True(first.A > 0 && first.B > 0 && first.C > 0);
        Assert.Equal(0, await log.LatestStorySequenceAsync("nowhere", ct));

        // Given an article placed in a, when the sequences are read again, then a's moved and b's and c's did not.
        await writer.CommitAsync(new PlacementBatch([], [new StoryAssignment("a2", "a", null, 0.9)], [MakeStory("a", 2)], []), ct);
        var placed = await Read();
        Assert.True(placed.A > first.A);
        Assert.Equal((first.B, first.C), (placed.B, placed.C));

        // b merged into a: both moved (b now redirects), c did not.
        await writer.CommitAsync(new PlacementBatch([], [new StoryAssignment("a3", "a", null, 0.8)], [MakeStory("a", 3)], [new StoryMerge("b", "a", "a3", 0.8)]), ct);
        var merged = await Read();
        Assert.True(merged.A > placed.A && merged.B > placed.B);
        Assert.Equal(placed.C, merged.C);

        // A change to b, absorbed by a, moves a (a read of a shows b's articles).
        await writer.CommitAsync(new PlacementBatch([], [new StoryAssignment("b2", "b", null, 0.7)], [MakeStory("b", 4)], []), ct);
        var absorbed = await Read();
        Assert.True(absorbed.A > merged.A);
        Assert.Equal(merged.C, absorbed.C);

        // a merged into c: b's redirect now leads to c, so b's sequence moves too.
        await writer.CommitAsync(new PlacementBatch([], [], [MakeStory("c", 5)], [new StoryMerge("a", "c", "c1", 0.6)]), ct);
        var joined = await Read();
        Assert.True(joined.A > absorbed.A && joined.B > absorbed.B && joined.C > absorbed.C);

        // The views' sequences: 0 for a story without one, then the sequence its own view reflects, whatever the others'.
        Assert.Equal(0, await views.StoryViewSequenceAsync("c", ct));
        await views.SaveStoryViewsAsync([new StoryView("c", joined.C, "id", [], [], [], ["c1"], [])], joined.C, ct);
        await views.SaveStoryViewsAsync([new StoryView("x", joined.C + 7, "id", [], [], [], [], [])], joined.C + 7, ct);
        Assert.Equal(joined.C, await views.StoryViewSequenceAsync("c", ct));
        Assert.Equal(0, await views.StoryViewSequenceAsync("a", ct));
    }
}
