using Warta.Text;
using Xunit;

namespace Warta.Text.Tests;

public class TokenizedTextTests
{
    private static List<(string Surface, TokenKind Kind)> PartsOf(TokenizedText tokens, int index)
    {
        var parts = new List<(string, TokenKind)>();
        foreach (var part in tokens.Parts(index)) parts.Add((tokens.Text.Substring(part.Start, part.Length), part.Kind));
        return parts;
    }

    private static int IndexOf(TokenizedText tokens, string surface)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.Surface(i).SequenceEqual(surface)) return i;
        }
        return -1;
    }

    [Fact]
    public void Should_show_the_digit_groups_and_separators_of_a_date_token()
    {
        // Given a date that the layer keeps as one number token
        var tokens = Tokenizer.Tokenize("Selasa (23/4/2019) pukul 20.34 WIB");
        var date = IndexOf(tokens, "23/4/2019");

        // Then its parts are the digit groups and the slashes, in order
        Assert.Equal(TokenKind.Number, tokens[date].Kind);
        Assert.Equal(
            [("23", TokenKind.Number), ("/", TokenKind.Punctuation), ("4", TokenKind.Number), ("/", TokenKind.Punctuation), ("2019", TokenKind.Number)],
            PartsOf(tokens, date));
        Assert.Equal([("20", TokenKind.Number), (".", TokenKind.Punctuation), ("34", TokenKind.Number)], PartsOf(tokens, IndexOf(tokens, "20.34")));
    }

    [Fact]
    public void Should_give_a_plain_word_as_its_only_part()
    {
        var tokens = Tokenizer.Tokenize("Presiden Jokowi");
        Assert.Equal([("Jokowi", TokenKind.Word)], PartsOf(tokens, 1));
    }

    [Fact]
    public void Should_split_a_reduplication_into_its_halves_and_hyphen()
    {
        var tokens = Tokenizer.Tokenize("pada Juni-Juli 2014");
        var range = IndexOf(tokens, "Juni-Juli");
        Assert.True(tokens[range].IsReduplication);
        Assert.Equal([("Juni", TokenKind.Word), ("-", TokenKind.Punctuation), ("Juli", TokenKind.Word)], PartsOf(tokens, range));
    }

    [Fact]
    public void Should_make_each_lower_case_form_once_and_reuse_a_word_already_in_lower_case()
    {
        var tokens = Tokenizer.Tokenize("Kantor Berita pusat");
        Assert.Equal("kantor", tokens.Lower(0));
        Assert.Same(tokens.Lower(0), tokens.Lower(0));
        Assert.Same(tokens.Word(2), tokens.Lower(2));
        Assert.Same(tokens.Word(1), tokens.Word(1));
    }

    [Fact]
    public void Should_keep_offsets_in_bounds_and_in_order()
    {
        const string text = "“Kami siap,” kata Budi... lihat https://a.id/x pada 23/4/2019, Jong-un dan pabrik-pabrik.";
        var tokens = Tokenizer.Tokenize(text);
        Assert.True(tokens.Count > 10);
        var previousEnd = 0;
        foreach (var token in tokens.Tokens)
        {
            Assert.InRange(token.Start, previousEnd, text.Length - 1);
            Assert.InRange(token.End, token.Start + 1, text.Length);
            previousEnd = token.End;
        }
    }

    [Fact]
    public void Should_make_the_words_again_after_their_strings_are_released()
    {
        // Given a layer whose annotators asked for its words
        var tokens = Tokenizer.Tokenize("Presiden Jokowi meresmikan Bendungan Karian");
        var word = tokens.Word(1);
        var lower = tokens.Lower(1);

        // When the layer releases the strings it kept
        tokens.ReleaseStrings();

        // Then the same words come back, made anew rather than kept
        Assert.Equal("Jokowi", tokens.Word(1));
        Assert.Equal("jokowi", tokens.Lower(1));
        Assert.NotSame(word, tokens.Word(1));
        Assert.NotSame(lower, tokens.Lower(1));
    }

    [Fact]
    public void Should_keep_only_the_marked_tokens_at_their_offsets_in_the_same_text()
    {
        // Given a text of five tokens
        var tokens = Tokenizer.Tokenize("Banjir merendam 120 rumah warga");

        // When two of them are kept
        var kept = tokens.Only([false, true, false, true, false]);

        // Then the same text holds just those two, at their own offsets, and a wrong number of flags is refused
        Assert.Same(tokens.Text, kept.Text);
        Assert.Equal(["merendam", "rumah"], [kept.Word(0), kept.Word(1)]);
        Assert.Equal([tokens[1].Start, tokens[3].Start], [kept[0].Start, kept[1].Start]);
        Assert.Throws<ArgumentException>(() => tokens.Only([true, false]));
    }
}
