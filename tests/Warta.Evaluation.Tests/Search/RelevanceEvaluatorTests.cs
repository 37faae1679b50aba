using Warta.Core.Model;
using Warta.Evaluation.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Search;

public sealed class RelevanceEvaluatorTests
{
    [Fact]
    public void Should_score_the_rank_of_the_first_article_of_the_own_story_and_the_share_of_the_top_ten()
    {
        // Given a ranking whose first article of the story "banjir" stands second, and a second one fifth
        string?[] ranked = ["gempa", "banjir", "gempa", null, "banjir", "gempa"];

        // Then the reciprocal rank is 1/2, precision at 10 is 2/10, and a story not in the ranking scores nothing
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(ranked, "banjir"), 9);
        Assert.Equal(0.2, RankingMetrics.PrecisionAt(ranked, "banjir", 10), 9);
        Assert.Equal(0.0, RankingMetrics.ReciprocalRank(ranked, "kebakaran"), 9);
        Assert.Equal(2.0 / 3, RankingMetrics.PrecisionAt(ranked, "gempa", 3), 9);
    }

    [Fact]
    public void Should_query_with_each_distinct_word_of_the_first_sentence_as_alternatives()
    {
        // Given a report whose first sentence repeats a word in another case and ends in a quote
        var article = Report("a", "x", "Banjir merendam Desa Talang Padi, banjir \"terparah\" sejak 2010. Warga mengungsi ke masjid.");

        var sentence = FirstSentenceQuery.FirstSentence(article);
        var query = FirstSentenceQuery.For(sentence, 11);

        // Then the query is one OR group of the sentence's words, each once, without punctuation, and nothing of the second sentence
        Assert.Equal("Banjir merendam Desa Talang Padi, banjir \"terparah\" sejak 2010.", sentence);
        Assert.NotNull(query);
        var group = Assert.Single(query.Required);
        Assert.Equal(["Banjir", "merendam", "Desa", "Talang", "Padi", "terparah", "sejak", "2010"], group.Terms.Select(static t => t.Text));
        Assert.All(group.Terms, static t => Assert.False(t.IsPhrase));
        Assert.Equal(11, query.Limit);
    }

    [Fact]
    public async Task Should_rank_a_report_of_the_same_story_in_other_word_forms_first_only_with_Warta_analysis()
    {
        // Given a report on a meeting, a follow-up that words it with other affixes (bertemu, pembahasan, batas), and a
        // report of another story that repeats the first report's surface words (kedua, membahas) about something else
        LabeledArticle[] set =
        [
            new(Report("a1", "Pertemuan perbatasan", "Pertemuan kedua pemimpin membahas perbatasan laut Natuna."), "natuna"),
            new(Report("a2", "Presiden bertemu perdana menteri", "Presiden bertemu perdana menteri untuk pembahasan batas wilayah."), "natuna"),
            new(Report("b1", "Harga ikan turun", "Nelayan kedua desa membahas harga ikan yang turun."), "ikan"),
            new(Report("b2", "Nelayan mengeluh", "Para nelayan mengeluhkan harga ikan yang terus turun."), "ikan"),
        ];

        // When both indexes are asked for each report's first sentence
        var report = await RelevanceEvaluator.RunAsync(set, Analyzers.Default, TestContext.Current.CancellationToken);

        // Then every report finds its own story first with Warta's analysis, and the plain tokens put the other story
        // first for at least one report
        Assert.Equal(4, report.Articles);
        Assert.Equal(4, report.Queries);
        Assert.Equal(1.0, report.Warta.Mrr, 9);
        Assert.True(report.Plain.Mrr < 1.0, $"plain MRR {report.Plain.Mrr:F3}");
        Assert.True(report.MrrGain > 0);
    }

    [Fact]
    public async Task Should_not_score_a_story_of_one_article_and_leave_each_query_article_out_of_its_ranking()
    {
        // Given two reports of one flood and a single report on chilli prices
        LabeledArticle[] set =
        [
            new(Report("a1", "Banjir Rampa Hulu", "Sungai Rampa meluap dan merendam sembilan desa di Rampa Hulu."), "banjir"),
            new(Report("a2", "Banjir meluas", "Banjir akibat luapan Sungai Rampa meluas ke 14 desa di Rampa Hulu."), "banjir"),
            new(Report("c1", "Harga cabai naik", "Harga cabai rawit di pasar naik setelah hujan deras."), "cabai"),
        ];

        var report = await RelevanceEvaluator.RunAsync(set, Analyzers.Default, TestContext.Current.CancellationToken);

        // Then only the flood reports are queries, each finding the other first: had a report been counted in its own
        // ranking, precision at 10 would be 0.2, not 0.1
        Assert.Equal(3, report.Articles);
        Assert.Equal(2, report.Queries);
        Assert.Equal(1.0, report.Warta.Mrr, 9);
        Assert.Equal(0.1, report.Warta.PrecisionAt10, 9);
        Assert.Equal(0.1, report.Plain.PrecisionAt10, 9);
    }

    private static Article Report(string id, string title, string body) => SampleArticles.Make(id, title: title) with { Paragraphs = [body] };
}
