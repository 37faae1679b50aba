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
        // Given words of every shape the analysis meets: affixed words, roots, generated names (random syllables and the
        // bench's names), and those names and roots with the prefixes, suffixes and particles of Indonesian around them
        var stemmer = Stemmer();
        string[] syllables = ["ka", "ri", "mo", "na", "su", "ta", "wi", "lo", "ga", "pe", "ra", "di", "ju", "ba", "ni", "se", "to", "ma", "ku", "me", "be", "ke", "an", "te"];
        var words = new List<string>
        {
            "pertemuan", "mengunjungi", "keringanan", "pemerintah", "berita", "menteri", "bertemu", "mempertimbangkan",
            "menyetujuinya", "bukunya", "mengenalkan", "dipukul", "kesehatan", "terbesar", "sepeda", "rumahku", "bajumu",
            "makanlah", "siapakah", "apapun", "memperbarui", "pembangunan", "kebersihan", "perselisihan", "sebesar",
            "menulis", "memukul", "menyapu", "mengirim", "pengiriman", "penulisan", "kepenulisan", "berpenghasilan",
            "dipertanyakan", "mempersatukan", "ketidakadilan", "sepengetahuan", "memberlakukan", "terselesaikannya",
        };
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(2, 5);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => syllables[random.Next(syllables.Length)])));
        }
        var names = Enumerable.Range(0, 3000).Select(BenchName).ToList();
        words.AddRange(names);
        string[] prefixes = ["di", "ke", "se", "ber", "ter", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "per", "memper", "diper", "keber"];
        string[] suffixes = ["kan", "an", "i", "nya", "lah", "kah", "ku", "mu", "kannya", "annya", "inya"];
        string[] roots = ["tulis", "pukul", "sapu", "kirim", "temu", "kunjung", "ringan", "besar", "satu", "tanya", "hasil", "laku", "ajar", "kenal"];
        foreach (var stem in roots.Concat(names.Take(300)).Concat(roots.Select(r => r[1..])))
        {
            words.AddRange(prefixes.Select(p => p + stem));
            words.AddRange(suffixes.Select(s => stem + s));
            words.Add(prefixes[random.Next(prefixes.Length)] + stem + suffixes[random.Next(suffixes.Length)]);
        }

        // When a word is not handed to hunspell
        var skipped = words.Where(w => !stemmer.MayHaveHunspellStem(w)).ToList();

        // Then hunspell had no stem shorter than it, hunspell does stem some words, and most of the bench's names skip it
        Assert.All(skipped, w => Assert.Empty(stemmer.HunspellStemsShorterThan(w)));
        Assert.Contains(words, w => stemmer.HunspellStemsShorterThan(w).Count > 0);
        var namesSkipped = names.Count(n => !stemmer.MayHaveHunspellStem(n));
        Assert.True(namesSkipped > names.Count * 85 / 100, $"{namesSkipped} of {names.Count} names skip hunspell");
    }

    [Fact]
    public void Should_hand_hunspell_every_ud_csui_word_form_it_has_a_shorter_stem_for()
    {
        // Given the word forms of the UD-CSUI treebank (news text), lower-cased as the analysis hands them over
        var stemmer = Stemmer();
        var forms = File.ReadLines(SharedData.PathOf("stemming/id_csui-ud-train.conllu"))
            .Where(line => line.Length > 0 && char.IsDigit(line[0]))
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length > 2 && !fields[0].Contains('-', StringComparison.Ordinal))
            .Select(fields => fields[1].ToLowerInvariant())
            .Where(form => form.Length >= 3 && form.All(char.IsLetter))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // When a form is not handed to hunspell
        var skipped = forms.Where(f => !stemmer.MayHaveHunspellStem(f)).ToList();

        // Then hunspell had no stem shorter than it
        Assert.True(forms.Count > 1000, $"{forms.Count} forms");
        Assert.NotEmpty(skipped);
        Assert.All(skipped, f => Assert.Empty(stemmer.HunspellStemsShorterThan(f)));
    }

    /// <summary>The bench generator's name for a number (<c>BenchArticleGenerator.NameOf</c>), lower-cased as analysed.</summary>
    private static string BenchName(int number)
    {
        string[] syllables = ["ka", "ri", "mo", "na", "su", "ta", "wi", "lo", "ga", "pe", "ra", "di", "ju", "ba", "ni", "se", "to", "ma", "ha", "ya", "le", "ku", "po", "de"];
        var name = new System.Text.StringBuilder();
        for (var n = number + syllables.Length; n > 0; n /= syllables.Length) name.Append(syllables[n % syllables.Length]);
        return name.ToString();
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
