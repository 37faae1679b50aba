using System.Globalization;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Evaluation;
using Warta.Evaluation.Clustering;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Clustering;

public sealed class StoryClustererSnapshotTests
{
    private sealed record Analyzed(Article Article, AnalyzedText Title, AnalyzedText Body);

    private static List<Analyzed> InStreamOrder(IEnumerable<Article> articles) =>
        [.. StreamOrder.Sort(articles).Select(static a => new Analyzed(a, Analyzers.Default.Analyze(Tokenizer.Tokenize(a.Title), a.Language), Analyzers.Default.Analyze(Tokenizer.Tokenize(a.Body), a.Language)))];

    private static ClusteringResult Add(StoryClusterer clusterer, Analyzed a) => clusterer.Add(a.Article, a.Title, a.Body);

    /// <summary>Every field of a result, doubles round-trippable, so two results compare bit for bit.</summary>
    private static string Describe(ClusteringResult result)
    {
        static string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        static string T(DateTimeOffset? t) => t?.ToString("O", CultureInfo.InvariantCulture) ?? "-";
        var a = result.Assignment;
        return string.Join(" / ",
            $"{a.ArticleId}→{a.StoryId} copy of {a.CopyOfArticleId ?? "-"} at {R(a.Similarity)}",
            string.Join(", ", result.ChangedStories.Select(s => $"{s.Id} '{s.Headline}' {s.ArticleCount} [{string.Join(",", s.Outlets)}] {T(s.FirstPublished)}..{T(s.LastPublished)}")),
            string.Join(", ", result.Merges.Select(m => $"{m.FromStoryId}→{m.IntoStoryId} by {m.ArticleId} at {R(m.Similarity)}")),
            string.Join(", ", result.EvictedStoryIds));
    }

    /// <summary>Restores at each cut and checks that every later result and the final state equal those of one uninterrupted run.</summary>
    private static (int Merges, int Evicted) AssertRestoreContinuesExactly(List<Analyzed> stream, IEnumerable<int> cuts, StoryClustererOptions? options)
    {
        var reference = new StoryClusterer(options);
        var results = stream.Select(a => Add(reference, a)).ToList();
        var expected = results.Select(Describe).ToList();
        var final = reference.CreateSnapshot();
        foreach (var cut in cuts)
        {
            var before = new StoryClusterer(options);
            foreach (var a in stream.Take(cut)) Add(before, a);
            var snapshot = before.CreateSnapshot();

            var restored = StoryClusterer.Restore(snapshot, options);

            Assert.Equal(snapshot, restored.CreateSnapshot());
            for (var i = cut; i < stream.Count; i++) Assert.Equal(expected[i], Describe(Add(restored, stream[i])));
            Assert.Equal(final, restored.CreateSnapshot());
        }
        return (results.Sum(static r => r.Merges.Count), results.Sum(static r => r.EvictedStoryIds.Count));
    }

    /// <summary>The placer's loop over a clusterer, from <paramref name="from"/>: each placement counted for the second look, each split the look proposes applied; per placement, its result and the splits after it.</summary>
    private static List<string> PlaceAndLook(StoryClusterer clusterer, List<Analyzed> stream, int from)
    {
        var byId = stream.ToDictionary(static a => a.Article.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        for (var i = from; i < stream.Count; i++)
        {
            var line = Describe(Add(clusterer, stream[i]));
            if (clusterer.CountForLook())
            {
                foreach (var proposal in clusterer.ProposeSplits())
                {
                    var moved = proposal.ArticleIds.Select(id => (new AnalyzedArticle(byId[id].Article, byId[id].Title, byId[id].Body), (string?)null)).ToList();
                    var change = clusterer.Split(proposal.StoryId, proposal.NewStoryId, moved, proposal.Headline);
                    line += $" | split {proposal.StoryId} → {proposal.NewStoryId}: {string.Join(",", proposal.ArticleIds)} ({change.ChangedStories.Count} changed)";
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    [Fact]
    public void Should_continue_exactly_through_the_second_look_and_its_splits_at_every_cut()
    {
        // Two floods, then two arrests of two regents: every report joins one story, and the look splits it as it grows.
        var stream = InStreamOrder(HardCases.Reports("banjir-rampa-hulu", "banjir-sembung", "ott-bupati-tanah-merapi", "ott-bupati-pangkalan-jati"));
        var options = HardCases.JoinAllThenLook;
        var reference = new StoryClusterer(options);
        var expected = PlaceAndLook(reference, stream, 0);
        var final = reference.CreateSnapshot();

        // The look really split, and restores fall before, between and after looks (every other placement).
        Assert.Contains(expected, static line => line.Contains("| split", StringComparison.Ordinal));
        for (var cut = 0; cut <= stream.Count; cut++)
        {
            var before = new StoryClusterer(options);
            PlaceAndLook(before, stream[..cut], 0);
            var snapshot = before.CreateSnapshot();

            var restored = StoryClusterer.Restore(snapshot, options);

            Assert.Equal(snapshot, restored.CreateSnapshot());
            Assert.Equal(expected[cut..], PlaceAndLook(restored, stream, cut));
            Assert.Equal(final, restored.CreateSnapshot());
        }
    }

    [Fact]
    public void Should_restore_a_version_5_snapshot_with_an_empty_look_state()
    {
        // Version 5 is version 6 without the look's state at its end (and version 7 without the members' languages).
        var stream = InStreamOrder(HardCases.Reports("banjir-rampa-hulu", "banjir-sembung"));
        var clusterer = new StoryClusterer(HardCases.JoinAllThenLook);
        foreach (var a in stream.Take(3)) Add(clusterer, a);
        Assert.Equal(1, clusterer.LiveStoryCount);
        var current = clusterer.CreateSnapshotInLayout(6);
        // The look's state here: no placement counted, the one story changed since the last look (its id), none judged.
        var storyId = "s-" + stream[0].Article.Id;
        byte[] lookState = [0, 1, (byte)storyId.Length, .. System.Text.Encoding.ASCII.GetBytes(storyId), 0];
        Assert.Equal(lookState, current.AsSpan(current.Length - 32 - lookState.Length, lookState.Length).ToArray());
        var old = clusterer.CreateSnapshotInLayout(5);
        Assert.Equal(current.Length - lookState.Length, old.Length);
        Assert.Equal(5, old[4]);

        var restored = StoryClusterer.Restore(old, HardCases.JoinAllThenLook);

        Assert.Equal(clusterer.LiveArticleCount, restored.LiveArticleCount);
        Assert.False(restored.LookDue);
        Assert.Equal(current.Length - lookState.Length + 3, restored.CreateSnapshotInLayout(6).Length);
    }

    [Fact]
    public void Should_restore_a_version_6_snapshot_with_its_members_languages_undetermined()
    {
        // Version 6 is version 7 without each member's language: its stories weigh no language until new members come.
        var stream = InStreamOrder(HardCases.Reports("banjir-rampa-hulu", "banjir-sembung"));
        var clusterer = new StoryClusterer();
        foreach (var a in stream.Take(3)) Add(clusterer, a);
        var old = clusterer.CreateSnapshotInLayout(6);
        Assert.Equal(6, old[4]);

        var restored = StoryClusterer.Restore(old);

        Assert.Equal(clusterer.LiveArticleCount, restored.LiveArticleCount);
        Assert.Equal(old, restored.CreateSnapshotInLayout(6));
        // Each of the three members' language is written as "und" (3 characters) where it was "id" (2).
        Assert.Equal(clusterer.CreateSnapshot().Length + 3, restored.CreateSnapshot().Length);
    }

    [Fact]
    public void Should_restore_a_version_7_snapshot_with_its_members_weekdays_unknown()
    {
        // Version 7 is version 8 without the weekdays each sampled member names: one byte a member, read as none.
        var stream = InStreamOrder(HardCases.Reports("banjir-rampa-hulu", "banjir-sembung"));
        var clusterer = new StoryClusterer(HardCases.JoinAllThenLook);
        foreach (var a in stream.Take(3)) Add(clusterer, a);
        var old = clusterer.CreateSnapshotInLayout(7);
        Assert.Equal(7, old[4]);
        Assert.Equal(old.Length + 3, clusterer.CreateSnapshotInLayout(8).Length);

        var restored = StoryClusterer.Restore(old, HardCases.JoinAllThenLook);

        Assert.Equal(clusterer.LiveArticleCount, restored.LiveArticleCount);
        Assert.Equal(old, restored.CreateSnapshotInLayout(7));
        Assert.Equal(StoryClusterer.Restore(clusterer.CreateSnapshot(), HardCases.JoinAllThenLook).CreateSnapshot(), clusterer.CreateSnapshot());
    }

    [Fact]
    public void Should_restore_a_version_8_snapshot_with_its_members_years_unknown()
    {
        // Version 8 is version 9 without the latest year each sampled member states: two bytes a member, read as none.
        var stream = InStreamOrder(HardCases.Reports("banjir-rampa-hulu", "banjir-sembung"));
        var clusterer = new StoryClusterer(HardCases.JoinAllThenLook);
        foreach (var a in stream.Take(3)) Add(clusterer, a);
        var old = clusterer.CreateSnapshotInLayout(8);
        Assert.Equal(8, old[4]);
        Assert.Equal(old.Length + 3 * 2, clusterer.CreateSnapshot().Length);

        var restored = StoryClusterer.Restore(old, HardCases.JoinAllThenLook);

        Assert.Equal(clusterer.LiveArticleCount, restored.LiveArticleCount);
        Assert.Equal(old, restored.CreateSnapshotInLayout(8));
        Assert.Equal(StoryClusterer.Restore(clusterer.CreateSnapshot(), HardCases.JoinAllThenLook).CreateSnapshot(), clusterer.CreateSnapshot());
    }

    [Fact]
    public void Should_continue_after_a_restore_exactly_as_an_uninterrupted_run_at_every_cut_of_the_sample_corpus()
    {
        var stream = InStreamOrder(SampleCorpus.Articles());

        AssertRestoreContinuesExactly(stream, Enumerable.Range(0, stream.Count + 1), null);
    }

    [Fact]
    public void Should_continue_exactly_through_pruned_centroids_merges_and_evictions()
    {
        var stream = InStreamOrder(SampleCorpus.Articles());

        var (merges, evicted) = AssertRestoreContinuesExactly(stream, Enumerable.Range(0, stream.Count + 1), ClustererLimits.Tight);

        // The limits must really have been reached for the check to mean anything.
        Assert.True(merges >= 2, $"{merges} merges");
        Assert.True(evicted >= 2, $"{evicted} evictions");
    }

    [Fact]
    public void Should_continue_exactly_with_the_member_sample_and_stated_facts_through_merges_and_evictions()
    {
        var stream = InStreamOrder(SampleCorpus.Articles());
        var options = ClustererLimits.Tight with { MemberSample = 3, MemberConflicts = true, FactWeight = 1.5, FactConflictFactor = 0.5 };

        var (merges, evicted) = AssertRestoreContinuesExactly(stream, Enumerable.Range(0, stream.Count + 1), options);

        Assert.True(merges >= 1, $"{merges} merges");
        Assert.True(evicted >= 1, $"{evicted} evictions");
    }

    [Fact]
    public void Should_continue_exactly_on_the_uci_news_headline_stream()
    {
        using var reader = new StreamReader(SharedData.PathOf("stories/uci-news/dev.csv"));
        var stream = InStreamOrder(UciNewsReader.Read(reader, "dev.csv").Select(static l => l.Article));

        AssertRestoreContinuesExactly(stream, [stream.Count / 3, stream.Count / 2, 2 * stream.Count / 3], null);
    }

    [Fact]
    public void Should_continue_exactly_on_headlines_when_small_centroids_are_pruned_and_refilled_before_a_merge()
    {
        // Summed over a pruned and refilled centroid's enumeration order, a merge's norm differed after a restore in the
        // last bits (a similarity of 0.31768109553105844 against 0.3176810955310584); it is summed in term-id order now.
        using var reader = new StreamReader(SharedData.PathOf("stories/uci-news/dev.csv"));
        var stream = InStreamOrder(UciNewsReader.Read(reader, "dev.csv").Select(static l => l.Article));
        var options = new StoryClustererOptions { MaxCentroidTerms = 6, MergeThreshold = 0.2 };

        var (merges, _) = AssertRestoreContinuesExactly(stream, Enumerable.Range(1, 30).Select(i => i * stream.Count / 31), options);

        Assert.True(merges >= 10, $"{merges} merges");
    }

    [Fact]
    public void Should_leave_evicted_stories_out_so_the_snapshot_stays_as_small_as_the_working_set()
    {
        // Rounds of the corpus 90 days apart: each round's stories are idle past the 60-day window when the next begins.
        var replay = new StreamReplay(SampleCorpus.Articles(annotated: false));
        var clusterer = new StoryClusterer();
        var sizes = new List<(int Bytes, int Stories, int Articles)>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var a in InStreamOrder(replay.Round(round))) Add(clusterer, a);
            var snapshot = clusterer.CreateSnapshot();
            var restored = StoryClusterer.Restore(snapshot);
            Assert.Equal((clusterer.LiveStoryCount, clusterer.LiveArticleCount, clusterer.TermCount), (restored.LiveStoryCount, restored.LiveArticleCount, restored.TermCount));
            if (round > 0)
            {
                // Text is written one byte per ASCII character, so an id still held would show up as its bytes.
                var gone = replay.Round(round - 1).Select(static a => a.Id).Where(id => snapshot.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(id)) >= 0);
                Assert.Empty(gone);
            }
            sizes.Add((snapshot.Length, restored.LiveStoryCount, restored.LiveArticleCount));
        }

        Assert.All(sizes.Skip(1), s => Assert.True(s.Articles <= replay.Count, $"{s.Articles} live articles"));
        Assert.Equal(sizes[1].Stories, sizes[^1].Stories);
        Assert.Equal(sizes[1].Articles, sizes[^1].Articles);
        Assert.True(sizes[^1].Bytes < sizes[1].Bytes * 1.1, $"snapshot grew from {sizes[1].Bytes} to {sizes[^1].Bytes} bytes");
    }

    [Fact]
    public void Should_refuse_a_snapshot_made_under_other_options()
    {
        var clusterer = new StoryClusterer();
        foreach (var a in InStreamOrder(SampleCorpus.Articles().Take(10))) Add(clusterer, a);
        var snapshot = clusterer.CreateSnapshot();

        var e = Assert.Throws<InvalidDataException>(() => StoryClusterer.Restore(snapshot, new StoryClustererOptions { AssignThreshold = 0.12 }));

        Assert.Contains("options", e.Message, StringComparison.Ordinal);
        Assert.NotEqual(StoryClusterer.OptionsFingerprint(null), StoryClusterer.OptionsFingerprint(ClustererLimits.Tight));
        Assert.Equal(StoryClusterer.OptionsFingerprint(null), StoryClusterer.OptionsFingerprint(new StoryClustererOptions()));
    }

    [Fact]
    public void Should_refuse_an_unknown_version_and_any_damaged_or_truncated_snapshot()
    {
        var clusterer = new StoryClusterer();
        foreach (var a in InStreamOrder(SampleCorpus.Articles().Take(10))) Add(clusterer, a);
        var snapshot = clusterer.CreateSnapshot();

        var newer = (byte[])snapshot.Clone();
        newer[4] = StoryClusterer.SnapshotFormatVersion + 1;
        Assert.Contains("version", Assert.Throws<InvalidDataException>(() => StoryClusterer.Restore(newer)).Message, StringComparison.Ordinal);
        for (var i = 0; i < snapshot.Length; i += 1 + (snapshot.Length / 200))
        {
            var damaged = (byte[])snapshot.Clone();
            damaged[i] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => StoryClusterer.Restore(damaged));
        }
        Assert.Throws<InvalidDataException>(() => StoryClusterer.Restore(snapshot.AsMemory(0, snapshot.Length - 1)));
        Assert.Throws<InvalidDataException>(() => StoryClusterer.Restore(Array.Empty<byte>()));
        Assert.Throws<InvalidDataException>(() => StoryClusterer.Restore("{\"stories\":[]}"u8.ToArray()));
    }
}
