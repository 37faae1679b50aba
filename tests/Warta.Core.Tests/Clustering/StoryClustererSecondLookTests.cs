using System.Text.Json;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Testing;
using Warta.Text;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

public class StoryClustererSecondLookTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>The Indonesian reports of one hard-case story, as written in samples/hardcases (its English wire reports left out).</summary>
    private static List<(string Title, string Text)> Reports(string story) =>
        [.. File.ReadLines(RepoPaths.Combine("samples", "hardcases", "hardcases.jsonl"))
            .Select(static line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("story").GetString() == story && !e.GetProperty("url").GetString()!.Contains("/en/", StringComparison.Ordinal))
            .Select(static e => (e.GetProperty("title").GetString()!, e.GetProperty("text").GetString()!))];

    private static (StoryClusterer Clusterer, List<string> Rampa, List<string> Sembung) TwoFloodsInOneStory(int splitMinMembers)
    {
        // Threshold 0 and no conflict checks: every report joins the first story, as a whole-topic join does.
        var clusterer = new StoryClusterer(new StoryClustererOptions
        {
            AssignThreshold = 0,
            PlaceConflictFactor = 1,
            PersonConflictFactor = 1,
            SplitMinMembers = splitMinMembers,
        });
        List<string> rampa = [], sembung = [];
        var n = 0;
        foreach (var (title, text) in Reports("banjir-rampa-hulu"))
        {
            Place(clusterer, Make("rampa-" + n, title, text, January.AddHours(n)));
            rampa.Add("rampa-" + n++);
        }
        foreach (var (title, text) in Reports("banjir-sembung"))
        {
            Place(clusterer, Make("sembung-" + n, title, text, January.AddHours(n), "lain.id"));
            sembung.Add("sembung-" + n++);
        }
        return (clusterer, rampa, sembung);
    }

    [Fact]
    public void Should_propose_the_newer_flood_as_its_own_story_when_two_floods_share_one()
    {
        var (clusterer, rampa, sembung) = TwoFloodsInOneStory(splitMinMembers: 8);
        Assert.Equal(1, clusterer.LiveStoryCount);

        var proposal = Assert.Single(clusterer.ProposeSplits());

        Assert.Equal("s-" + rampa[0], proposal.StoryId);
        Assert.Equal(sembung.Order(StringComparer.Ordinal), proposal.ArticleIds);
        Assert.Equal("s-" + sembung[0], proposal.NewStoryId);
        Assert.True(proposal.Ratio < 0.6);
    }

    [Fact]
    public void Should_propose_nothing_for_a_story_of_one_flood()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { AssignThreshold = 0, SplitMinMembers = 3 });
        var n = 0;
        foreach (var (title, text) in Reports("gempa-sagu-barat")) Place(clusterer, Make("sagu-" + n, title, text, January.AddHours(n++)));

        Assert.Equal(1, clusterer.LiveStoryCount);
        Assert.Empty(clusterer.ProposeSplits());
    }

    [Fact]
    public void Should_not_look_when_the_story_holds_fewer_members_than_asked()
    {
        var (clusterer, _, _) = TwoFloodsInOneStory(splitMinMembers: 9);

        Assert.Empty(clusterer.ProposeSplits());
    }

    [Fact]
    public void Should_place_a_later_report_of_the_newer_flood_in_its_own_story_after_the_split()
    {
        var (clusterer, rampa, sembung) = TwoFloodsInOneStory(splitMinMembers: 8);
        ApplySplit(clusterer, Assert.Single(clusterer.ProposeSplits()), rampa, sembung);

        // Threshold 0: both stories pass it, and the one whose members the report is nearest takes it.
        Place(clusterer, Make("sembung-later", "Air Surut, Warga Sembung Mulai Bersihkan Rumah",
            "SEMBUNG, beritakota.net - Banjir akibat jebolnya tanggul Kali Sembung mulai surut pada Sabtu (17/1/2026). "
            + "Warga Desa Rejosari Kidul, Kecamatan Watuadem, kembali ke rumah dan membersihkan lumpur setebal 20 sentimeter.\n\n"
            + "Kepala Pelaksana BPBD Sembung, Eko Wardhana, mengatakan sebagian pengungsi masih bertahan di Masjid Agung Watuadem. "
            + "\"Tanggul yang jebol sudah ditutup karung pasir,\" kata Eko.", January.AddDays(5), "lain.id"));

        Assert.Equal(clusterer.LiveStoryOf(sembung[0]), clusterer.LiveStoryOf("sembung-later"));
    }

    private static void ApplySplit(StoryClusterer clusterer, SplitProposal proposal, List<string> rampa, List<string> sembung)
    {
        var moved = Reports("banjir-sembung").Select((r, i) =>
        {
            var article = Make(sembung[i], r.Title, r.Text, January.AddHours(rampa.Count + i), "lain.id");
            var title = Analyzers.Default.Analyze(Tokenizer.Tokenize(article.Title), article.Language);
            var body = Analyzers.Default.Analyze(Tokenizer.Tokenize(article.Body), article.Language);
            return (new AnalyzedArticle(article, title, body), (string?)null);
        }).ToList();
        clusterer.Split(proposal.StoryId, proposal.NewStoryId, moved, proposal.Headline);
    }

    [Fact]
    public void Should_leave_the_older_flood_in_the_story_once_the_split_is_applied()
    {
        var (clusterer, rampa, sembung) = TwoFloodsInOneStory(splitMinMembers: 8);
        var proposal = Assert.Single(clusterer.ProposeSplits());

        ApplySplit(clusterer, proposal, rampa, sembung);

        Assert.All(rampa, id => Assert.Equal("s-" + rampa[0], clusterer.LiveStoryOf(id)));
        Assert.All(sembung, id => Assert.Equal(proposal.NewStoryId, clusterer.LiveStoryOf(id)));
    }

    /// <summary>Reports of two warehouse fires in one port: the same words, other warehouses, each report stating its fire's weekday.</summary>
    private static readonly string[] PierFire =
    [
        "Fire crews in Harbourton fought a blaze at a timber warehouse on Pier 4 on Tuesday night. The fire service said the warehouse, owned by Lindqvist Timber, burned for six hours and no one was hurt. Smoke closed the harbour road until Wednesday morning.",
        "A warehouse fire on Pier 4 in Harbourton destroyed stocks of timber on Tuesday, the fire service said. Lindqvist Timber said its night guard raised the alarm and firefighters kept the fire from spreading to the neighbouring sheds.",
        "Investigators are examining the cause of Tuesday's fire at the Lindqvist Timber warehouse on Pier 4. The Harbourton fire service said sparks from welding work on the roof may have set the timber alight; the harbour police are also investigating.",
        "Lindqvist Timber will rebuild its warehouse on Pier 4, the company said after the fire on Tuesday. Harbourton's port authority said the pier reopened to ships while firefighters dampened the smouldering timber and the fire service finished its inquiry.",
    ];

    private static readonly string[] DockFire =
    [
        "Firefighters in Harbourton battled a fire at a grain warehouse on Dock 9 on Saturday. The fire service said the warehouse, run by Okafor Grain, burned through the night; two workers were treated for smoke. The harbour road was closed.",
        "A fire on Dock 9 in Harbourton gutted a grain warehouse on Saturday, the fire service said. Okafor Grain said the fire started in a conveyor and spread to the silos before firefighters stopped it at the harbour wall.",
        "The Harbourton fire service blamed an overheated conveyor for Saturday's fire at the Okafor Grain warehouse on Dock 9. Investigators said grain dust fed the blaze; the harbour police found nothing suspicious and the port authority reopened the dock.",
        "Okafor Grain counted its losses after the fire on Saturday destroyed its warehouse on Dock 9. Harbourton firefighters stayed at the dock to dampen the smouldering grain, and the fire service said the inquiry into the conveyor would take weeks.",
    ];

    /// <param name="weekdaysBelow"></param>

    /// <param name="dockFireDay"></param>
    /// <param name="daysApart"></param>
    /// <param name="yearsBelow"></param>    /// <param name="dockFireYear">With <paramref name="yearsBelow"/>: each report also states its fire's year (<see cref="PierYears"/>, <see cref="DockYears"/>).</param>
    private static IReadOnlyList<SplitProposal> LookAtTwoFires(double weekdaysBelow, string dockFireDay, int daysApart = 4, double? yearsBelow = null, string? dockFireYear = null)
    {
        // Threshold 0 and no conflict checks: all eight reports share one story, as a whole-topic join does; the vocabulary
        // rule is held so low that only the weekday (or year) rule can split.
        var options = new StoryClustererOptions
        {
            AssignThreshold = 0,
            PlaceConflictFactor = 1,
            PersonConflictFactor = 1,
            SplitMinMembers = 8,
            SplitMinTerms = 10,
            SplitBelow = 0.01,
            SplitWeekdaysBelow = weekdaysBelow,
        };
        var clusterer = new StoryClusterer(yearsBelow is { } below ? options with { SplitYearsBelow = below } : options);
        var n = 0;
        for (var i = 0; i < PierFire.Length; i++)
        {
            var text = dockFireYear is null ? PierFire[i] : PierFire[i] + PierYears[i];
            Place(clusterer, Make("pier-" + n, "", text, January.AddHours(n++), "harbour.example", "en"));
        }
        for (var i = 0; i < DockFire.Length; i++)
        {
            var text = DockFire[i].Replace("Saturday", dockFireDay, StringComparison.Ordinal);
            if (dockFireYear is not null) text += string.Format(System.Globalization.CultureInfo.InvariantCulture, DockYears[i], dockFireYear);
            Place(clusterer, Make("dock-" + n, "", text, January.AddDays(daysApart).AddHours(n++), "port.example", "en"));
        }
        Assert.Equal(1, clusterer.LiveStoryCount);
        return clusterer.ProposeSplits();
    }

    [Fact]
    public void Should_split_two_fires_whose_reports_state_different_weekdays()
    {
        var proposal = Assert.Single(LookAtTwoFires(weekdaysBelow: 1.0, dockFireDay: "Saturday"));

        Assert.Equal(["dock-4", "dock-5", "dock-6", "dock-7"], proposal.ArticleIds);
    }

    [Fact]
    public void Should_not_split_two_fires_by_weekday_when_the_rule_is_off()
    {
        Assert.Empty(LookAtTwoFires(weekdaysBelow: 0, dockFireDay: "Saturday"));
    }

    [Fact]
    public void Should_not_split_by_weekday_a_story_reported_over_more_than_a_week()
    {
        // A story that runs for weeks names many weekdays: the rule is for reports published within a week (or undated).
        Assert.Empty(LookAtTwoFires(weekdaysBelow: 1.0, dockFireDay: "Saturday", daysApart: 28));
    }

    [Fact]
    public void Should_not_split_two_fires_whose_reports_state_the_same_weekday()
    {
        Assert.Empty(LookAtTwoFires(weekdaysBelow: 1.0, dockFireDay: "Tuesday"));
    }

    /// <summary>A sentence per fire report stating the year, one of them citing an earlier one as background.</summary>
    private static readonly string[] PierYears =
    [
        " It was the port's third warehouse fire of 2024.",
        " The pier's sheds were last rebuilt in 2019, and the fire service had inspected them in March 2024.",
        " Harbourton recorded four harbour fires in 2024, the port authority said.",
        " Lindqvist Timber has leased the warehouse since 2011; its insurers said claims for 2024 would be settled within weeks.",
    ];

    private static readonly string[] DockYears =
    [
        " It was the port's first warehouse fire of {0}.",
        " The dock was extended in 2016, and the fire service had inspected it in February {0}.",
        " Harbourton recorded its last big harbour fire on Pier 4 in 2024; this was the first of {0}, the port authority said.",
        " Okafor Grain opened the warehouse in 2018; its insurers said claims for {0} would be settled within weeks.",
    ];

    /// <summary>As <see cref="LookAtTwoFires"/>, both fires on a Tuesday: only the years the reports state can tell them apart.</summary>
    private static IReadOnlyList<SplitProposal> LookAtTwoFiresOfTwoYears(double yearsBelow, string dockFireYear, int daysApart = 4) =>
        LookAtTwoFires(weekdaysBelow: 1.0, dockFireDay: "Tuesday", daysApart, yearsBelow, dockFireYear);

    [Fact]
    public void Should_split_two_fires_whose_reports_state_different_years()
    {
        var proposal = Assert.Single(LookAtTwoFiresOfTwoYears(yearsBelow: 1.0, dockFireYear: "2025"));

        Assert.Equal(["dock-4", "dock-5", "dock-6", "dock-7"], proposal.ArticleIds);
    }

    [Fact]
    public void Should_not_split_two_fires_by_year_when_the_rule_is_off()
    {
        Assert.Empty(LookAtTwoFiresOfTwoYears(yearsBelow: 0, dockFireYear: "2025"));
    }

    [Fact]
    public void Should_not_split_two_fires_whose_reports_state_the_same_year()
    {
        Assert.Empty(LookAtTwoFiresOfTwoYears(yearsBelow: 1.0, dockFireYear: "2024"));
    }

    [Fact]
    public void Should_not_split_by_year_a_story_reported_over_more_than_a_week()
    {
        Assert.Empty(LookAtTwoFiresOfTwoYears(yearsBelow: 1.0, dockFireYear: "2025", daysApart: 28));
    }

    /// <summary>Each report placed alone (no report joins another), then the groups joined by an editor's merges: one story per group, none kept apart.</summary>
    private static (StoryClusterer Clusterer, List<string> Stories) Grouped(params (string Story, int From, int To)[] groups)
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { AssignThreshold = 2, SplitMinMembers = 8 });
        var stories = new List<string>();
        var n = 0;
        foreach (var (story, from, to) in groups)
        {
            var reports = Reports(story);
            string? first = null;
            for (var i = from; i < to; i++)
            {
                var (title, text) = reports[i];
                var id = story + "-" + i;
                Place(clusterer, Make(id, title, text, January.AddHours(n++), i % 2 == 0 ? "kabar.id" : "lain.id"));
                if (first is null) first = clusterer.LiveStoryOf(id)!;
                else clusterer.MergeStories(clusterer.LiveStoryOf(id)!, first);
            }
            stories.Add(first!);
        }
        return (clusterer, stories);
    }

    [Fact]
    public void Should_propose_joining_two_stories_of_one_flood()
    {
        var (clusterer, stories) = Grouped(("banjir-sembung", 0, 2), ("banjir-sembung", 2, Reports("banjir-sembung").Count));
        Assert.Equal(2, clusterer.LiveStoryCount);
        Assert.Empty(clusterer.ProposeSplits());

        var merge = Assert.Single(clusterer.ProposeMerges());

        Assert.Equal(stories[1], merge.FromStoryId);
        Assert.Equal(stories[0], merge.IntoStoryId);
        Assert.True(merge.Ratio >= 0.8);
    }

    [Fact]
    public void Should_not_propose_joining_the_stories_of_two_floods()
    {
        var (clusterer, _) = Grouped(("banjir-rampa-hulu", 0, Reports("banjir-rampa-hulu").Count), ("banjir-sembung", 0, Reports("banjir-sembung").Count));
        Assert.Equal(2, clusterer.LiveStoryCount);
        Assert.Empty(clusterer.ProposeSplits());

        Assert.Empty(clusterer.ProposeMerges());
    }

    [Fact]
    public void Should_propose_nothing_before_a_look()
    {
        var (clusterer, _) = Grouped(("banjir-sembung", 0, 2), ("banjir-sembung", 2, Reports("banjir-sembung").Count));

        Assert.Empty(clusterer.ProposeMerges());
        Assert.Empty(clusterer.ProposeMoves());
    }

    [Fact]
    public void Should_propose_moving_a_report_of_one_flood_out_of_the_other_floods_story()
    {
        var sembung = Reports("banjir-sembung").Count;
        var (clusterer, stories) = Grouped(("banjir-rampa-hulu", 0, Reports("banjir-rampa-hulu").Count), ("banjir-sembung", 0, 1), ("banjir-sembung", 1, sembung));
        clusterer.MergeStories(stories[1], stories[0]);
        Assert.Empty(clusterer.ProposeSplits());

        var move = Assert.Single(clusterer.ProposeMoves());

        Assert.Equal(["banjir-sembung-0"], move.ArticleIds);
        Assert.Equal(stories[0], move.FromStoryId);
        Assert.Equal(stories[2], move.ToStoryId);
    }
}
