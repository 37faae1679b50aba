using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>An article as a Lucene document, and back to a hit's fields.</summary>
internal static class ArticleDocuments
{
    // Each indexing thread's untokenised fields, filled anew for every article: a new StringField or Int32Field makes a
    // new token stream, whose attributes Lucene.Net creates under one process-wide lock (the indexing threads of
    // `warta bench search` waited on it). A document is indexed before its thread builds the next, so reuse is safe.
    [ThreadStatic]
    private static ReusedFields? _reused;

    /// <summary>The words-as-written fields: terms and their counts, no positions. They only add to the score of an article
    /// its stems already matched (<see cref="LuceneQueryBuilder.TermQuery"/>), so a phrase is checked on the stems alone;
    /// without positions the two fields cost less to invert, flush and merge.</summary>
    private static readonly FieldType FormType = FrozenFormType();

    /// <param name="article">The article.</param>
    /// <param name="storyId">The story it is placed in; null: none.</param>
    /// <param name="forms">Whether the words as written are indexed beside the stems (not for the plain baseline, which stems nothing).</param>
    /// <param name="analyzer">The process's text analysis: title and body are analysed here, once each, and their stem and
    /// form fields read the same terms (<see cref="AnalyzedTokenStream"/>). Null: the writer's analyzer analyses each field's text.</param>
    public static Document Create(Article article, string? storyId, bool forms = true, ITextAnalyzer? analyzer = null)
    {
        var fields = _reused ??= new ReusedFields();
        var bucket = IndexFields.BucketOf(article.Language);
        fields.Id.SetStringValue(article.Id);
        fields.IdValues.SetBytesValue(new BytesRef(article.Id));
        fields.TitleValues.SetBytesValue(new BytesRef(article.Title));
        fields.Outlet.SetStringValue(article.Outlet);
        fields.OutletValues.SetBytesValue(new BytesRef(article.Outlet));
        fields.Language.SetStringValue(article.Language);
        fields.LanguageValues.SetBytesValue(new BytesRef(article.Language));
        var document = new Document { fields.Id, fields.IdValues, fields.TitleValues };
        // Joined from the paragraphs at every read: read once.
        var bodyText = article.Body;
        // What a hit shows comes from doc values: reading a stored field decompresses the whole block of documents it sits
        // in, which was most of a query's time. The store's index does not store the body either: a snippet reads it from
        // the store (LuceneSearchIndex), so a fill does not compress and write every text a second time.
        if (analyzer is not null && forms)
        {
            // The same fields, terms and positions as below (AnalyzedTokenStream), from one analysis of each text.
            var text = fields.TextFields(bucket);
            var title = AnalyzedTerms.Of(analyzer, article.Title, bucket, text.TitleTerms);
            text.TitleStems.Set(title, article.Title.Length);
            text.TitleForms.Set(title, article.Title.Length);
            var body = AnalyzedTerms.Of(analyzer, bodyText, bucket, text.BodyTerms);
            text.BodyStems.Set(body, bodyText.Length);
            text.BodyForms.Set(body, bodyText.Length);
            document.Add(text.Title);
            document.Add(text.TitleFormsField);
            document.Add(text.Body);
            document.Add(text.BodyFormsField);
        }
        else
        {
            // An index in memory (evaluation) has no store to read a snippet's body from: it stores the body.
            document.Add(new TextField(IndexFields.Title(bucket), article.Title, Field.Store.NO));
            // Each form field right after its stem field: the tokenizer reuses the analysis it just made of the same text.
            if (forms) document.Add(new Field(IndexFields.TitleForms(bucket), article.Title, FormType));
            document.Add(new TextField(IndexFields.Body(bucket), bodyText, Field.Store.YES));
            if (forms) document.Add(new Field(IndexFields.BodyForms(bucket), bodyText, FormType));
        }
        document.Add(fields.Outlet);
        document.Add(fields.OutletValues);
        document.Add(fields.Language);
        document.Add(fields.LanguageValues);
        if (article.Published is { } published)
        {
            fields.PublishedValues.SetBytesValue(new BytesRef(published.Value.ToString("o", CultureInfo.InvariantCulture)));
            var day = IndexFields.DayNumber(published.Value);
            fields.Day.SetInt32Value(day);
            fields.DayValues.SetInt64Value(day);
            fields.TimeValues.SetInt64Value(published.Value.ToUnixTimeMilliseconds());
            document.Add(fields.PublishedValues);
            document.Add(fields.Day);
            document.Add(fields.DayValues);
        }
        else
        {
            fields.TimeValues.SetInt64Value(IndexFields.UndatedTime);
        }
        document.Add(fields.TimeValues);
        if (storyId is not null)
        {
            fields.Story.SetStringValue(storyId);
            fields.StoryValues.SetBytesValue(new BytesRef(storyId));
            document.Add(fields.Story);
            document.Add(fields.StoryValues);
        }
        var entities = 0;
        foreach (var entity in article.Annotations.Entities.Select(static e => e.EntityId).Distinct(StringComparer.Ordinal))
        {
            if (entities == fields.Entities.Count) fields.Entities.Add(new StringField(IndexFields.Entity, "", Field.Store.NO));
            var field = fields.Entities[entities++];
            field.SetStringValue(entity);
            document.Add(field);
        }
        return document;
    }

    private static FieldType FrozenFormType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        return type;
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

    private sealed class ReusedFields
    {
        public StringField Id { get; } = new(IndexFields.Id, "", Field.Store.YES);
        public BinaryDocValuesField IdValues { get; } = new(IndexFields.IdValues, new BytesRef());
        public BinaryDocValuesField TitleValues { get; } = new(IndexFields.TitleValues, new BytesRef());
        public StringField Outlet { get; } = new(IndexFields.Outlet, "", Field.Store.NO);
        public SortedDocValuesField OutletValues { get; } = new(IndexFields.OutletValues, new BytesRef());
        public StringField Language { get; } = new(IndexFields.Language, "", Field.Store.NO);
        public SortedDocValuesField LanguageValues { get; } = new(IndexFields.LanguageValues, new BytesRef());
        public BinaryDocValuesField PublishedValues { get; } = new(IndexFields.PublishedValues, new BytesRef());
        public Int32Field Day { get; } = new(IndexFields.Day, 0, Field.Store.NO);
        public NumericDocValuesField DayValues { get; } = new(IndexFields.DayValues, 0);
        public NumericDocValuesField TimeValues { get; } = new(IndexFields.TimeValues, 0);
        public StringField Story { get; } = new(IndexFields.Story, "", Field.Store.YES);
        public SortedDocValuesField StoryValues { get; } = new(IndexFields.StoryValues, new BytesRef());
        public List<StringField> Entities { get; } = [];

        private readonly Dictionary<string, AnalyzedFields> _text = new(StringComparer.Ordinal);

        /// <summary>The title and body fields of one analysis bucket (field names differ by bucket).</summary>
        public AnalyzedFields TextFields(string bucket)
        {
            if (!_text.TryGetValue(bucket, out var fields)) _text.Add(bucket, fields = new AnalyzedFields(bucket));
            return fields;
        }
    }

    /// <summary>A bucket's title and body fields over pre-analysed terms, reused article after article by one thread.</summary>
    private sealed class AnalyzedFields
    {
        public AnalyzedFields(string bucket)
        {
            Title = new Field(IndexFields.Title(bucket), TitleStems, TextField.TYPE_NOT_STORED);
            TitleFormsField = new Field(IndexFields.TitleForms(bucket), TitleForms, FormType);
            Body = new Field(IndexFields.Body(bucket), BodyStems, TextField.TYPE_NOT_STORED);
            BodyFormsField = new Field(IndexFields.BodyForms(bucket), BodyForms, FormType);
        }

        /// <summary>The title's and body's terms, refilled for every article (its fields' streams read them).</summary>
        public List<IndexedTerm> TitleTerms { get; } = [];

        public List<IndexedTerm> BodyTerms { get; } = [];

        public AnalyzedTokenStream TitleStems { get; } = new(forms: false);
        public AnalyzedTokenStream TitleForms { get; } = new(forms: true);
        public AnalyzedTokenStream BodyStems { get; } = new(forms: false);
        public AnalyzedTokenStream BodyForms { get; } = new(forms: true);
        public Field Title { get; }
        public Field TitleFormsField { get; }
        public Field Body { get; }
        public Field BodyFormsField { get; }
    }
}
