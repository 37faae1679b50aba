using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Warta.Search.Lucene.Tests;

/// <summary>Writes an index as the first layout did (every hit field stored, no doc values for them, no format in the commit).</summary>
internal static class OlderLayoutIndex
{
    public static void Write(string folder, string articleId, string title, long sequence)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer));
        writer.AddDocument(new Document
        {
            new StringField("id", articleId, Field.Store.YES),
            new TextField("title.id", title, Field.Store.YES),
            new TextField("body.id", "Hujan deras mengguyur kota sejak pagi.", Field.Store.YES),
            new StringField("outlet", "tirto.id", Field.Store.YES),
            new StringField("lang", "id", Field.Store.YES),
            new StoredField("published", "2025-03-01T08:00:00.0000000+07:00"),
            new StringField("story", "s-1", Field.Store.YES),
            new SortedDocValuesField("story.dv", new BytesRef("s-1")),
            new NumericDocValuesField("time.dv", DateTimeOffset.Parse("2025-03-01T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()),
        });
        writer.SetCommitData(new Dictionary<string, string> { ["warta.sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        writer.Commit();
    }
}
