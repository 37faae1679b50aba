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

    [Fact]
    public async Task Should_match_a_phrase_on_its_stems_in_order_and_not_on_its_words_as_written_anywhere()
    {
        // Given one report with "harga cabai" adjacent and one with both words written apart
        using var warta = LuceneSearchIndex.BuildInMemory(
        [
            (Report("h", "Pasar pagi", "Harga cabai naik lagi di pasar Kramat."), "cabai"),
            (Report("i", "Pasar pagi", "Cabai rawit dijual dengan harga lama di pasar Kramat."), "cabai"),
        ], Analyzers.Default);

        // When the phrase is searched
        var found = await warta.SearchArticlesAsync(SearchQueryParser.Parse("\"harga cabai\""), Ct);

        // Then only the adjacent one matches: the words-as-written fields keep no positions and only add to the score
        Assert.Equal(["h"], found.Hits.Select(static h => h.ArticleId));
    }

    [Fact]
    public void Should_search_a_common_word_by_its_stems_only_an_affixed_rarer_word_as_written_too_and_a_word_that_is_its_stem_by_boosted_stems()
    {
        // Given an index whose body field holds "banjir" in enough articles to be common, and "lamaru" and "pengungsian" in one
        using var directory = new global::Lucene.Net.Store.RAMDirectory();
        using (var writer = new global::Lucene.Net.Index.IndexWriter(directory, new global::Lucene.Net.Index.IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, AnalyzedTerms.PlainAnalyzer)))
        {
            for (var i = 0; i < LuceneQueryBuilder.CommonWordArticles; i++)
            {
                var body = i == 0 ? "banjir lamaru pengungsian" : "banjir";
                writer.AddDocument(new global::Lucene.Net.Documents.Document { new global::Lucene.Net.Documents.TextField(IndexFields.Body("id"), body, global::Lucene.Net.Documents.Field.Store.NO) });
            }
        }
        using var reader = global::Lucene.Net.Index.DirectoryReader.Open(directory);
        var builder = new LuceneQueryBuilder(Analyzers.Default);

        // When each word's query is built against it
        var common = builder.TermQuery(new SearchTerm("banjir", false), ["id"], reader, null, out var isCommon)!;
        var affixed = builder.TermQuery(new SearchTerm("pengungsian", false), ["id"], reader, null, out var isRare)!;
        var ownStem = builder.TermQuery(new SearchTerm("lamaru", false), ["id"], reader, null, out _)!;
        var (_, _, broad) = builder.Build(SearchQueryParser.Parse("banjir lamaru"), ["id"], reader);
        var (_, _, narrow) = builder.Build(SearchQueryParser.Parse("lamaru"), ["id"], reader);

        // Then the common word leaves out the words-as-written fields, at the stems' own weight
        Assert.DoesNotContain(IndexFields.BodyForms("id"), common.ToString(), StringComparison.Ordinal);
        Assert.Contains(IndexFields.Body("id") + ":banjir", common.ToString(), StringComparison.Ordinal);
        Assert.Equal(1f, StemsOf(common).Boost);
        // And the rare affixed word keeps them beside its stem
        Assert.Contains(IndexFields.BodyForms("id") + ":pengungsian", affixed.ToString(), StringComparison.Ordinal);
        Assert.Contains(IndexFields.Body("id") + ":ungsi", affixed.ToString(), StringComparison.Ordinal);
        // And the rare word that is its own stem, which the form fields do not hold, weighs its stems as stems and form together
        Assert.DoesNotContain(IndexFields.BodyForms("id"), ownStem.ToString(), StringComparison.Ordinal);
        Assert.Contains(IndexFields.Body("id") + ":lamaru", ownStem.ToString(), StringComparison.Ordinal);
        Assert.Equal(1 + LuceneQueryBuilder.FormBoost, StemsOf(ownStem).Boost);
        // And a query holding the common word is broad (scored on several cores in a large index), one of the rare word alone is not
        Assert.True(isCommon);
        Assert.False(isRare);
        Assert.True(broad);
        Assert.False(narrow);
    }

    /// <summary>The one bucket's stems clause of a word's query (title and body).</summary>
    private static global::Lucene.Net.Search.Query StemsOf(global::Lucene.Net.Search.Query word) =>
        Assert.Single(((global::Lucene.Net.Search.BooleanQuery)word).Clauses).Query;

    [Fact]
    public async Task Should_leave_out_an_alias_phrase_holding_a_common_word_searched_for_and_find_the_same_articles()
    {
        // Given an index whose bodies hold "amerika" in enough articles to be common
        using var directory = new global::Lucene.Net.Store.RAMDirectory();
        using (var writer = new global::Lucene.Net.Index.IndexWriter(directory, new global::Lucene.Net.Index.IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, AnalyzedTerms.PlainAnalyzer)))
        {
            for (var i = 0; i < LuceneQueryBuilder.CommonWordArticles; i++)
            {
                var body = i % 2 == 0 ? "amerika serikat" : "amerika";
                writer.AddDocument(new global::Lucene.Net.Documents.Document { new global::Lucene.Net.Documents.TextField(IndexFields.Body("id"), body, global::Lucene.Net.Documents.Field.Store.NO) });
            }
        }
        using var reader = global::Lucene.Net.Index.DirectoryReader.Open(directory);
        var builder = new LuceneQueryBuilder(Analyzers.Default);

        // When "Amerika" is searched there and without an index to tell common words, and the alias phrase "Amerika Serikat" as typed
        var (common, _, _) = builder.Build(SearchQueryParser.Parse("Amerika"), ["id"], reader);
        var (unknown, _, _) = builder.Build(SearchQueryParser.Parse("Amerika"), ["id"]);
        var (typed, _, _) = builder.Build(SearchQueryParser.Parse("\"Amerika Serikat\""), ["id"], reader);

        // Then the common word's query holds no phrase of "amerika serikat" (its matches are the word's own); the others keep it
        Assert.DoesNotContain("\"amerika serikat\"", common.ToString(), StringComparison.Ordinal);
        Assert.Contains(IndexFields.Body("id") + ":amerika", common.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"amerika serikat\"", unknown.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"amerika serikat\"", typed.ToString(), StringComparison.Ordinal);

        // And a search over reports naming the country each way finds every one of them
        using var warta = LuceneSearchIndex.BuildInMemory(
        [
            (Report("us1", "Kunjungan ke Amerika Serikat", "Presiden berangkat ke Amerika Serikat pekan depan."), "as"),
            (Report("us2", "Tarif impor AS", "AS menaikkan tarif impor baja."), "as"),
            (Report("us3", "Pelajar ke Amerika", "Ratusan pelajar berangkat ke Amerika untuk kuliah."), "as"),
            (Report("x", "Harga cabai naik", "Harga cabai rawit naik di pasar."), "cabai"),
        ], Analyzers.Default);
        var found = await warta.SearchArticlesAsync(SearchQueryParser.Parse("Amerika"), Ct);
        Assert.Equal(["us1", "us2", "us3"], found.Hits.Select(static h => h.ArticleId).Order(StringComparer.Ordinal));
    }

    private static Article Report(string id, string title, string body) => SampleArticles.Make(id, title: title) with { Paragraphs = [body] };
}
