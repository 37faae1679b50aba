using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class DisjunctionTopTests
{
    private static readonly string[] Words = ["banjir", "warga", "desa", "sungai", "hujan", "pengungsi", "posko", "tanggul", "air", "jalan"];

    [Theory]
    [InlineData(1, 1, false, 0.08)]
    [InlineData(10, 1, false, 0.08)]
    [InlineData(10, 2, false, 0.08)]
    [InlineData(10, 3, true, 0.08)]
    [InlineData(50, 2, true, 0.08)]
    [InlineData(50, 1, false, 0.004)]
    [InlineData(100, 2, true, 0.004)]
    public void Should_find_what_the_disjunction_finds_while_scoring_fewer_documents(int size, int slices, bool deletions, double titles)
    {
        // Given several segments where the word is in most bodies and in some titles (few enough, in some cases, that
        // articles with it in the body only are among the best), texts of every length, ties in time
        using var directory = BuildIndex(deletions, titles: titles);
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count >= 4);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("title", "banjir")) { Boost = 2 }, Occur.SHOULD },
            { new TermQuery(new Term("body", "banjir")), Occur.SHOULD },
        };
        query.Boost = 1.5f;

        // When the top hits are collected by Lucene's disjunction and by the plan
        var (expected, actual) = BothWays(searcher, query, size, slices);

        // Then the same documents come in the same order with the same scores and the same total
        Assert.True(expected.TotalHits > 1000);
        AssertSame(expected, actual);
    }

    [Fact]
    public void Should_count_the_body_only_documents_without_scoring_them()
    {
        // Given one segment without deletions
        using var directory = BuildIndex(deletions: false, segments: false);
        using var reader = DirectoryReader.Open(directory);
        var leaf = Assert.Single(reader.Leaves);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("title", "banjir")) { Boost = 2 }, Occur.SHOULD },
            { new TermQuery(new Term("body", "banjir")), Occur.SHOULD },
        };
        var plan = DisjunctionTop.For(searcher, query)!;

        // When the plan collects its top 10
        var collector = new RelevanceCollector(10);
        collector.SetNextReader(leaf);
        plan.Collect(leaf, collector);

        // Then every match is counted, the disjunction's best 10 are kept, and most body-only matches were never scored
        var one = new RelevanceCollector(10);
        searcher.Search(query, one);
        var expected = one.TopDocs();
        var actual = collector.TopDocs();
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Doc), actual.ScoreDocs.Select(static d => d.Doc));
        Assert.True(collector.Scored < actual.TotalHits / 2, $"{collector.Scored} of {actual.TotalHits} scored");
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(10, 1, false)]
    [InlineData(10, 2, true)]
    [InlineData(50, 3, false)]
    [InlineData(100, 2, true)]
    public void Should_find_what_lucene_finds_for_a_word_with_its_aliases_and_phrases(int size, int slices, bool deletions)
    {
        // Given a query shaped as a common word's with aliases: its title and body terms, an alias's two terms under a name
        // boost, an alias required in title or body with a word optional beside it, a phrase, and a lone term
        using var directory = BuildIndex(deletions);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        var alias = new BooleanQuery
        {
            { new TermQuery(new Term("title", "warga")) { Boost = 2 }, Occur.SHOULD },
            { new TermQuery(new Term("body", "warga")), Occur.SHOULD },
        };
        alias.Boost = 1.5f;
        var required = new BooleanQuery
        {
            { new BooleanQuery { { new TermQuery(new Term("title", "posko")) { Boost = 2 }, Occur.SHOULD }, { new TermQuery(new Term("body", "posko")), Occur.SHOULD } }, Occur.MUST },
            { new TermQuery(new Term("body", "desa")), Occur.SHOULD },
        };
        required.Boost = 1.5f;
        var query = new BooleanQuery
        {
            { new BooleanQuery { { new TermQuery(new Term("title", "banjir")) { Boost = 2 }, Occur.SHOULD }, { new TermQuery(new Term("body", "banjir")), Occur.SHOULD } }, Occur.SHOULD },
            { alias, Occur.SHOULD },
            { required, Occur.SHOULD },
            { new PhraseQuery { new Term("body", "hujan"), new Term("body", "air") }, Occur.SHOULD },
            { new TermQuery(new Term("title", "sungai")) { Boost = 3 }, Occur.SHOULD },
        };

        // When the top hits are collected by Lucene and by the plan
        var (expected, actual) = BothWays(searcher, query, size, slices);

        // Then the same documents come in the same order with the same scores and the same total
        Assert.True(expected.TotalHits > 2000);
        AssertSame(expected, actual);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(40, true)]
    public void Should_find_what_lucene_finds_for_a_common_word_in_two_languages(int size, bool deletions)
    {
        // Given one word's title and body terms in two analysis buckets' fields (an index of Indonesian and English articles)
        using var directory = BuildIndex(deletions);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        var query = new BooleanQuery
        {
            { new BooleanQuery { { new TermQuery(new Term("title", "banjir")) { Boost = 2 }, Occur.SHOULD }, { new TermQuery(new Term("body", "banjir")), Occur.SHOULD } }, Occur.SHOULD },
            { new BooleanQuery { { new TermQuery(new Term("title", "air")) { Boost = 2 }, Occur.SHOULD }, { new TermQuery(new Term("body", "air")), Occur.SHOULD } }, Occur.SHOULD },
        };

        // When the top hits are collected by Lucene and by the plan, Then they are the same
        var (expected, actual) = BothWays(searcher, query, size, 2);
        AssertSame(expected, actual);
    }

    [Fact]
    public void Should_leave_other_queries_to_lucene()
    {
        using var directory = BuildIndex(deletions: false, segments: false);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        var two = new BooleanQuery
        {
            { new TermQuery(new Term("title", "banjir")), Occur.SHOULD },
            { new TermQuery(new Term("body", "banjir")), Occur.SHOULD },
        };
        var required = new BooleanQuery
        {
            { new TermQuery(new Term("title", "banjir")), Occur.MUST },
            { new TermQuery(new Term("body", "banjir")), Occur.SHOULD },
        };
        var oneTerm = new BooleanQuery
        {
            { new PhraseQuery { new Term("body", "banjir"), new Term("body", "warga") }, Occur.SHOULD },
            { new TermQuery(new Term("title", "banjir")), Occur.SHOULD },
        };
        var boosted = new BooleanQuery
        {
            { new PhraseQuery { new Term("body", "banjir"), new Term("body", "warga") }, Occur.SHOULD },
            { new TermQuery(new Term("title", "banjir")), Occur.SHOULD },
            { new TermQuery(new Term("body", "banjir")), Occur.SHOULD },
        };
        boosted.Boost = 2;
        Assert.NotNull(DisjunctionTop.For(searcher, two));
        Assert.Null(DisjunctionTop.For(searcher, required));
        Assert.Null(DisjunctionTop.For(searcher, oneTerm));
        Assert.Null(DisjunctionTop.For(searcher, boosted));
        Assert.Null(DisjunctionTop.For(new IndexSearcher(reader), two));
    }

    /// <summary>The top hits by Lucene's own scorers and by the plan (which must take the query).</summary>
    private static (TopDocs Expected, TopDocs Actual) BothWays(IndexSearcher searcher, Query query, int size, int slices)
    {
        var one = new RelevanceCollector(size);
        searcher.Search(query, one);
        Assert.NotNull(DisjunctionTop.For(searcher, query));
        return (one.TopDocs(), RelevanceCollector.Search(searcher, query, null, size, slices));
    }

    private static void AssertSame(TopDocs expected, TopDocs actual)
    {
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Doc), actual.ScoreDocs.Select(static d => d.Doc));
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Score), actual.ScoreDocs.Select(static d => d.Score));
    }

    private static RAMDirectory BuildIndex(bool deletions, bool segments = true, double titles = 0.08)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new global::Lucene.Net.Analysis.Core.WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = IndexScoring.Similarity,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
        var random = new Random(23);
        for (var i = 0; i < 3000; i++)
        {
            // The word in 80 % of bodies, up to four times, and in a share of titles; bodies of 3 to 60 words.
            var body = Enumerable.Range(0, random.Next(3, 60)).Select(_ => Words[1 + random.Next(Words.Length - 1)]).ToList();
            if (random.NextDouble() < 0.8)
            {
                for (var k = random.Next(1, 5); k > 0; k--) body.Insert(random.Next(body.Count), "banjir");
            }
            var title = string.Join(' ', Enumerable.Range(0, random.Next(2, 9)).Select(_ => Words[1 + random.Next(Words.Length - 1)]));
            if (random.NextDouble() < titles) title += " banjir";
            writer.AddDocument(new Document
            {
                new StringField("key", "d" + i, Field.Store.NO),
                new TextField("title", title, Field.Store.NO),
                new TextField("body", string.Join(' ', body), Field.Store.NO),
                new NumericDocValuesField(IndexFields.TimeValues, random.Next(4) * 86_400_000L),
            });
            if (segments && i % 700 == 699) writer.Commit();
        }
        // Deletions in one segment only: the others are scored by the plan, that one by Lucene.
        if (deletions)
        {
            for (var i = 710; i < 1300; i += 5) writer.DeleteDocuments(new Term("key", "d" + i));
        }
        writer.Commit();
        return directory;
    }
}
