using Lucene.Net.Index;
using Lucene.Net.Store;
using Warta.Core.Pipeline;
using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class LuceneIndexFollowerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_move_the_absorbed_story_s_articles_when_stories_merge()
    {
        var log = new ScriptedChangeLog();
        log.Place(SampleArticles.Make("a", "2025-03-01T08:00"), "s-1");
        log.Place(SampleArticles.Make("b", "2025-03-02T08:00"), "s-2");
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);
        await follower.CatchUpAsync(Ct);
        using var search = follower.OpenSearch();
        Assert.Equal(["a"], await StoryIdsAsync(search, "s-1"));

        log.Merge(from: "s-2", into: "s-1", articleId: "c");
        log.Place(SampleArticles.Make("c", "2025-03-03T08:00"), "s-1");
        await follower.CatchUpAsync(Ct);

        Assert.Equal(["a", "b", "c"], await StoryIdsAsync(search, "s-1"));
        Assert.Empty(await StoryIdsAsync(search, "s-2"));
        Assert.Equal(7, follower.Sequence);
    }

    [Fact]
    public async Task Should_move_a_merged_story_s_articles_as_the_store_lists_them_without_opening_a_reader()
    {
        using var store = new SqliteStore(_folder.File("m.db"));
        var index = SearchIndexLocation.For(store.Path);
        await IndexedSampleCorpus.PlaceAsync(store, indexFolder: null, SampleCorpus.Articles());
        using var follower = new LuceneIndexFollower(index, store, store, Analyzers.Default, store, store);
        var options = new StoryPlacerOptions { Followers = [follower] };
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: Ct);
        var stories = (await store.ListStoriesAsync(PageRequest.All, Ct)).Items.OrderByDescending(static s => s.ArticleCount).ToList();
        var (from, into) = (stories[0].Id, stories[1].Id);
        var moving = (await store.ListStoryMembersAsync([from], Ct)).Select(static m => m.ArticleId).Order(StringComparer.Ordinal).ToList();
        var staying = (await store.ListStoryMembersAsync([into], Ct)).Select(static m => m.ArticleId).ToList();
        Assert.True(moving.Count > 1);

        var merge = await new StoryCorrectionPlanner(store, store).MergeAsync(from, into, "editor", DateTimeOffset.UnixEpoch, Ct);
        await placer.CorrectAsync(merge, Ct);
        await placer.CompleteAsync(Ct);

        Assert.Equal(0, follower.ReadersOpened);
        using var search = follower.OpenSearch();
        Assert.Empty(await StoryIdsAsync(search, from));
        Assert.Equal([.. moving.Concat(staying).Order(StringComparer.Ordinal)], await StoryIdsAsync(search, into));
        Assert.Equal(await store.LatestSequenceAsync(Ct), follower.Sequence);
    }

    [Fact]
    public async Task Should_commit_a_catch_up_within_the_interval_later_by_itself_and_show_it_to_a_reader_of_the_folder()
    {
        var log = new ScriptedChangeLog();
        log.Place(SampleArticles.Make("a", "2025-03-01T08:00"), "s-1");
        var folder = _folder.File("index");
        using var follower = new LuceneIndexFollower(folder, log, log, Analyzers.Default) { CommitInterval = TimeSpan.FromSeconds(1) };
        await follower.CatchUpAsync(Ct);
        using var reader = LuceneSearchIndex.TryOpen(folder, Analyzers.Default)!;
        Assert.Equal(["a"], await StoryIdsAsync(reader, "s-1"));

        log.Place(SampleArticles.Make("b", "2025-03-02T08:00"), "s-1");
        await follower.CatchUpAsync(Ct);
        // Applied (a search through the writer sees it) but not committed yet: the first commit was less than the interval ago.
        using (var live = follower.OpenSearch()) Assert.Equal(["a", "b"], await StoryIdsAsync(live, "s-1"));

        // The timer commits it once the interval has passed, with nothing else happening.
        var committed = false;
        for (var wait = 0; wait < 200 && !committed; wait++)
        {
            committed = (await StoryIdsAsync(reader, "s-1")).Count == 2;
            if (!committed) await Task.Delay(50, Ct);
        }
        Assert.True(committed, "the catch-up was never committed");
        Assert.Equal(4, reader.Sequence);
    }

    [Fact]
    public async Task Should_index_a_commit_larger_than_one_read_without_looking_up_any_article_in_the_index()
    {
        // The store writes a commit's additions before its placements, so reads of ChangesPerRead changes split them.
        var log = new ScriptedChangeLog();
        var count = LuceneIndexFollower.ChangesPerRead + 100;
        log.PlaceAll([.. Enumerable.Range(0, count).Select(i => (SampleArticles.Make($"a{i:D4}", "2025-03-01T08:00"), i % 2 == 0 ? "s-even" : "s-odd"))]);
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);

        await follower.CatchUpAsync(Ct);

        Assert.Equal(0, follower.ReadersOpened);
        Assert.Equal(count, follower.Count);
        Assert.Equal(2 * count, follower.Sequence);
        using var search = follower.OpenSearch();
        var odd = await StoryIdsAsync(search, "s-odd", limit: count);
        Assert.Equal(count / 2, odd.Count);
        Assert.Contains("a0001", odd);
    }

    [Fact]
    public async Task Should_keep_an_article_s_last_placement_when_the_next_read_places_it_again_while_it_is_queued()
    {
        var log = new ScriptedChangeLog();
        // 300 articles (600 changes, more than a read), then each placed again elsewhere: the second placement of most of
        // them is read while the first may still wait in the indexing threads' queue.
        var articles = Enumerable.Range(0, 300).Select(static i => SampleArticles.Make("p" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "2025-03-01T08:00")).ToList();
        foreach (var article in articles) log.Place(article, "first");
        foreach (var article in articles) log.Place(article, "second");
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);

        await follower.CatchUpAsync(Ct);

        using var search = follower.OpenSearch();
        Assert.Empty(await StoryIdsAsync(search, "first"));
        Assert.Equal(articles.Select(static a => a.Id), await StoryIdsAsync(search, "second", limit: 1_000));
        Assert.Equal(300, follower.Count);
    }

    [Fact]
    public async Task Should_record_in_each_commit_of_a_long_catch_up_only_changes_it_holds_while_indexing_goes_on()
    {
        // Each article is added, then placed: article i is indexed once change 2i + 2 is read.
        var log = new ScriptedChangeLog();
        const int count = 3_000;
        for (var i = 0; i < count; i++) log.Place(SampleArticles.Make($"a{i:D4}", "2025-03-01T08:00", title: $"Banjir nomor {i}"), "s-" + (i / 5));
        var folder = _folder.File("index");
        var positions = new List<long>();
        // Before every read, the folder's last commit (a commit runs beside the indexing) must hold each article its
        // recorded position covers.
        log.Reading = _ =>
        {
            if (!System.IO.Directory.Exists(folder)) return;
            using var directory = FSDirectory.Open(folder);
            if (!DirectoryReader.IndexExists(directory)) return;
            DirectoryReader reader;
            try
            {
                reader = DirectoryReader.Open(directory);
            }
            catch (IOException)
            {
                // The first commit's segments file being written (Lucene 4.8 writes it in place): looked at on a later read.
                return;
            }
            using var opened = reader;
            var position = LuceneSearchIndex.SequenceOf(reader.IndexCommit.UserData);
            var held = new HashSet<string>(StringComparer.Ordinal);
            for (var doc = 0; doc < reader.MaxDoc; doc++) held.Add(reader.Document(doc).Get(IndexFields.Id, System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; 2L * i + 2 <= position; i++) Assert.Contains($"a{i:D4}", held);
            positions.Add(position);
        };
        using var follower = new LuceneIndexFollower(folder, log, log, Analyzers.Default) { FillCommitEvery = 1_000 };

        await follower.CatchUpAsync(Ct);

        Assert.Equal(count, follower.Count);
        Assert.Equal(2 * count, follower.Sequence);
        // Commits made during the catch-up were seen by later reads (positions after the first, empty commit).
        Assert.True(positions.Distinct().Count(p => p > 0) >= 3, $"positions seen: {string.Join(", ", positions.Distinct())}");
        follower.Dispose();
        using var committed = LuceneSearchIndex.TryOpen(folder, Analyzers.Default)!;
        Assert.Equal(count, committed.Count);
        Assert.Equal(2 * count, committed.Sequence);
    }

    [Fact]
    public async Task Should_keep_the_story_of_an_article_stored_again_without_a_placement()
    {
        var log = new ScriptedChangeLog();
        log.Place(SampleArticles.Make("a", "2025-03-01T08:00"), "s-1");
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);
        await follower.CatchUpAsync(Ct);

        log.AddAgain(SampleArticles.Make("a", "2025-03-01T08:00", title: "Banjir di Bekasi"));
        await follower.CatchUpAsync(Ct);

        Assert.Equal(1, follower.ReadersOpened);
        using var search = follower.OpenSearch();
        Assert.Equal(["a"], await StoryIdsAsync(search, "s-1"));
        Assert.Equal(1, follower.Count);
    }

    [Fact]
    public async Task Should_remove_a_deleted_article_from_the_index()
    {
        var log = new ScriptedChangeLog();
        log.Place(SampleArticles.Make("a", "2025-03-01T08:00"), "s-1");
        log.Place(SampleArticles.Make("b", "2025-03-02T08:00"), "s-1");
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);
        await follower.CatchUpAsync(Ct);

        log.Delete("a", "s-1");
        await follower.CatchUpAsync(Ct);

        using var search = follower.OpenSearch();
        Assert.Equal(["b"], await StoryIdsAsync(search, "s-1"));
        Assert.Equal(1, follower.Count);
    }

    [Fact]
    public async Task Should_catch_up_after_the_store_committed_articles_the_index_never_saw()
    {
        var articles = SampleCorpus.Articles();
        using var store = new SqliteStore(_folder.File("w.db"));
        var index = SearchIndexLocation.For(store.Path);
        // The first half reaches both; the second is committed to the store by a writer that died before the index's commit.
        await IndexedSampleCorpus.PlaceAsync(store, index, [.. articles.Take(20)]);
        await IndexedSampleCorpus.PlaceAsync(store, indexFolder: null, [.. articles.Skip(20)]);
        long behind;
        using (var stale = LuceneSearchIndex.TryOpen(index, Analyzers.Default)!)
        {
            Assert.Equal(20, stale.Count);
            behind = stale.Sequence;
        }
        Assert.True(behind < await store.LatestSequenceAsync(Ct));

        using var follower = new LuceneIndexFollower(index, store, store, Analyzers.Default);
        await follower.CatchUpAsync(Ct);
        await follower.CatchUpAsync(Ct);
        follower.Dispose();

        using var caughtUp = LuceneSearchIndex.TryOpen(index, Analyzers.Default)!;
        Assert.Equal(articles.Count, caughtUp.Count);
        Assert.Equal(await store.LatestSequenceAsync(Ct), caughtUp.Sequence);
        var last = articles[^1];
        var found = await caughtUp.SearchArticlesAsync(new SearchQuery { Required = [new([new(last.Title, IsPhrase: true)])] }, Ct);
        Assert.Contains(found.Hits, h => h.ArticleId == last.Id);
    }

    [Fact]
    public async Task Should_rebuild_the_same_index_from_the_store()
    {
        var articles = SampleCorpus.Articles();
        using var store = new SqliteStore(_folder.File("w.db"));
        var index = SearchIndexLocation.For(store.Path);
        await IndexedSampleCorpus.PlaceAsync(store, index, articles);

        using (var follower = new LuceneIndexFollower(index, store, store, Analyzers.Default))
        {
            await follower.RebuildAsync(Ct);
            Assert.Equal(articles.Count, follower.Count);
        }

        using var rebuilt = LuceneSearchIndex.TryOpen(index, Analyzers.Default)!;
        Assert.Equal(await store.LatestSequenceAsync(Ct), rebuilt.Sequence);
        Assert.Equal(articles.Count, rebuilt.Count);
    }

    [Fact]
    public async Task Should_hold_one_document_per_article_when_a_first_catch_up_sees_an_article_stored_again()
    {
        // A first catch-up adds articles without deleting by id; one stored again later in the same catch-up must replace its document.
        var log = new ScriptedChangeLog();
        var count = LuceneIndexFollower.ChangesPerRead + 100;
        log.PlaceAll([.. Enumerable.Range(0, count).Select(i => (SampleArticles.Make($"a{i:D4}", "2025-03-01T08:00"), "s-1"))]);
        log.AddAgain(SampleArticles.Make("a0000", "2025-03-01T08:00", title: "Longsor di Garut"));
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);

        await follower.CatchUpAsync(Ct);

        Assert.Equal(count, follower.Count);
        using var search = follower.OpenSearch();
        var found = await search.SearchArticlesAsync(new SearchQuery { Required = [new([new("longsor", IsPhrase: false)])] }, Ct);
        var hit = Assert.Single(found.Hits);
        Assert.Equal(("a0000", "Longsor di Garut", "s-1"), (hit.ArticleId, hit.Title, hit.StoryId));
    }

    [Fact]
    public async Task Should_fill_an_index_of_the_older_document_layout_again_from_the_store()
    {
        var folder = _folder.File("index");
        OlderLayoutIndex.Write(folder, "a", "Judul lama yang tersimpan", sequence: 2);
        var log = new ScriptedChangeLog();
        log.Place(SampleArticles.Make("a", "2025-03-01T08:00", title: "Banjir di Bekasi"), "s-1");
        log.Place(SampleArticles.Make("b", "2025-03-02T08:00", title: "Banjir di Depok"), "s-1");
        using var follower = new LuceneIndexFollower(folder, log, log, Analyzers.Default);

        await follower.CatchUpAsync(Ct);

        Assert.Equal(2, follower.Count);
        Assert.Equal(4, follower.Sequence);
        using var search = follower.OpenSearch();
        var found = await search.SearchArticlesAsync(new SearchQuery { Required = [new([new("banjir", IsPhrase: false)])], Sort = SearchSort.Time }, Ct);
        Assert.Equal(["Banjir di Depok", "Banjir di Bekasi"], found.Hits.Select(static h => h.Title));
    }

    [Fact]
    public async Task Should_show_the_hits_of_an_index_of_the_older_layout_before_its_writer_fills_it_again()
    {
        var folder = _folder.File("index");
        OlderLayoutIndex.Write(folder, "a", "Judul lama yang tersimpan", sequence: 2);

        using var search = LuceneSearchIndex.TryOpen(folder, Analyzers.Default)!;
        var found = await search.SearchArticlesAsync(new SearchQuery { Required = [new([new("judul", IsPhrase: false)])] }, Ct);

        var hit = Assert.Single(found.Hits);
        Assert.Equal(("a", "Judul lama yang tersimpan", "tirto.id", "id", "s-1"), (hit.ArticleId, hit.Title, hit.Outlet, hit.Language, hit.StoryId));
        Assert.Equal(DateTimeOffset.Parse("2025-03-01T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture), hit.Published);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_find_an_article_of_a_language_the_index_did_not_hold_when_its_searcher_was_opened()
    {
        // A query term is looked up only in the analysis buckets the index holds; a searcher refreshed after the first
        // English article must look in the English fields too.
        var log = new ScriptedChangeLog();
        log.Place(SampleArticles.Make("a", "2025-03-01T08:00"), "s-1");
        using var follower = new LuceneIndexFollower(_folder.File("index"), log, log, Analyzers.Default);
        await follower.CatchUpAsync(Ct);
        using var search = follower.OpenSearch();
        Assert.Empty(await ArticleIdsAsync(search, "flooded"));

        log.Place(SampleArticles.Make("b", "2025-03-02T08:00", title: "Floods close the roads of Jakarta") with { Language = "en" }, "s-2");
        await follower.CatchUpAsync(Ct);

        Assert.Equal(["b"], await ArticleIdsAsync(search, "flooded"));
        Assert.Equal(["a"], await ArticleIdsAsync(search, "banjir"));
    }

    private static async Task<List<string>> ArticleIdsAsync(LuceneSearchIndex search, string word)
    {
        var found = await search.SearchArticlesAsync(new SearchQuery { Required = [new SearchAlternatives([new SearchTerm(word, false)])], Limit = 10 }, Ct);
        return [.. found.Hits.Select(static h => h.ArticleId).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> StoryIdsAsync(LuceneSearchIndex search, string story, int limit = 100)
    {
        var found = await search.SearchArticlesAsync(new SearchQuery { Stories = [story], Limit = limit }, Ct);
        return [.. found.Hits.Select(static h => h.ArticleId).Order(StringComparer.Ordinal)];
    }
}
