using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Warta.Search.Lucene;

/// <summary>What a hit shows (id, title, outlet, language, date, story), read from doc values rather than stored fields.</summary>
/// <remarks>A stored field is read by decompressing the block of documents it was written in, bodies included: that was
/// most of the time of a top-10 query (`warta bench search`). Doc values are read in place. A segment written before
/// the fields were doc values (<see cref="IndexFields.Format"/> 1) is read from its stored fields.</remarks>
internal sealed class HitValues(IndexSearcher searcher)
{
    /// <summary>The stored fields of a hit in an index of format 1.</summary>
    private static readonly HashSet<string> StoredHitFields =
        [IndexFields.Id, IndexFields.Outlet, IndexFields.Language, IndexFields.Published, IndexFields.Story, .. IndexFields.Buckets.Select(IndexFields.Title)];

    private readonly IList<AtomicReaderContext> _leaves = searcher.IndexReader.Leaves;
    private readonly BytesRef _scratch = new();

    /// <summary>One hit's fields.</summary>
    public readonly record struct Hit(string Id, string Title, string Outlet, string Language, DateTimeOffset? Published, string? Story);

    /// <param name="doc">The document number in the searcher's reader.</param>
    public Hit Get(int doc)
    {
        var leaf = _leaves[ReaderUtil.SubIndex(doc, _leaves)];
        var reader = leaf.AtomicReader;
        var local = doc - leaf.DocBase;
        var ids = reader.GetBinaryDocValues(IndexFields.IdValues);
        if (ids is null) return ArticleDocuments.FromStored(searcher.Doc(doc, StoredHitFields));
        var id = Binary(ids, local)!;
        var title = Binary(reader.GetBinaryDocValues(IndexFields.TitleValues), local) ?? "";
        var outlet = Sorted(reader.GetSortedDocValues(IndexFields.OutletValues), local) ?? "";
        var language = Sorted(reader.GetSortedDocValues(IndexFields.LanguageValues), local) ?? "und";
        var published = ArticleDocuments.ParsePublished(Binary(reader.GetBinaryDocValues(IndexFields.PublishedValues), local));
        var story = Sorted(reader.GetSortedDocValues(IndexFields.StoryValues), local);
        return new Hit(id, title, outlet, language, published, story);
    }

    /// <summary>The stored body of a hit in the field of its bucket, for its snippet: an index in memory stores it (the store's
    /// index does not, and reads it from the store).</summary>
    public string Body(int doc, string bucket)
    {
        var field = IndexFields.Body(bucket);
        return searcher.Doc(doc, new HashSet<string> { field }).Get(field, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private string? Binary(BinaryDocValues? values, int doc)
    {
        if (values is null) return null;
        values.Get(doc, _scratch);
        // A document without the field reads as empty (an undated article's date).
        return _scratch.Length == 0 ? null : _scratch.Utf8ToString();
    }

    private string? Sorted(SortedDocValues? values, int doc)
    {
        if (values is null) return null;
        var ord = values.GetOrd(doc);
        if (ord < 0) return null;
        values.LookupOrd(ord, _scratch);
        return _scratch.Utf8ToString();
    }
}
