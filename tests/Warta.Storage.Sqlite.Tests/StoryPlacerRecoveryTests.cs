using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Sqlite.Tests;

/// <summary>Placer runs that continue from the stored checkpoint (and the placements after it) against the same runs rebuilding the clusterer by a full replay.</summary>
public sealed class StoryPlacerRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The annotated sample corpus cut into runs by publication time, each later than the one before (undated last).</summary>
    private static List<List<Article>> Runs(int count)
    {
        var ordered = StreamOrder.Sort(SampleCorpus.Articles());
        var dated = ordered.Where(static a => a.Published is not null).ToList();
        var runs = new List<List<Article>>();
        var start = 0;
        for (var r = 1; r <= count; r++)
        {
            var end = r == count ? dated.Count : r * dated.Count / count;
            runs.Add(dated[start..end]);
            start = end;
        }
        runs[^1].AddRange(ordered.Where(static a => a.Published is null));
        Assert.All(runs, static run => Assert.NotEmpty(run));
        return runs;
    }

    /// <summary>One run: open a placer (recovering), submit the articles, complete.</summary>
    private static async Task<PlacerStats> RunAsync(SqliteStore store, IReadOnlyList<Article> articles, StoryPlacerOptions? options = null)
    {
        await using var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, options, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var chunk in articles.Chunk(7)) await placer.SubmitAsync(chunk, TestContext.Current.CancellationToken);
        await placer.CompleteAsync(TestContext.Current.CancellationToken);
        return placer.Stats;
    }

    private static void Sql(SqliteStore store, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Removes the checkpoint, so the next placer replays every placement.</summary>
    private static void DropCheckpoint(SqliteStore store) => Sql(store, "DELETE FROM clusterer_checkpoint");

    /// <summary>Every assignment, story and merge, doubles round-trippable.</summary>
    private static string Describe(SqliteStore store)
    {
        static string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        var lines = store.List().Select(a => store.GetAssignment(a.Id) is { } s ? $"{a.Id} → {s.StoryId} copy of {s.CopyOfArticleId ?? "-"} at {R(s.Similarity)}" : $"{a.Id} unplaced").ToList();
        lines.AddRange(store.ListStories().Select(static s =>
            $"story {s.Id} '{s.Headline}' {s.ArticleCount} [{string.Join(",", s.Outlets)}] {s.FirstPublished?.ToString("O", CultureInfo.InvariantCulture)} {s.LastPublished?.ToString("O", CultureInfo.InvariantCulture)}"));
        lines.AddRange(store.ListMerges().Select(static m => $"merge {m.FromStoryId} → {m.IntoStoryId} by {m.ArticleId} at {R(m.Similarity)}"));
        return string.Join('\n', lines);
    }

    private static byte[] Snapshot(SqliteStore store) => store.GetCheckpointAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult()!.Snapshot.ToArray();

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public async Task Should_give_the_same_stories_assignments_and_merges_as_a_full_replay_when_runs_continue_from_the_checkpoint(int count, bool tight)
    {
        var runs = Runs(count);
        var options = new StoryPlacerOptions { Clusterer = tight ? ClustererLimits.Tight : null };
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));

        var replays = new List<PlacerStats>();
        var continues = new List<PlacerStats>();
        foreach (var run in runs)
        {
            DropCheckpoint(replayed);
            replays.Add(await RunAsync(replayed, run, options));
            continues.Add(await RunAsync(continued, run, options));
        }

        Assert.Equal(Describe(replayed), Describe(continued));
        if (tight) Assert.True(continued.ListMerges().Count >= 2, $"{continued.ListMerges().Count} merges");
        Assert.Equal(runs.Select(static r => r.Count), continues.Select(static u => u.Placed));
        Assert.All(continues.Skip(1), static u => Assert.Equal((true, 0), (u.Restored, u.Replayed)));
        Assert.All(replays, static u => Assert.False(u.Restored));
        Assert.Equal(runs[..^1].Sum(static r => r.Count), replays[^1].Replayed);
        var checkpoint = await continued.GetCheckpointAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(checkpoint);
        Assert.Equal(SampleCorpus.Articles().Count, checkpoint.ArticleCount);
        Assert.Equal(await continued.LatestSequenceAsync(TestContext.Current.CancellationToken), checkpoint.ChangeSequence);
        Assert.Equal(Snapshot(replayed), checkpoint.Snapshot.ToArray());
    }

    /// <summary>The corrections recorded, in change order, without their sequence numbers and times (which depend on how runs commit).</summary>
    private static string Corrections(SqliteStore store) => string.Join('\n',
        store.ListCorrectionsSinceAsync(0, TestContext.Current.CancellationToken).GetAwaiter().GetResult()
            .Select(static c => $"{c.Kind} {c.StoryId} → {c.TargetStoryId} [{string.Join(",", c.ArticleIds)}] by {c.By}"));

    /// <summary>Two floods, then two arrests of two regents, every report joining one story until the second look splits it.</summary>
    private static IReadOnlyList<Article> TwoEventsTwice() =>
        HardCases.Reports("banjir-rampa-hulu", "banjir-sembung", "ott-bupati-tanah-merapi", "ott-bupati-pangkalan-jati");

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Should_end_as_an_uninterrupted_run_does_when_runs_with_the_second_look_continue_from_the_checkpoint(int count)
    {
        var articles = TwoEventsTwice();
        var options = new StoryPlacerOptions { Clusterer = HardCases.JoinAllThenLook };
        using var whole = new SqliteStore(_folder.File("whole.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));
        await RunAsync(whole, articles, options);

        var continues = new List<PlacerStats>();
        for (var r = 0; r < count; r++) continues.Add(await RunAsync(continued, articles.Take((r + 1) * articles.Count / count).Skip(r * articles.Count / count).ToList(), options));

        Assert.Contains(StoryPlacer.SecondLookAuthor, Corrections(whole), StringComparison.Ordinal);
        Assert.All(continues.Skip(1), static u => Assert.Equal((true, 0), (u.Restored, u.Replayed)));
        Assert.Equal(Corrections(whole), Corrections(continued));
        Assert.Equal(Describe(whole), Describe(continued));
        Assert.Equal(Snapshot(whole), Snapshot(continued));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(13)]
    public async Task Should_end_as_an_uninterrupted_run_does_when_a_run_with_the_second_look_stops_between_checkpoints(int stopAfter)
    {
        // Small batches and checkpoints: the placements after the checkpoint, and the splits between them, are replayed.
        var options = new StoryPlacerOptions { BatchArticles = 3, CheckpointEveryArticles = 5, ReorderWindow = 0, Clusterer = HardCases.JoinAllThenLook };
        var articles = TwoEventsTwice();
        using var whole = new SqliteStore(_folder.File("whole.db"));
        using var resumed = new SqliteStore(_folder.File("resumed.db"));
        await RunAsync(whole, articles, options);

        await using (var stopped = await StoryPlacer.OpenAsync(resumed, Analyzers.Default, options, cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var article in articles.Take(stopAfter)) await stopped.SubmitAsync([article], TestContext.Current.CancellationToken);
            // Disposed without CompleteAsync: as a killed process, it leaves what it committed and nothing else.
        }
        var rest = await RunAsync(resumed, articles, options);

        Assert.Contains(StoryPlacer.SecondLookAuthor, Corrections(whole), StringComparison.Ordinal);
        Assert.True(rest.Restored);
        Assert.Equal(Corrections(whole), Corrections(resumed));
        Assert.Equal(Describe(whole), Describe(resumed));
        Assert.Equal(Snapshot(whole), Snapshot(resumed));
    }

    [Fact]
    public async Task Should_place_late_articles_as_a_full_replay_does()
    {
        // The second run brings the corpus's last third and three articles published before the first run's last one.
        var ordered = StreamOrder.Sort(SampleCorpus.Articles());
        List<Article> late = [ordered[3], ordered[10], ordered[17]];
        var first = ordered.Take(2 * ordered.Count / 3).Except(late).ToList();
        List<Article>[] runs = [first, [.. ordered.Except(first)]];
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));

        PlacerStats? second = null;
        foreach (var run in runs)
        {
            DropCheckpoint(replayed);
            await RunAsync(replayed, run);
            second = await RunAsync(continued, run);
        }

        Assert.True(second!.Restored);
        Assert.Equal(Describe(replayed), Describe(continued));
        Assert.All(late, a => Assert.NotNull(continued.GetAssignment(a.Id)));
    }

    [Fact]
    public async Task Should_replay_when_the_options_differ_and_then_keep_a_checkpoint_of_the_new_options()
    {
        var runs = Runs(2);
        var other = new StoryPlacerOptions { Clusterer = new StoryClustererOptions { AssignThreshold = 0.12 } };
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));
        await RunAsync(replayed, runs[0]);
        DropCheckpoint(replayed);
        await RunAsync(replayed, runs[1], other);
        await RunAsync(continued, runs[0]);

        var second = await RunAsync(continued, runs[1], other);

        Assert.False(second.Restored);
        Assert.Equal(runs[0].Count, second.Replayed);
        Assert.Equal(Describe(replayed), Describe(continued));
        Assert.Equal(StoryClusterer.OptionsFingerprint(other.Clusterer), (await continued.GetCheckpointAsync(TestContext.Current.CancellationToken))?.OptionsFingerprint);
    }

    public static TheoryData<string> Tamperings => ["damaged", "newer format", "other count", "other options", "not a snapshot"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Should_replay_instead_of_using_a_damaged_or_mismatched_checkpoint_and_lose_no_stored_data(string tampering)
    {
        var runs = Runs(2);
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));
        foreach (var run in runs)
        {
            DropCheckpoint(replayed);
            await RunAsync(replayed, run);
        }
        await RunAsync(continued, runs[0]);
        var before = Describe(continued).Split('\n').Where(static l => !l.StartsWith("story ", StringComparison.Ordinal)).ToList();
        var good = (await continued.GetCheckpointAsync(TestContext.Current.CancellationToken))!;
        var bytes = good.Snapshot.ToArray();
        var tampered = tampering switch
        {
            "damaged" => good with { Snapshot = bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 1) : b).ToArray() },
            "newer format" => good with { FormatVersion = good.FormatVersion + 1 },
            "other count" => good with { ArticleCount = good.ArticleCount + 1 },
            "other options" => good with { OptionsFingerprint = "00000000" },
            _ => good with { Snapshot = new byte[] { 1, 2, 3 } },
        };
        await continued.CommitAsync(new PlacementBatch([], [], [], [], tampered), TestContext.Current.CancellationToken);

        var second = await RunAsync(continued, runs[1]);

        Assert.False(second.Restored);
        Assert.Equal(runs[0].Count, second.Replayed);
        Assert.Equal(Describe(replayed), Describe(continued));
        // Everything the first run stored is still there, unchanged.
        Assert.Equal(runs[0].Count, before.Count);
        Assert.All(before, line => Assert.Contains(line, Describe(continued).Split('\n')));
        Assert.Equal(SampleCorpus.Articles().Count, continued.Count());
    }

    [Fact]
    public async Task Should_place_nothing_replay_nothing_and_keep_the_checkpoint_when_no_article_is_new()
    {
        using var store = new SqliteStore(_folder.File("w.db"));
        var articles = Runs(1)[0];
        await RunAsync(store, articles);
        var checkpoint = (await store.GetCheckpointAsync(TestContext.Current.CancellationToken))!;

        var again = await RunAsync(store, articles);

        Assert.Equal((true, 0, 0, articles.Count, 0), (again.Restored, again.Replayed, again.Placed, again.Duplicates, again.CheckpointSaves));
        Assert.Equal(checkpoint.Snapshot.ToArray(), Snapshot(store));
        Assert.Equal(checkpoint.ChangeSequence, (await store.GetCheckpointAsync(TestContext.Current.CancellationToken))!.ChangeSequence);
    }

    [Fact]
    public async Task Should_end_as_an_uninterrupted_run_does_when_a_run_stops_between_checkpoints_and_the_next_one_resumes()
    {
        // Small batches and checkpoints, no reorder window: a stop loses the open batch and leaves the checkpoint behind the commits.
        var options = new StoryPlacerOptions { BatchArticles = 4, CheckpointEveryArticles = 10, ReorderWindow = 0 };
        var articles = StreamOrder.Sort(SampleCorpus.Articles());
        using var whole = new SqliteStore(_folder.File("whole.db"));
        using var resumed = new SqliteStore(_folder.File("resumed.db"));
        await RunAsync(whole, articles, options);

        await using (var stopped = await StoryPlacer.OpenAsync(resumed, Analyzers.Default, options, cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var article in articles.Take(23)) await stopped.SubmitAsync([article], TestContext.Current.CancellationToken);
            // Disposed without CompleteAsync: as a killed process, it leaves what it committed and nothing else.
        }
        var committed = resumed.CountPlaced();
        var behind = committed - (await resumed.GetCheckpointAsync(TestContext.Current.CancellationToken))!.ArticleCount;
        var rest = await RunAsync(resumed, articles, options);

        Assert.Equal(20, committed);
        Assert.Equal(8, behind);
        Assert.Equal((true, behind), (rest.Restored, rest.Replayed));
        Assert.Equal(articles.Count - committed, rest.Placed);
        Assert.Equal(Describe(whole), Describe(resumed));
        Assert.Equal(Snapshot(whole), Snapshot(resumed));
    }
}
