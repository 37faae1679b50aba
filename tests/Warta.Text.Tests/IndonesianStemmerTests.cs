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
    public void Should_hand_hunspell_every_word_it_has_a_shorter_stem_for()
    {
        // Given words of every shape the analysis meets: affixed words, roots, generated names, particles and possessives
        var stemmer = Stemmer();
        string[] syllables = ["ka", "ri", "mo", "na", "su", "ta", "wi", "lo", "ga", "pe", "ra", "di", "ju", "ba", "ni", "se", "to", "ma", "ku", "me", "be", "ke", "an", "te"];
        var words = new List<string>
        {
            "pertemuan", "mengunjungi", "keringanan", "pemerintah", "berita", "menteri", "bertemu", "mempertimbangkan",
            "menyetujuinya", "bukunya", "mengenalkan", "dipukul", "kesehatan", "terbesar", "sepeda", "rumahku", "bajumu",
            "makanlah", "siapakah", "apapun", "memperbarui", "pembangunan", "kebersihan", "perselisihan", "sebesar",
        };
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(2, 5);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => syllables[random.Next(syllables.Length)])));
        }

        // When a word is not handed to hunspell
        var skipped = words.Where(w => !stemmer.MayHaveHunspellStem(w)).ToList();

        // Then hunspell had no stem shorter than it, and the check does skip words
        Assert.NotEmpty(skipped);
        Assert.All(skipped, w => Assert.Empty(stemmer.HunspellStemsShorterThan(w)));
        Assert.Contains(words, w => stemmer.HunspellStemsShorterThan(w).Count > 0);
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
