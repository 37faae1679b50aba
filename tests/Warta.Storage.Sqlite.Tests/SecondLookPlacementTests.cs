using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;
using Warta.Testing;
using Xunit;

namespace Warta.Storage.Sqlite.Tests;

/// <summary>The placer's second look on a store: a story wrongly joined by first placements split, recorded as a correction in the change sequence, the older side keeping its id.</summary>
public sealed class SecondLookPlacementTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_split_the_newer_flood_off_a_story_that_joined_two_floods_and_record_it_for_followers()
    {
        // Given two floods in two regencies, every report joining the first flood's story (threshold 0, no conflict checks).
        var articles = HardCases.Reports("banjir-rampa-hulu", "banjir-sembung");
        var rampa = articles.Where(static a => a.Id.StartsWith("banjir-rampa-hulu-", StringComparison.Ordinal)).Select(static a => a.Id).ToList();
        var sembung = articles.Where(static a => a.Id.StartsWith("banjir-sembung-", StringComparison.Ordinal)).Select(static a => a.Id).ToList();
        using var store = new SqliteStore(_folder.File("look.db"));
        var ct = TestContext.Current.CancellationToken;
        var before = await store.LatestSequenceAsync(ct);

        // When the placer places them, looking again every other placement.
        PlacerStats stats;
        await using (var placer = await StoryPlacer.OpenAsync(store, Analyzers.Default, new StoryPlacerOptions { Clusterer = HardCases.JoinAllThenLook }, cancellationToken: ct))
        {
            foreach (var article in articles) await placer.SubmitAsync([article], ct);
            await placer.CompleteAsync(ct);
            stats = placer.Stats;
        }

        // Then the second flood leaves for a story of its own, named after its earliest report; the first keeps its id.
        Assert.Equal(1, stats.Splits);
        var older = "s-" + rampa[0];
        var newer = "s-" + sembung[0];
        Assert.All(rampa, id => Assert.Equal(older, store.GetAssignment(id)!.StoryId));
        Assert.All(sembung, id => Assert.Equal(newer, store.GetAssignment(id)!.StoryId));
        var stories = store.ListStories().ToDictionary(static s => s.Id, StringComparer.Ordinal);
        Assert.Equal((rampa.Count, sembung.Count), (stories[older].ArticleCount, stories[newer].ArticleCount));
        Assert.Equal(articles[rampa.Count].Title, stories[newer].Headline);

        // And it is recorded as a split by the second look, with each moved article placed again in the change sequence.
        var correction = Assert.Single(await store.ListCorrectionsSinceAsync(0, ct));
        Assert.Equal((StoryCorrectionKind.Split, older, newer, StoryPlacer.SecondLookAuthor), (correction.Kind, correction.StoryId, correction.TargetStoryId, correction.By));
        Assert.Equal(sembung.Order(StringComparer.Ordinal), correction.ArticleIds);
        var changes = await store.ChangesSinceAsync(before, 10_000, ct);
        var corrected = Assert.Single(changes, static c => c.Kind == StoreChangeKind.StoryCorrected);
        Assert.Equal((newer, older), (corrected.StoryId, corrected.FromStoryId));
        var replaced = changes.Where(c => c.Kind == StoreChangeKind.ArticlePlaced && c.Sequence < corrected.Sequence && c.StoryId == newer).Select(static c => c.ArticleId);
        Assert.Equal(sembung.Order(StringComparer.Ordinal), replaced.Order(StringComparer.Ordinal));
    }
}
