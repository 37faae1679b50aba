using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class InMemoryIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (Article, string?)[] Reports =
    [
        (Report("a", "Warga Sembung mengungsi", "Sebanyak 1.450 warga mengungsi ke masjid setelah Kali Sembung meluap."), "banjir"),
        (Report("b", "Posko pengungsi dibuka", "BPBD membuka posko bagi para pengungsi di SD Negeri 4 Muara Sekin."), "banjir"),
        (Report("c", "Harga cabai naik", "Harga cabai rawit naik setelah hujan deras di Korut."), "cabai"),
    ];

    [Fact]
    public async Task Should_find_another_form_of_a_word_with_Warta_analysis_but_only_the_form_as_written_with_plain_tokens()
    {
        // Given the same reports indexed with Warta's analysis and with plain tokens
        using var warta = LuceneSearchIndex.BuildInMemory(Reports, Analyzers.Default);
        using var plain = LuceneSearchIndex.BuildInMemory(Reports, Analyzers.Default, SearchAnalysis.Plain);

        // When both are asked for "pengungsi"
        var query = SearchQueryParser.Parse("pengungsi");
        var stemmed = await warta.SearchArticlesAsync(query, Ct);
        var unstemmed = await plain.SearchArticlesAsync(query, Ct);

        // Then Warta's index also finds "mengungsi" (and keeps the gold story it was given); the plain one does not
        Assert.Equal(["a", "b"], stemmed.Hits.Select(static h => h.ArticleId).Order(StringComparer.Ordinal));
        Assert.All(stemmed.Hits, static h => Assert.Equal("banjir", h.StoryId));
        Assert.Equal(["b"], unstemmed.Hits.Select(static h => h.ArticleId));
    }

    [Fact]
    public async Task Should_keep_stopwords_and_leave_aliases_unexpanded_in_the_plain_baseline()
    {
        using var warta = LuceneSearchIndex.BuildInMemory(Reports, Analyzers.Default);
        using var plain = LuceneSearchIndex.BuildInMemory(Reports, Analyzers.Default, SearchAnalysis.Plain);

        // "setelah" is a stopword to Warta, an ordinary word to the baseline; "Korea Utara" names Korut only through the alias table
        Assert.Equal(0, (await warta.SearchArticlesAsync(SearchQueryParser.Parse("setelah"), Ct)).Total);
        Assert.Equal(2, (await plain.SearchArticlesAsync(SearchQueryParser.Parse("setelah"), Ct)).Total);
        Assert.Equal(["c"], (await warta.SearchArticlesAsync(SearchQueryParser.Parse("\"Korea Utara\""), Ct)).Hits.Select(static h => h.ArticleId));
        Assert.Equal(0, (await plain.SearchArticlesAsync(SearchQueryParser.Parse("\"Korea Utara\""), Ct)).Total);
    }

    [Fact]
    public async Task Should_rank_the_word_as_written_above_another_word_of_the_same_stem()
    {
        // Given two reports of equal length that differ in one word of the same stem, the one with the form searched for last
        using var warta = LuceneSearchIndex.BuildInMemory(
        [
            (Report("d", "Kuota solar", "Pemerintah menambah kuota solar yang disubsidi untuk nelayan."), "solar"),
            (Report("e", "Kuota solar", "Pemerintah menambah kuota solar yang bersubsidi untuk nelayan."), "solar"),
        ], Analyzers.Default);

        // When Warta's index is asked for "bersubsidi"
        var hits = await warta.SearchArticlesAsync(SearchQueryParser.Parse("bersubsidi"), Ct);

        // Then both match through the stem, and the report with the word as written ranks first
        Assert.Equal(["e", "d"], hits.Hits.Select(static h => h.ArticleId));
    }

    [Fact]
    public async Task Should_rank_a_name_inside_the_query_above_a_common_word()
    {
        // Given two reports of equal length, one sharing the query's common word, the other (indexed last) its name
        using var warta = LuceneSearchIndex.BuildInMemory(
        [
            (Report("g", "Pasar ramai", "Harga beras naik lagi di pasar Kramat sejak pagi tadi."), "beras"),
            (Report("f", "Antrean panjang", "Antrean panjang terlihat lagi di SPBU Pertamina sejak pagi tadi."), "spbu"),
        ], Analyzers.Default);

        // When asked for "Harga OR Pertamina" (the first word capitalised as a sentence opens, the second a name)
        var hits = await warta.SearchArticlesAsync(SearchQueryParser.Parse("Harga OR Pertamina"), Ct);

        // Then the report naming Pertamina ranks first
        Assert.Equal("f", hits.Hits[0].ArticleId);
    }

    private static Article Report(string id, string title, string body) => SampleArticles.Make(id, title: title) with { Paragraphs = [body] };
}
