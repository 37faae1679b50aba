using Warta.Evaluation.Stories;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Stories;

public class BriefEvaluatorTests
{
    private static readonly string Corpus = RepoPaths.Combine("samples", "corpus");

    [Fact]
    public void Should_write_sample_corpus_briefs_closer_to_the_references_than_the_lead_baseline()
    {
        // Given the hand-written reference briefs of the sample corpus stories
        var gold = BriefGold.Read(new StringReader(File.ReadAllText(RepoPaths.Combine("eval", "briefs", "sample-corpus.jsonl"))), "sample-corpus.jsonl");

        // When each story's brief is built from its gold articles and scored
        var result = BriefEvaluator.Evaluate(gold, CorpusArticles.Read(Corpus), CorpusArticles.StoryKeys(Path.Combine(Corpus, "stories.tsv")));

        // Then every story is scored, the briefs beat the lead baseline on each measure, and stay above the floors
        TestContext.Current.SendDiagnosticMessage($"brief {result.Brief}, lead {result.Lead}, citations {result.CitationAccuracy:F3}");
        Assert.Equal(8, result.Stories.Count);
        Assert.True(result.Brief.Rouge1 > result.Lead.Rouge1, $"{result.Brief} vs lead {result.Lead}");
        Assert.True(result.Brief.Rouge2 > result.Lead.Rouge2, $"{result.Brief} vs lead {result.Lead}");
        Assert.True(result.Brief.RougeL > result.Lead.RougeL, $"{result.Brief} vs lead {result.Lead}");
        Assert.True(result.Brief.Rouge1 >= Baseline.Floor("briefs.sample.rouge1"), $"{result.Brief}");
        Assert.True(result.Brief.Rouge2 >= Baseline.Floor("briefs.sample.rouge2"), $"{result.Brief}");
        Assert.True(result.Brief.RougeL >= Baseline.Floor("briefs.sample.rougeL"), $"{result.Brief}");
    }

    [Fact]
    public void Should_cite_sample_corpus_brief_sentences_only_by_articles_that_state_them()
    {
        var gold = BriefGold.Read(new StringReader(File.ReadAllText(RepoPaths.Combine("eval", "briefs", "sample-corpus.jsonl"))), "sample-corpus.jsonl");

        var result = BriefEvaluator.Evaluate(gold, CorpusArticles.Read(Corpus), CorpusArticles.StoryKeys(Path.Combine(Corpus, "stories.tsv")));

        Assert.True(result.BriefSentences >= 30, $"only {result.BriefSentences} brief sentences");
        Assert.True(result.CitationAccuracy >= Baseline.Floor("briefs.sample.citationAccuracy"), string.Join("\n", result.CitationErrors));
    }

    [Fact]
    public void Should_split_each_reference_brief_into_as_many_sentences_as_it_has_source_lists()
    {
        var line = "{\"story\": \"s\", \"brief\": \"Banjir merendam 12 desa. BNPB menyalurkan Rp2 miliar.\", \"sources\": [[\"a.txt\"], [\"b.txt\", \"c.txt\"]]}";

        var brief = Assert.Single(BriefGold.Read(new StringReader(line), "x"));

        Assert.Equal(["Banjir merendam 12 desa.", "BNPB menyalurkan Rp2 miliar."], brief.Sentences);
        Assert.Equal(["b.txt", "c.txt"], brief.Sources[1]);
        Assert.Throws<FormatException>(() => BriefGold.Read(new StringReader(line.Replace("[[\"a.txt\"], ", "[", StringComparison.Ordinal)), "x"));
    }

    [Fact]
    public void Should_find_the_listed_corrections_and_disagreements_of_the_disagreement_corpus()
    {
        var folder = RepoPaths.Combine("samples", "disagreements");
        var gold = DisagreementGold.Read(new StringReader(File.ReadAllText(RepoPaths.Combine("eval", "disagreements", "samples-disagreements.tsv"))), "samples-disagreements.tsv");

        var result = DisagreementEvaluator.Evaluate(gold, CorpusArticles.Read(folder), CorpusArticles.StoryKeys(Path.Combine(folder, "stories.tsv")));

        TestContext.Current.SendDiagnosticMessage($"disagreements: P {result.Score.Precision:F3} R {result.Score.Recall:F3}");
        Assert.True(result.Score.Precision >= Baseline.Floor("disagreements.samples.precision"), string.Join("\n", result.Errors));
        Assert.True(result.Score.Recall >= Baseline.Floor("disagreements.samples.recall"), string.Join("\n", result.Errors));
    }

    [Fact]
    public void Should_detect_on_the_sample_corpus_only_listed_disagreements()
    {
        // Given the sample corpus and its hand-made list (eval/disagreements/sample-corpus.tsv)
        var gold = DisagreementGold.Read(new StringReader(File.ReadAllText(RepoPaths.Combine("eval", "disagreements", "sample-corpus.tsv"))), "sample-corpus.tsv");

        // When every story's view is built and its disagreements scored
        var result = DisagreementEvaluator.Evaluate(gold, CorpusArticles.Read(Corpus), CorpusArticles.StoryKeys(Path.Combine(Corpus, "stories.tsv")));

        // Then no detection pairs different quantities (12 villages against an age of 52), and the evacuee peak is found
        TestContext.Current.SendDiagnosticMessage($"sample disagreements: P {result.Score.Precision:F3} R {result.Score.Recall:F3}\n{string.Join("\n", result.Errors)}");
        Assert.True(result.Score.Precision >= Baseline.Floor("disagreements.sample.precision"), string.Join("\n", result.Errors));
        Assert.True(result.Score.Recall >= Baseline.Floor("disagreements.sample.recall"), string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Errors, static e => e.Contains("lamaru-pengungsi-puncak", StringComparison.Ordinal));
    }
}
