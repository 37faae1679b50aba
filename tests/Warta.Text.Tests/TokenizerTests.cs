using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Text.Tests;

public class TokenizerTests
{
    private static List<string> Surfaces(string text) =>
        [.. Tokenizer.Tokenize(text).Tokens.ToArray().Select(t => text.Substring(t.Start, t.Length))];

    private static List<string> WordNormals(string text) =>
        [.. Analyzers.Default.Analyze(Tokenizer.Tokenize(text), "id").Tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Normal)];

    [Theory]
    [InlineData("Jum'at pagi", "Jum'at")]
    [InlineData("don’t panic", "don’t")]
    [InlineData("pukul 20.34 WIB", "20.34")]
    [InlineData("pada 23/4/2019 lalu", "23/4/2019")]
    [InlineData("Rp 1.000.000 saja", "1.000.000")]
    [InlineData("naik 3,5 persen", "3,5")]
    [InlineData("lihat https://www.kompas.com/read/2019/04/23/berita-1.html.", "https://www.kompas.com/read/2019/04/23/berita-1.html")]
    [InlineData("buka www.detik.com sekarang", "www.detik.com")]
    [InlineData("kirim ke redaksi@tempo.co.id.", "redaksi@tempo.co.id")]
    [InlineData("tagar #2019GantiPresiden ramai", "#2019GantiPresiden")]
    [InlineData("kata @jokowi kemarin", "@jokowi")]
    [InlineData("pabrik-pabrik tutup", "pabrik-pabrik")]
    [InlineData("Baru-baru ini", "Baru-baru")]
    [InlineData("harga sayur-mayur naik", "sayur-mayur")]
    [InlineData("anak-anaknya pulang", "anak-anaknya")]
    [InlineData("ia berlari-lari", "berlari-lari")]
    [InlineData("hujan terus-menerus", "terus-menerus")]
    [InlineData("mobil bolak-balik", "bolak-balik")]
    public void Should_keep_a_unit_as_one_token(string text, string expected)
    {
        // Given a sentence containing a unit; When it is tokenised; Then the unit is one token.
        Assert.Contains(expected, Surfaces(text));
    }

    [Fact]
    public void Should_give_the_same_words_for_hyphenated_and_spaced_names()
    {
        var hyphenated = WordNormals("Kim Jong-un bertemu Trump");
        var spaced = WordNormals("Kim Jong Un bertemu Trump");
        Assert.Equal(spaced, hyphenated);
        Assert.Equal(["kim", "jong", "un", "bertemu", "trump"], hyphenated);
    }

    [Fact]
    public void Should_split_punctuation_into_its_own_tokens()
    {
        const string text = "\"Kami siap,\" kata Budi... (ANTARA)";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["\"", "Kami", "siap", ",", "\"", "kata", "Budi", "...", "(", "ANTARA", ")"], Surfaces(text));
        Assert.Equal(TokenKind.Punctuation, tokens[3].Kind);
    }

    [Fact]
    public void Should_classify_numbers_urls_emails_and_hashtags()
    {
        const string text = "Pukul 20.34 lihat http://a.id/x atau tulis ke a.b@c.com #banjir @bnpb 5G";
        var kinds = Tokenizer.Tokenize(text).Tokens.ToArray().ToDictionary(t => text.Substring(t.Start, t.Length), t => t.Kind);
        Assert.Equal(TokenKind.Number, kinds["20.34"]);
        Assert.Equal(TokenKind.Url, kinds["http://a.id/x"]);
        Assert.Equal(TokenKind.Email, kinds["a.b@c.com"]);
        Assert.Equal(TokenKind.Hashtag, kinds["#banjir"]);
        Assert.Equal(TokenKind.Mention, kinds["@bnpb"]);
        Assert.Equal(TokenKind.Word, kinds["5G"]);
    }

    [Fact]
    public void Should_end_a_number_before_sentence_punctuation()
    {
        Assert.Equal(["tahun", "2019", ".", "Lalu"], Surfaces("tahun 2019. Lalu"));
        Assert.Equal(["pada", "2019", ",", "harga"], Surfaces("pada 2019, harga"));
    }
}
