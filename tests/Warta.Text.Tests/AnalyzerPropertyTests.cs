using CsCheck;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Text.Tests;

public class AnalyzerPropertyTests
{
    // News-like characters (letters, digits, separators, quotes, dashes, accents) mixed with arbitrary UTF-16.
    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String[Gen.Char["abdeiklmnprstuyABKMPé’'\"-.,/:@#_0123456789 \t\n“”—…ñİÅ\u0301\u00AD"], 0, 80],
        Gen.String);

    private static readonly Gen<string> Words = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghijklmnoprstuwy-"], 0, 20],
        Gen.String[Gen.Char["meng"], 0, 12],
        Gen.String);

    [Fact]
    public void Should_give_offsets_in_bounds_ordered_and_non_overlapping()
    {
        Texts.Sample(text =>
        {
            var end = 0;
            foreach (var token in Analyzers.Default.Analyze(Tokenizer.Tokenize(text), "id").Tokens)
            {
                Assert.True(token.Length > 0 && token.Start >= end && token.End <= text.Length, $"bad token at {token.Start}+{token.Length}");
                end = token.End;
            }
        });
    }

    [Fact]
    public void Should_analyse_the_same_text_to_the_same_tokens()
    {
        Texts.Sample(text =>
        {
            var first = Analyzers.Default.Analyze(Tokenizer.Tokenize(text), "id").Tokens;
            var second = Analyzers.Default.Analyze(Tokenizer.Tokenize(text), "id").Tokens;
            Assert.Equal(first, second);
        });
    }

    [Fact]
    public void Should_write_the_tokens_it_gives_into_a_caller_s_buffer_of_any_language()
    {
        Texts.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            foreach (var language in (string[])["id", "en", "fr"])
            {
                var given = Analyzers.Default.Analyze(tokens, language).Tokens;
                // A used buffer, longer than needed: every token is overwritten.
                var buffer = Enumerable.Repeat(new Token(0, 1, "x", "x", TokenKind.Word, true), tokens.Count + 3).ToArray();
                Analyzers.Default.AnalyzeInto(tokens, language, buffer);
                Assert.Equal(given, buffer.Take(tokens.Count));
            }
        });
    }

    [Fact]
    public void Should_write_an_analyzer_s_tokens_into_a_buffer_when_it_only_analyses_into_new_ones()
    {
        ITextAnalyzer wrapped = new Wrapped(Analyzers.Shared);
        var tokens = Tokenizer.Tokenize("Korea Utara menemui 3 pejabat, kata Kim.");
        var buffer = new Token[tokens.Count];
        wrapped.AnalyzeInto(tokens, "id", buffer);
        Assert.Equal(Analyzers.Default.Analyze(tokens, "id").Tokens, buffer);
        Assert.Contains(buffer, t => t.Normal == "menemui" && t.Stem == "temu");
    }

    [Fact]
    public void Should_change_nothing_when_normalising_twice()
    {
        Texts.Sample(text =>
        {
            var once = TextNormalizer.Normalize(text);
            Assert.Equal(once, TextNormalizer.Normalize(once));
        });
    }

    [Fact]
    public void Should_never_throw_or_lengthen_when_stemming()
    {
        var stemmer = Analyzers.Shared.IndonesianStemmer;
        Words.Sample(word =>
        {
            var stem = stemmer.Stem(word);
            Assert.True(stem.Length <= word.Length, $"{word} → {stem}");
            Assert.True(IndonesianRuleStemmer.Stem(word).Length <= word.Length);
            Assert.True(EnglishStemmer.Stem(word).Length <= word.Length);
        });
    }

    private sealed class Wrapped(TextAnalyzer inner) : ITextAnalyzer
    {
        public AnalyzedText Analyze(TokenizedText tokens, string language) => inner.Analyze(tokens, language);
    }
}
