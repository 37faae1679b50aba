using System.Globalization;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Sqlite.Tests;

/// <summary>Ingest runs that continue from the stored clusterer checkpoint against the same runs rebuilding it by full replay.</summary>
public sealed class StoryUpdaterCheckpointTests : IDisposable
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
            // Never cut between two articles of the same minute: a replay orders those by id, whichever run brought them.
            while (end < dated.Count && end > 0 && dated[end].Published!.Value.Value.UtcTicks == dated[end - 1].Published!.Value.Value.UtcTicks) end++;
            runs.Add(dated[start..end]);
            start = end;
        }
        runs[^1].AddRange(ordered.Where(static a => a.Published is null));
        Assert.All(runs, static run => Assert.NotEmpty(run));
        return runs;
    }

    /// <summary>Stores each run's articles and updates the stories; <paramref name="beforeUpdate"/> may tamper with the store first.</summary>
    private static List<StoryUpdate> Ingest(SqliteStore store, IEnumerable<IReadOnlyList<Article>> runs, Func<int, StoryUpdater> updater, Action<int, SqliteStore>? beforeUpdate = null)
    {
        var updates = new List<StoryUpdate>();
        var i = 0;
        foreach (var run in runs)
        {
            store.TryAddRange(run);
            beforeUpdate?.Invoke(i, store);
            updates.Add(updater(i).Update(store, store));
            i++;
        }
        return updates;
    }

    /// <summary>Drops the checkpoint, as a batch saved without one does, so the next update replays.</summary>
    private static void DropCheckpoint(int run, SqliteStore store) => store.SaveBatch([], [], []);

    private static StoryUpdater Default(int run) => new(Analyzers.Default);

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

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public void Should_give_the_same_stories_assignments_and_merges_as_a_full_replay_when_runs_continue_from_the_checkpoint(int count, bool tight)
    {
        var runs = Runs(count);
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));
        StoryUpdater Updater(int run) => new(Analyzers.Default, tight ? ClustererLimits.Tight : null);

        var replays = Ingest(replayed, runs, Updater, DropCheckpoint);
        var continues = Ingest(continued, runs, Updater);

        Assert.Equal(Describe(replayed), Describe(continued));
        if (tight) Assert.True(continued.ListMerges().Count >= 2, $"{continued.ListMerges().Count} merges");
        Assert.Equal(runs.Select(static r => r.Count), continues.Select(static u => u.Placed));
        Assert.All(continues.Skip(1), static u => Assert.Equal((true, 0), (u.Restored, u.Replayed)));
        Assert.All(replays, static u => Assert.False(u.Restored));
        Assert.Equal(runs[..^1].Sum(static r => r.Count), replays[^1].Replayed);
        var checkpoint = continued.GetCheckpoint();
        Assert.NotNull(checkpoint);
        Assert.Equal(SampleCorpus.Articles().Count, checkpoint.ArticleCount);
        Assert.Equal(replayed.GetCheckpoint()!.Snapshot.ToArray(), checkpoint.Snapshot.ToArray());
    }

    [Fact]
    public void Should_place_late_articles_as_a_full_replay_does()
    {
        // The second run brings the corpus's last third and three articles published before the first run's last one.
        var ordered = StreamOrder.Sort(SampleCorpus.Articles());
        List<Article> late = [ordered[3], ordered[10], ordered[17]];
        var first = ordered.Take(2 * ordered.Count / 3).Except(late).ToList();
        List<Article>[] runs = [first, [.. ordered.Except(first)]];
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));

        Ingest(replayed, runs, Default, DropCheckpoint);
        var continues = Ingest(continued, runs, Default);

        Assert.True(continues[1].Restored);
        Assert.Equal(Describe(replayed), Describe(continued));
        Assert.All(late, a => Assert.NotNull(continued.GetAssignment(a.Id)));
    }

    [Fact]
    public void Should_replay_when_the_options_differ_and_then_keep_a_checkpoint_of_the_new_options()
    {
        var runs = Runs(2);
        var other = new StoryClustererOptions { AssignThreshold = 0.12 };
        StoryUpdater Changing(int run) => run == 0 ? new(Analyzers.Default) : new(Analyzers.Default, other);
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));

        Ingest(replayed, runs, Changing, DropCheckpoint);
        var continues = Ingest(continued, runs, Changing);

        Assert.False(continues[1].Restored);
        Assert.Equal(runs[0].Count, continues[1].Replayed);
        Assert.Equal(Describe(replayed), Describe(continued));
        Assert.Equal(StoryClusterer.OptionsFingerprint(other), continued.GetCheckpoint()?.OptionsFingerprint);
    }

    public static TheoryData<string> Tamperings => ["damaged", "newer format", "other count", "unknown last article", "not a snapshot"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Should_replay_instead_of_using_a_damaged_or_mismatched_checkpoint_and_lose_no_stored_data(string tampering)
    {
        var runs = Runs(2);
        using var replayed = new SqliteStore(_folder.File("replayed.db"));
        using var continued = new SqliteStore(_folder.File("continued.db"));
        Ingest(replayed, runs, Default, DropCheckpoint);
        var before = "";

        var continues = Ingest(continued, runs, Default, (run, store) =>
        {
            if (run == 0) return;
            before = Describe(store);
            var good = store.GetCheckpoint()!;
            var bytes = good.Snapshot.ToArray();
            var tampered = tampering switch
            {
                "damaged" => good with { Snapshot = bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 1) : b).ToArray() },
                "newer format" => good with { FormatVersion = good.FormatVersion + 1 },
                "other count" => good with { ArticleCount = good.ArticleCount + 1 },
                "unknown last article" => good with { LastArticleId = "no-such-article" },
                _ => good with { Snapshot = new byte[] { 1, 2, 3 } },
            };
            store.SaveBatch([], [], [], tampered);
        });

        Assert.False(continues[1].Restored);
        Assert.Equal(Describe(replayed), Describe(continued));
        // Everything the first run stored is still there, unchanged.
        Assert.All(before.Split('\n').Where(static l => !l.EndsWith(" unplaced", StringComparison.Ordinal) && !l.StartsWith("story ", StringComparison.Ordinal)),
            line => Assert.Contains(line, Describe(continued).Split('\n')));
        Assert.Equal(SampleCorpus.Articles().Count, continued.Count());
    }

    [Fact]
    public void Should_place_nothing_and_keep_the_checkpoint_when_no_article_is_new()
    {
        using var store = new SqliteStore(_folder.File("w.db"));
        Ingest(store, Runs(1), Default);
        var checkpoint = store.GetCheckpoint()!;

        var update = Default(1).Update(store, store);

        Assert.Equal(new StoryUpdate(0, 0, false), update);
        Assert.Equal(checkpoint.Snapshot.ToArray(), store.GetCheckpoint()!.Snapshot.ToArray());
    }
}
