using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Warta.Core.Model;
using Warta.Testing;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class ArticleDocumentsTests
{
    [Fact]
    public void Should_index_the_same_terms_positions_and_lengths_from_one_analysis_as_from_the_analyzer()
    {
        // Given the sample corpus (Indonesian and English articles) and two articles of another language, each indexed
        // once through the writer's analyzer (every field's text analysed by the tokenizer) and once from terms analysed
        // when the document is made
        List<Article> articles =
        [
            .. SampleCorpus.Articles(),
            SampleArticles.Make("fr", title: "Inondations à Paris") with { Language = "fr", Paragraphs = ["La Seine a débordé: 1.200 habitants évacués, l'école fermée."] },
            SampleArticles.Make("empty", title: "Kosong") with { Paragraphs = [] },
        ];
        using var byAnalyzer = Index(articles, analyzeFirst: false);
        using var analysedFirst = Index(articles, analyzeFirst: true);
        using var expected = DirectoryReader.Open(byAnalyzer);
        using var actual = DirectoryReader.Open(analysedFirst);

        // Then both hold the same fields, and in each the same terms in the same documents at the same positions
        var fields = MultiFields.GetFields(expected);
        var actualFields = MultiFields.GetFields(actual);
        Assert.Equal(fields.OrderBy(static f => f, StringComparer.Ordinal), actualFields.OrderBy(static f => f, StringComparer.Ordinal));
        var postings = 0;
        foreach (var field in fields)
        {
            var expectedTerms = fields.GetTerms(field).GetEnumerator();
            var actualTerms = actualFields.GetTerms(field).GetEnumerator();
            while (expectedTerms.MoveNext())
            {
                Assert.True(actualTerms.MoveNext(), $"{field}: {expectedTerms.Term.Utf8ToString()} missing");
                Assert.Equal(expectedTerms.Term.Utf8ToString(), actualTerms.Term.Utf8ToString());
                Assert.Equal(expectedTerms.DocFreq, actualTerms.DocFreq);
                Assert.Equal(expectedTerms.TotalTermFreq, actualTerms.TotalTermFreq);
                var expectedDocs = expectedTerms.DocsAndPositions(null, null);
                var actualDocs = actualTerms.DocsAndPositions(null, null);
                if (expectedDocs is null)
                {
                    Assert.Null(actualDocs);
                    continue;
                }
                while (expectedDocs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(expectedDocs.DocID, actualDocs!.NextDoc());
                    Assert.Equal(expectedDocs.Freq, actualDocs.Freq);
                    for (var i = 0; i < expectedDocs.Freq; i++) Assert.Equal(expectedDocs.NextPosition(), actualDocs.NextPosition());
                    postings++;
                }
                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, actualDocs!.NextDoc());
            }
            Assert.False(actualTerms.MoveNext(), $"{field}: more terms");
        }
        Assert.True(postings > 1000, $"only {postings} postings compared");

        // And the same field lengths (BM25's norms) and stored fields, but for the body: an index in memory stores it, the
        // store's index reads it from the store
        foreach (var field in fields)
        {
            var expectedNorms = MultiDocValues.GetNormValues(expected, field);
            var actualNorms = MultiDocValues.GetNormValues(actual, field);
            Assert.Equal(expectedNorms is null, actualNorms is null);
            for (var doc = 0; expectedNorms is not null && doc < expected.MaxDoc; doc++) Assert.Equal(expectedNorms.Get(doc), actualNorms!.Get(doc));
        }
        for (var doc = 0; doc < expected.MaxDoc; doc++)
        {
            var expectedStored = expected.Document(doc);
            var actualStored = actual.Document(doc);
            Assert.Equal(
                expectedStored.Fields.Where(static f => !f.Name.StartsWith("body.", StringComparison.Ordinal)).Select(static f => (f.Name, f.GetStringValue(System.Globalization.CultureInfo.InvariantCulture))),
                actualStored.Fields.Select(static f => (f.Name, f.GetStringValue(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_index_as_written_only_the_words_that_differ_from_their_stem(bool analyzeFirst)
    {
        // Given an Indonesian article of affixed words and words that are their own stem (a name, "banjir")
        var article = SampleArticles.Make("a", title: "Warga mengungsi") with { Paragraphs = ["Warga Sembung mengungsi karena banjir, pengungsi bertambah."] };

        // When it is indexed
        using var directory = Index([article], analyzeFirst);
        using var reader = DirectoryReader.Open(directory);

        // Then the stem fields hold every word, the form fields only the affixed ones, as written
        Assert.Equal(["banjir", "sembung", "tambah", "ungsi", "warga"], Terms(reader, IndexFields.Body("id")));
        Assert.Equal(["bertambah", "mengungsi", "pengungsi"], Terms(reader, IndexFields.BodyForms("id")));
        Assert.Equal(["ungsi", "warga"], Terms(reader, IndexFields.Title("id")));
        Assert.Equal(["mengungsi"], Terms(reader, IndexFields.TitleForms("id")));
    }

    private static List<string> Terms(IndexReader reader, string field)
    {
        var terms = new List<string>();
        var each = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        while (each?.MoveNext() == true) terms.Add(each.Term.Utf8ToString());
        return terms;
    }

    private static RAMDirectory Index(IEnumerable<Article> articles, bool analyzeFirst)
    {
        var directory = new RAMDirectory();
        using var analyzer = new WartaLuceneAnalyzer(Analyzers.Default);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = IndexScoring.Similarity });
        foreach (var article in articles) writer.AddDocument(ArticleDocuments.Create(article, "s-" + article.Id, analyzer: analyzeFirst ? Analyzers.Default : null));
        writer.Commit();
        return directory;
    }
}
