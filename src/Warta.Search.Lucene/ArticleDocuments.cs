using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Warta.Core.Model;

namespace Warta.Search.Lucene;

/// <summary>An article as a Lucene document, and back to a hit's fields.</summary>
internal static class ArticleDocuments
{
    public static Document Create(Article article, string? storyId)
    {
        var bucket = IndexFields.BucketOf(article.Language);
        var document = new Document
        {
            new StringField(IndexFields.Id, article.Id, Field.Store.YES),
            new BinaryDocValuesField(IndexFields.IdValues, new BytesRef(article.Id)),
            // The body is stored for snippets only. What a hit shows comes from doc values: reading a stored field
            // decompresses the whole block of documents it sits in (bodies included), which was most of a query's time.
            new TextField(IndexFields.Title(bucket), article.Title, Field.Store.NO),
            new BinaryDocValuesField(IndexFields.TitleValues, new BytesRef(article.Title)),
            new TextField(IndexFields.Body(bucket), article.Body, Field.Store.YES),
            new StringField(IndexFields.Outlet, article.Outlet, Field.Store.NO),
            new SortedDocValuesField(IndexFields.OutletValues, new BytesRef(article.Outlet)),
            new StringField(IndexFields.Language, article.Language, Field.Store.NO),
            new SortedDocValuesField(IndexFields.LanguageValues, new BytesRef(article.Language)),
        };
        if (article.Published is { } published)
        {
            document.Add(new BinaryDocValuesField(IndexFields.PublishedValues, new BytesRef(published.Value.ToString("o", CultureInfo.InvariantCulture))));
            var day = IndexFields.DayNumber(published.Value);
            document.Add(new Int32Field(IndexFields.Day, day, Field.Store.NO));
            document.Add(new NumericDocValuesField(IndexFields.DayValues, day));
            document.Add(new NumericDocValuesField(IndexFields.TimeValues, published.Value.ToUnixTimeMilliseconds()));
        }
        else
        {
            document.Add(new NumericDocValuesField(IndexFields.TimeValues, IndexFields.UndatedTime));
        }
        if (storyId is not null)
        {
            document.Add(new StringField(IndexFields.Story, storyId, Field.Store.YES));
            document.Add(new SortedDocValuesField(IndexFields.StoryValues, new BytesRef(storyId)));
        }
        foreach (var entity in article.Annotations.Entities.Select(static e => e.EntityId).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(IndexFields.Entity, entity, Field.Store.NO));
        }
        return document;
    }

    public static Term IdTerm(string articleId) => new(IndexFields.Id, articleId);

    /// <summary>A hit's fields from a stored document: an index written before they were kept as doc values.</summary>
    public static HitValues.Hit FromStored(Document document)
    {
        var language = document.Get(IndexFields.Language, CultureInfo.InvariantCulture) ?? "und";
        return new HitValues.Hit(
            document.Get(IndexFields.Id, CultureInfo.InvariantCulture),
            document.Get(IndexFields.Title(IndexFields.BucketOf(language)), CultureInfo.InvariantCulture) ?? "",
            document.Get(IndexFields.Outlet, CultureInfo.InvariantCulture) ?? "",
            language,
            ParsePublished(document.Get(IndexFields.Published, CultureInfo.InvariantCulture)),
            document.Get(IndexFields.Story, CultureInfo.InvariantCulture));
    }

    public static DateTimeOffset? ParsePublished(string? value) =>
        string.IsNullOrEmpty(value) ? null : DateTimeOffset.ParseExact(value, "o", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
