using System.Globalization;
using System.Text.Json;
using Warta.Evaluation.Load;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Load;

public sealed class ArticleRecordsTests
{
    [Fact]
    public void Should_keep_publication_times_advancing_past_a_thousand_rounds()
    {
        // Given the sample corpus as a record stream that starts a few rounds before round 1,000
        var set = SampleCorpus.Articles(annotated: false);
        var records = new ArticleRecords(set).From(firstRound: 995).Take(set.Count * 12);

        // When the records' publication times are read in stream order
        var times = records.Select(static r => Published(r)).OfType<DateTimeOffset>().ToList();

        // Then they never go back (a stream whose times start again stops a placer's clock and its idle sweep)
        Assert.True(times.Count > set.Count * 10);
        for (var i = 1; i < times.Count; i++) Assert.True(times[i] >= times[i - 1], $"record {i} at {times[i]:o} is before {times[i - 1]:o}");
    }

    [Fact]
    public void Should_spread_a_hundred_thousand_records_over_about_a_year_at_hundreds_a_day()
    {
        // Given 100,000 records of the sample corpus (times only: the vocabulary does not move them)
        var records = new ArticleRecords(SampleCorpus.Articles(annotated: false));
        var times = records.Articles(0, freshVocabulary: false).Take(100_000).Select(static a => a.Published?.Value).OfType<DateTimeOffset>().ToList();

        // When the stream's span and its last month are measured
        var span = times[^1] - times[0];
        var lastMonth = times.Count(t => t > times[^1] - TimeSpan.FromDays(30));

        // Then it covers one to two years, and runs at the set rate (300 a day) once rounds overlap
        Assert.InRange(span.TotalDays, 365, 730);
        Assert.InRange(lastMonth / 30.0, 250, 350);
    }

    [Fact]
    public void Should_start_the_records_after_a_store_in_an_unused_round_dated_after_it()
    {
        // Given a store built from the first 5,000 records
        var set = SampleCorpus.Articles(annotated: false);
        var records = new ArticleRecords(set);
        var built = records.Articles(0, freshVocabulary: false).Take(5_000).ToList();

        // When the records that follow it are taken
        var round = records.RoundAfter(5_000);
        var after = records.Articles(round, freshVocabulary: false).Take(set.Count).ToList();

        // Then none shares an id with the store, and they start no earlier than the store's latest article
        var ids = built.Select(static a => a.Id).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(after, a => ids.Contains(a.Id));
        var latest = built.Max(static a => a.Published?.Value);
        Assert.True(after[0].Published?.Value >= latest - TimeSpan.FromDays(1), $"{after[0].Published?.Value:o} vs {latest:o}");
    }

    [Fact]
    public void Should_give_side_by_side_rounds_of_one_story_no_shared_name_even_where_a_name_opens_a_sentence()
    {
        // Given a report whose place opens its title and is named inside its text
        var report = SampleArticles.Make("a", "2025-02-24T10:15") with
        {
            Title = "Lamaru Tetapkan Tanggap Darurat",
            Paragraphs = ["Pemerintah Kabupaten Lamaru menetapkan status tanggap darurat banjir selama empat belas hari."],
        };
        var records = new ArticleRecords([report]);

        // When two rounds of it are written
        var first = records.Articles(1).First();
        var second = records.Articles(2).First();

        // Then neither keeps the place, the two name it differently, and a round names it the same in title and text
        Assert.DoesNotContain("Lamaru", first.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Lamaru", first.Paragraphs[0], StringComparison.Ordinal);
        var place = first.Title.Split(' ')[0];
        Assert.Contains(place, first.Paragraphs[0], StringComparison.Ordinal);
        Assert.NotEqual(place, second.Title.Split(' ')[0]);
    }

    private static DateTimeOffset? Published(string record)
    {
        using var json = JsonDocument.Parse(record);
        return json.RootElement.TryGetProperty("published", out var p) && p.GetString() is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : null;
    }
}
