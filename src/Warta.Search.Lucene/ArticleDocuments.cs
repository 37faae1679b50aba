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
            // Title and body are stored for snippets and hits, so a search needs nothing from the store.
            new TextField(IndexFields.Title(bucket), article.Title, Field.Store.YES),
            new TextField(IndexFields.Body(bucket), article.Body, Field.Store.YES),
            new StringField(IndexFields.Outlet, article.Outlet, Field.Store.YES),
            new SortedDocValuesField(IndexFields.OutletValues, new BytesRef(article.Outlet)),
            new StringField(IndexFields.Language, article.Language, Field.Store.YES),
        };
        if (article.Published is { } published)
        {
            document.Add(new StoredField(IndexFields.Published, published.Value.ToString("o", CultureInfo.InvariantCulture)));
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

    public static DateTimeOffset? Published(Document document) =>
        document.Get(IndexFields.Published, CultureInfo.InvariantCulture) is { } value
            ? DateTimeOffset.ParseExact(value, "o", CultureInfo.InvariantCulture, DateTimeStyles.None)
            : null;

    public static string Title(Document document) => document.Get(IndexFields.Title(Bucket(document)), CultureInfo.InvariantCulture) ?? "";

    public static string Bucket(Document document) => IndexFields.BucketOf(document.Get(IndexFields.Language, CultureInfo.InvariantCulture) ?? "und");
}
