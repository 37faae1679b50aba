using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Stories;
using Warta.Core.Stories.Corrections;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests;

/// <summary>Deletion and editors' corrections through the one writer: the store, the clusterer and its checkpoint stay one state, across later ingests and full replays.</summary>
public sealed class StoryCorrectionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] PageFolders = ["txt", "html"];

    private string Db => _folder.File("news.db");

    /// <summary>The sample corpus's pages, named as in <c>samples/corpus</c>, split at June 2025 by the date in their names.</summary>
    private static (List<RawDocument> Before, List<RawDocument> After) Corpus()
    {
        var pages = PageFolders
            .SelectMany(static folder => Directory.EnumerateFiles(Path.Combine(SampleCorpus.Folder, folder)).Select(path => (folder, path)))
            .OrderBy(static p => p.path, StringComparer.Ordinal)
            .Select(static p => (Name: Path.GetFileName(p.path), Document: new RawDocument($"{p.folder}/{Path.GetFileName(p.path)}", File.ReadAllBytes(p.path))))
            .ToList();
        static string Date(string name) => name.Split('-', 2)[1][..10];
        return ([.. pages.Where(static p => string.CompareOrdinal(Date(p.Name), "2025-06-01") < 0).Select(static p => p.Document)],
                [.. pages.Where(static p => string.CompareOrdinal(Date(p.Name), "2025-06-01") >= 0).Select(static p => p.Document)]);
    }

    private IHost CreateHost()
    {
        var builder = WartaHost.CreateBuilder([new("Store", Db)], _folder.Path);
        builder.Services.AddWartaPlacement(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Runs a placement host over <paramref name="documents"/> (and <paramref name="work"/>), stopping it; returns what its placer did.</summary>
    private async Task<PlacerStats> RunAsync(List<RawDocument> documents, Func<IStoryCorrections, Task>? work = null)
    {
        var token = TestContext.Current.CancellationToken;
        using var host = CreateHost();
        await host.StartAsync(token);
        if (documents.Count > 0) await host.Services.GetRequiredService<IIngestService>().SubmitAsync(documents, null, null, token);
        if (work is not null) await work(host.Services.GetRequiredService<IStoryCorrections>());
        await host.StopAsync(token);
        return host.Services.GetRequiredService<PlacementService>().Stats!;
    }

    private static RawDocument Page(string name, string title, string body) => new(name, Encoding.UTF8.GetBytes($"{title}\n\n{body}\n"));

    /// <summary>Every current story counts exactly the articles placed in it or in a story merged into it, and the checkpoint reflects every placement.</summary>
    private static async Task AssertConsistentAsync(SqliteStore store)
    {
        var token = TestContext.Current.CancellationToken;
        var queries = new StoryQueries(store, store);
        var current = await queries.CurrentAsync(token);
        Assert.NotEmpty(current);
        foreach (var story in current)
        {
            var articles = await queries.GetArticlesAsync(story.Id, token);
            Assert.True(articles!.Count == story.ArticleCount, $"story {story.Id} counts {story.ArticleCount} articles and holds {articles.Count}");
        }
        var checkpoint = store.GetCheckpoint()!;
        Assert.Equal(store.CountPlaced(), checkpoint.ArticleCount);
        Assert.Equal(await store.LatestSequenceAsync(token), checkpoint.ChangeSequence);
    }

    private static void ForceReplay(string db) => RawSqlite.Run(db, "DELETE FROM clusterer_checkpoint");

    [Fact]
    public async Task Should_delete_a_story_s_first_article_keep_the_checkpoint_and_keep_every_story_id_through_later_ingests_and_a_replay()
    {
        var token = TestContext.Current.CancellationToken;
        var (before, after) = Corpus();
        await RunAsync(before);
        string founder;
        HashSet<string> idsBefore;
        using (var store = new SqliteStore(Db))
        {
            // A story named after its first article, with more articles: the id a replay would have renamed.
            var story = store.ListStories().First(s => s.ArticleCount >= 2 && store.Contains(s.Id[2..]));
            founder = story.Id[2..];
            idsBefore = [.. store.ListStories().Select(static s => s.Id)];
        }
        var services = WartaHost.CreateBuilder([new("Store", Db)], _folder.Path).Build().Services;

        var deletion = await services.GetRequiredService<StoreMaintenance>().DeleteArticleAsync(founder, TimeSpan.FromSeconds(5), null, token);

        Assert.NotNull(deletion.Change);
        using (var store = new SqliteStore(Db))
        {
            await AssertConsistentAsync(store);
            Assert.False(store.Contains(founder));
        }
        var later = await RunAsync(after);
        Assert.True(later.Restored, "the checkpoint saved with the deletion is restored");
        Assert.Equal(0, later.Replayed);
        using (var store = new SqliteStore(Db))
        {
            await AssertConsistentAsync(store);
            var ids = store.ListStories().Select(static s => s.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Superset(idsBefore, ids);
            Assert.NotNull(store.GetStory("s-" + founder));
        }

        // A full replay follows the store too: the next article joins stories by their stored ids.
        ForceReplay(Db);
        var replayed = await RunAsync([Page("txt/susulan.txt", "Banjir Lamaru Kembali Merendam Permukiman", "Banjir kembali merendam permukiman warga di Lamaru setelah tanggul jebol. Warga mengungsi.")]);

        Assert.False(replayed.Restored);
        Assert.True(replayed.Replayed > 0);
        using (var store = new SqliteStore(Db))
        {
            await AssertConsistentAsync(store);
            Assert.Superset(idsBefore, store.ListStories().Select(static s => s.Id).ToHashSet(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Should_keep_a_split_through_a_full_replay_and_an_article_that_bridges_both_stories()
    {
        var token = TestContext.Current.CancellationToken;
        var (before, after) = Corpus();
        await RunAsync([.. before, .. after]);
        Story story;
        Article leaving, staying;
        using (var store = new SqliteStore(Db))
        {
            var queries = new StoryQueries(store, store);
            story = (await queries.CurrentAsync(token)).OrderByDescending(static s => s.ArticleCount).ThenBy(static s => s.Id, StringComparer.Ordinal).First();
            var originals = (await queries.GetArticlesAsync(story.Id, token))!.Where(static a => a.Assignment.CopyOfArticleId is null).ToList();
            Assert.True(originals.Count >= 3, $"story {story.Id} has {originals.Count} originals");
            (leaving, staying) = (originals[^1].Article, originals[^2].Article);
        }
        StoryCorrection? split = null;
        await RunAsync([], async corrections => split = await corrections.SplitAsync(story.Id, [leaving.Id], "editor", token));

        ForceReplay(Db);
        var bridge = Page("txt/jembatan.txt", $"{staying.Title} dan {leaving.Title}", string.Join(" ", [.. staying.Paragraphs, .. leaving.Paragraphs]));
        var stats = await RunAsync([bridge]);

        Assert.False(stats.Restored);
        using var after2 = new SqliteStore(Db);
        await AssertConsistentAsync(after2);
        Assert.DoesNotContain(after2.ListMerges(), m => (m.FromStoryId, m.IntoStoryId) is var pair && (pair == (split!.TargetStoryId, story.Id) || pair == (story.Id, split.TargetStoryId)));
        Assert.Equal(split!.TargetStoryId, (await after2.GetAssignmentAsync(leaving.Id, token))!.StoryId);
        var recorded = Assert.Single(await after2.ListCorrectionsAsync(story.Id, token));
        Assert.Equal((StoryCorrectionKind.Split, "editor"), (recorded.Kind, recorded.By));
        Assert.Equal([leaving.Id], recorded.ArticleIds);
    }

    [Fact]
    public async Task Should_merge_and_move_record_who_and_when_and_fold_the_merged_story_into_the_one_it_joined()
    {
        var token = TestContext.Current.CancellationToken;
        var (before, _) = Corpus();
        await RunAsync(before);
        List<Story> stories;
        using (var store = new SqliteStore(Db))
        {
            stories = [.. (await new StoryQueries(store, store).CurrentAsync(token)).OrderBy(static s => s.Id, StringComparer.Ordinal)];
        }
        Assert.True(stories.Count >= 3);
        var (from, into, third) = (stories[0], stories[1], stories[2]);
        StoryCorrection? merge = null, move = null;
        string? moved = null;
        var started = DateTimeOffset.UtcNow;

        await RunAsync([], async corrections =>
        {
            merge = await corrections.MergeAsync(from.Id, into.Id, "ayu", token);
            using var store = SqliteStore.OpenForReading(Db);
            moved = (await store.GetAssignmentsAsync(third.Id, token))[0].ArticleId;
            move = await corrections.MoveAsync(moved, from.Id, "budi", token);
        });

        Assert.Equal((StoryCorrectionKind.Merge, from.Id, into.Id, "ayu"), (merge!.Kind, merge.StoryId, merge.TargetStoryId, merge.By));
        Assert.InRange(merge.At, started, DateTimeOffset.UtcNow);
        // The merged story's id stands for the story it joined: the move went there.
        Assert.Equal((StoryCorrectionKind.Move, into.Id, "budi"), (move!.Kind, move.TargetStoryId, move.By));
        Assert.True(move.Sequence > merge.Sequence);
        using var after = new SqliteStore(Db);
        await AssertConsistentAsync(after);
        var queries = new StoryQueries(after, after);
        var current = (await queries.CurrentAsync(token)).Select(static s => s.Id).ToList();
        Assert.DoesNotContain(from.Id, current);
        var joined = (await queries.GetArticlesAsync(into.Id, token))!.Select(static a => a.Article.Id).ToList();
        Assert.Contains(moved, joined);
        Assert.Equal(from.ArticleCount + into.ArticleCount + 1, joined.Count);
        Assert.Contains(after.ListMerges(), m => m.FromStoryId == from.Id && m.IntoStoryId == into.Id);
    }

    [Fact]
    public async Task Should_refuse_a_merge_into_itself_a_split_of_all_or_none_and_unknown_ids_and_change_nothing()
    {
        var token = TestContext.Current.CancellationToken;
        var (before, _) = Corpus();
        await RunAsync(before);
        Story story;
        List<string> articles;
        long latest;
        using (var store = new SqliteStore(Db))
        {
            story = store.ListStories().First(static s => s.ArticleCount >= 2);
            articles = [.. (await store.GetAssignmentsAsync(story.Id, token)).Select(static a => a.ArticleId)];
            latest = await store.LatestSequenceAsync(token);
        }
        var refused = new List<StoryCorrectionException>();

        await RunAsync([], async corrections =>
        {
            async Task Refused(Func<Task> correction) => refused.Add(await Assert.ThrowsAsync<StoryCorrectionException>(correction));
            await Refused(() => corrections.MergeAsync(story.Id, story.Id, "x", token));
            await Refused(() => corrections.SplitAsync(story.Id, articles, "x", token));
            await Refused(() => corrections.SplitAsync(story.Id, [], "x", token));
            await Refused(() => corrections.MergeAsync("s-no-such-story", story.Id, "x", token));
            await Refused(() => corrections.MoveAsync("no-such-article", story.Id, "x", token));
            // Refusals leave the writer running: a valid correction still goes through.
            await corrections.SplitAsync(story.Id, [articles[^1]], "x", token);
        });

        Assert.Equal(
            [StoryCorrectionError.Invalid, StoryCorrectionError.Invalid, StoryCorrectionError.Invalid, StoryCorrectionError.NotFound, StoryCorrectionError.NotFound],
            refused.Select(static e => e.Error));
        using var after = new SqliteStore(Db);
        var changes = await after.ChangesSinceAsync(latest, 100, token);
        Assert.Equal(2, changes.Count);
    }
}
