using Warta.Core.Model;
using Warta.Evaluation.Stories;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Stories;

public class QuoteEvaluatorTests
{
    private const string Gold =
        "source\tquote_start\tspeaker\tkind\tcue\tnote\n"
        + "a.txt\tAir naik sangat cepat, mulai pukul 22.00 WITA.\tSyamsul Bahri\tdirect\tkata\t\n"
        + "a.txt\tKalau pindah jauh, kami susah ke sawah\tHamdani\tdirect\tkatanya\t\n"
        + "a.txt\tstok masker menipis.\tYusran Effendi\tindirect\tmengatakan\t\n";

    private static Article Article(params Quote[] quotes) => new()
    {
        Id = "a1",
        Title = "Banjir Lamaru",
        Outlet = "kabarnusa.id",
        Paragraphs = ["…"],
        Source = "a.txt",
        Annotations = new ArticleAnnotations(
            [new EntityMention(0, 6, "dr. Yusran", EntityType.Person, "person:yusran effendi", "Yusran Effendi")], [], quotes),
    };

    private static Quote Quote(string text, string? speaker, string? entity = null) => new(0, text.Length, text, speaker, entity, null, QuoteKind.Direct, "kata");

    [Fact]
    public void Should_count_a_katanya_quote_given_to_the_earlier_speaker_as_an_attribution_error()
    {
        // Given gold for three quotes and an extraction that gives Hamdani's words to Syamsul and finds one quote nobody listed
        var gold = QuoteGold.Read(new StringReader(Gold), "gold");
        var article = Article(
            Quote("Air naik sangat cepat, mulai pukul 22.00 WITA", "Syamsul Bahri"),
            Quote("Kalau pindah jauh, kami susah ke sawah", "Syamsul Bahri"),
            Quote("Kami pastikan dapur umum berjalan malam ini", "Nurlaila Rahmah"));

        // When scored
        var result = QuoteEvaluator.Evaluate(gold, [("a.txt", article)]);

        // Then two of three gold quotes are found, one of the two with the wrong speaker
        Assert.Equal(2, result.Matched);
        Assert.Equal(1, result.SpeakerRight);
        Assert.Equal(0.5, result.AttributionAccuracy);
        Assert.Equal(2.0 / 3, result.Recognition.Precision, 6);
        Assert.Equal(2.0 / 3, result.Recognition.Recall, 6);
        var wrong = Assert.Single(result.Errors, static e => e.Kind == "speaker");
        Assert.Equal(("Hamdani", "Syamsul Bahri"), (wrong.Expected, wrong.Got));
        Assert.Contains(result.Errors, static e => e.Kind == "missed" && e.Text.StartsWith("stok masker", StringComparison.Ordinal));
        Assert.Contains(result.Errors, static e => e.Kind == "spurious" && e.Text.StartsWith("Kami pastikan", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_accept_a_speaker_with_an_honorific_or_named_by_an_alias_of_its_entity()
    {
        var gold = QuoteGold.Read(new StringReader(Gold), "gold");
        var article = Article(
            Quote("air naik sangat cepat, mulai pukul 22.00 WITA", "SYAMSUL BAHRI"),
            Quote("Kalau pindah jauh, kami susah ke sawah", "Pak Hamdani"),
            Quote("stok masker menipis", "dr. Yusran", "person:yusran effendi"));

        var result = QuoteEvaluator.Evaluate(gold, [("a.txt", article)]);

        Assert.Equal(3, result.Matched);
        Assert.Equal(1.0, result.AttributionAccuracy);
    }

    [Fact]
    public void Should_attribute_the_sample_corpus_quotes_at_or_above_the_pinned_floors()
    {
        // Given the hand-attributed speakers of every quote in the sample corpus
        var gold = QuoteGold.Read(new StringReader(File.ReadAllText(RepoPaths.Combine("eval", "quotes", "sample-corpus.tsv"))), "sample-corpus.tsv");

        // When the corpus is annotated as warta ingest annotates it and scored
        var result = QuoteEvaluator.Evaluate(gold, CorpusArticles.Read(RepoPaths.Combine("samples", "corpus")));

        // Then attribution and recognition are at or above the floors (the errors are printed for review)
        var errors = string.Join("\n", result.Errors.Where(static e => e.Kind == "speaker").Select(static e => $"{e.Source}: {e.Text} → {e.Got}, expected {e.Expected}"));
        TestContext.Current.SendDiagnosticMessage($"quotes: attribution {result.AttributionAccuracy:F4}, P {result.Recognition.Precision:F4}, R {result.Recognition.Recall:F4}");
        Assert.Equal(230, result.Gold);
        Assert.True(result.AttributionAccuracy >= Baseline.Floor("quotes.sample.attributionAccuracy"), $"attribution {result.AttributionAccuracy:F4}\n{errors}");
        Assert.True(result.Recognition.Precision >= Baseline.Floor("quotes.sample.precision"), $"precision {result.Recognition.Precision:F4}");
        Assert.True(result.Recognition.F1 >= Baseline.Floor("quotes.sample.f1"), $"F1 {result.Recognition.F1:F4}");
    }
}
