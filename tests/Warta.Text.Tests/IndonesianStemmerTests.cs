using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Text.Tests;

public class IndonesianStemmerTests
{
    private static IndonesianStemmer Stemmer()
    {
        var stemmer = Analyzers.Shared.IndonesianStemmer;
        if (!stemmer.HasDictionary) Assert.Skip(stemmer.Warning ?? "no hunspell-id dictionary");
        return stemmer;
    }

    [Theory]
    [InlineData("pertemuan", "temu")]
    [InlineData("mengunjungi", "kunjung")]
    [InlineData("keringanan", "ringan")]
    [InlineData("pabrik-pabrik", "pabrik")]
    [InlineData("pemerintah", "perintah")]
    [InlineData("berita", "berita")]
    [InlineData("menteri", "menteri")]
    [InlineData("bertemu", "temu")]
    [InlineData("mempertimbangkan", "timbang")]
    [InlineData("menyetujuinya", "setuju")]
    [InlineData("bukunya", "buku")]
    [InlineData("berlari-lari", "lari")]
    [InlineData("kemerah-merahan", "merah")]
    [InlineData("mengenalkan", "kenal")]
    public void Should_find_the_root_with_the_dictionary(string word, string root)
    {
        Assert.Equal(root, Stemmer().Stem(word));
    }

    [Fact]
    public void Should_fall_back_to_rules_without_a_dictionary_and_say_so()
    {
        var rulesOnly = HunspellLoader.LoadIndonesianStemmer("/nonexistent-folder");
        Assert.False(rulesOnly.HasDictionary);
        Assert.Contains("hunspell", rulesOnly.Warning, StringComparison.Ordinal);
        Assert.Equal("main", rulesOnly.Stem("bermain"));
        Assert.Equal("buku", rulesOnly.Stem("bukunya"));
    }

    [Fact]
    public void Should_stem_indonesian_tokens_in_the_analyzer()
    {
        var analyzed = Analyzers.Default.Analyze(Tokenizer.Tokenize("Pemerintah mengunjungi pabrik-pabrik."), "id");
        Stemmer();
        Assert.Equal(["perintah", "kunjung", "pabrik", "."], analyzed.Tokens.Select(t => t.Stem));
    }

    [Fact]
    public void Should_stem_english_with_porter_and_flag_english_stopwords()
    {
        var analyzed = Analyzers.Default.Analyze(Tokenizer.Tokenize("The ministers were meeting"), "en");
        Assert.Equal(["the", "minist", "were", "meet"], analyzed.Tokens.Select(t => t.Stem));
        Assert.Equal([true, false, true, false], analyzed.Tokens.Select(t => t.IsStopword));
    }

    [Fact]
    public void Should_only_normalise_other_languages()
    {
        var analyzed = Analyzers.Default.Analyze(Tokenizer.Tokenize("Les Ministres étaient là"), "fr");
        Assert.Equal(["les", "ministres", "etaient", "la"], analyzed.Tokens.Select(t => t.Stem));
        Assert.All(analyzed.Tokens, t => Assert.False(t.IsStopword));
    }

    [Fact]
    public void Should_flag_indonesian_stopwords()
    {
        var analyzed = Analyzers.Default.Analyze(Tokenizer.Tokenize("Menteri itu mengatakan bahwa harga beras naik"), "id");
        Assert.Equal([false, true, true, true, false, false, false], analyzed.Tokens.Select(t => t.IsStopword));
    }
}
