using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class RelevanceCollectorTests
{
    private static readonly string[] Sentences =
    [
        "banjir merendam rumah warga",
        "banjir banjir merendam sawah",
        "warga mengungsi karena banjir di desa",
        "harga cabai naik setelah banjir",
        "posko pengungsi dibuka",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(50)]
    public void Should_rank_as_the_field_sort_on_score_then_newest_does_ties_included(int size)
    {
        // Given an index of several segments where many documents score the same and some share a time too
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new global::Lucene.Net.Analysis.Core.WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = IndexScoring.Similarity,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        }))
        {
            var random = new Random(7);
            for (var i = 0; i < 400; i++)
            {
                var title = Sentences[random.Next(Sentences.Length)];
                var body = Sentences[random.Next(Sentences.Length)] + " " + Sentences[random.Next(Sentences.Length)];
                var document = new Document
                {
                    new TextField("title", title, Field.Store.NO),
                    new TextField("body", body, Field.Store.NO),
                };
                // Every fourth document has no time (an undated article); the others fall on one of a few days.
                if (i % 4 != 0) document.Add(new NumericDocValuesField(IndexFields.TimeValues, random.Next(3) * 86_400_000L));
                writer.AddDocument(document);
                if (i % 97 == 96) writer.Commit();
            }
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("title", "banjir")) { Boost = 2 }, Occur.SHOULD },
            { new TermQuery(new Term("body", "banjir")), Occur.SHOULD },
        };
        var sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.TimeValues, SortFieldType.INT64, true));

        // When the top documents are collected both ways
        var expected = searcher.Search(query, null, size, sort, true, false);
        var collector = new RelevanceCollector(size);
        searcher.Search(query, collector);
        var actual = collector.TopDocs();

        // Then the same documents come in the same order with the same scores and total
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Doc), actual.ScoreDocs.Select(static d => d.Doc));
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Score), actual.ScoreDocs.Select(static d => d.Score));
        Assert.True(actual.ScoreDocs.Length == Math.Min(size, actual.TotalHits));
    }

    [Theory]
    [InlineData(2, false, false)]
    [InlineData(3, false, true)]
    [InlineData(2, true, false)]
    [InlineData(5, true, true)]
    public void Should_find_the_same_hits_when_the_documents_are_scored_in_parts_side_by_side(int slices, bool conjunction, bool filtered)
    {
        // Given an index of several segments of unequal size, some documents deleted
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new global::Lucene.Net.Analysis.Core.WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = IndexScoring.Similarity,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        }))
        {
            var random = new Random(11);
            for (var i = 0; i < 900; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("key", "d" + i, Field.Store.NO),
                    new StringField("outlet", i % 3 == 0 ? "kompas.com" : "detik.com", Field.Store.NO),
                    new TextField("title", Sentences[random.Next(Sentences.Length)], Field.Store.NO),
                    new TextField("body", Sentences[random.Next(Sentences.Length)] + " " + Sentences[random.Next(Sentences.Length)], Field.Store.NO),
                    new NumericDocValuesField(IndexFields.TimeValues, random.Next(3) * 86_400_000L),
                });
                if (i is 40 or 500 or 610) writer.Commit();
            }
            for (var i = 0; i < 900; i += 7) writer.DeleteDocuments(new Term("key", "d" + i));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count >= 4);
        var searcher = new IndexSearcher(reader) { Similarity = IndexScoring.Similarity };
        Query query = conjunction
            ? new BooleanQuery { { new TermQuery(new Term("body", "banjir")), Occur.MUST }, { new TermQuery(new Term("title", "warga")), Occur.SHOULD } }
            : new BooleanQuery { { new TermQuery(new Term("title", "banjir")) { Boost = 2 }, Occur.SHOULD }, { new TermQuery(new Term("body", "banjir")), Occur.SHOULD } };
        var filter = filtered ? new QueryWrapperFilter(new TermQuery(new Term("outlet", "kompas.com"))) : null;

        // When the top hits are collected by one collector and in parts
        var one = new RelevanceCollector(20);
        searcher.Search(query, filter, one);
        var expected = one.TopDocs();
        var actual = RelevanceCollector.Search(searcher, query, filter, 20, slices);

        // Then both find the same documents, in the same order, with the same scores and total
        Assert.True(expected.TotalHits > 20);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Doc), actual.ScoreDocs.Select(static d => d.Doc));
        Assert.Equal(expected.ScoreDocs.Select(static d => d.Score), actual.ScoreDocs.Select(static d => d.Score));
    }
}
