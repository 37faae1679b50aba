using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The fields of an article's Lucene document, and the analysis bucket of a language.</summary>
/// <remarks>Title and body are indexed in one field per analysis bucket (<c>body.id</c>, <c>body.en</c>, <c>body.und</c>),
/// so each article is analysed as its own language and a query term is analysed once per bucket and looked up there. Beside
/// each, a field of the words as written that differ from their stems (<c>title.form.id</c>, <c>body.form.id</c>) lets the
/// exact form score above a shared stem.</remarks>
internal static class IndexFields
{
    public const string Id = "id";
    public const string IdValues = "id.dv";
    public const string TitleValues = "title.dv";
    public const string LanguageValues = "lang.dv";
    public const string PublishedValues = "published.dv";
    public const string Outlet = "outlet";
    public const string OutletValues = "outlet.dv";
    public const string Language = "lang";
    public const string Published = "published";
    public const string Day = "day";
    public const string DayValues = "day.dv";
    public const string TimeValues = "time.dv";
    public const string Story = "story";
    public const string StoryValues = "story.dv";
    public const string Entity = "entity";

    /// <summary>The key of the commit user data holding the last store change the index holds.</summary>
    public const string SequenceKey = "warta.sequence";

    /// <summary>The key of the commit user data holding <see cref="Format"/>.</summary>
    public const string FormatKey = "warta.format";

    /// <summary>The version of the documents' layout: a writer opening an index of another layout empties it and indexes
    /// the store again (2: hit fields as doc values, titles no longer stored; 3: the form fields hold only the words that
    /// differ from their stem).</summary>
    public const string Format = "3";

    /// <summary>The analysis buckets: Indonesian, English and everything else (normalised, not stemmed).</summary>
    public static readonly string[] Buckets = ["id", "en", "und"];

    /// <summary>Sorts undated articles after every dated one when newest come first.</summary>
    public const long UndatedTime = long.MinValue;

    public static string BucketOf(string language) => language is "id" or "en" ? language : "und";

    public static string Title(string bucket) => "title." + bucket;

    public static string Body(string bucket) => "body." + bucket;

    /// <summary>The title's words as written (case-folded, not stemmed), beside its stems in <see cref="Title"/>.</summary>
    public static string TitleForms(string bucket) => "title.form." + bucket;

    /// <summary>The body's words as written (case-folded, not stemmed), beside its stems in <see cref="Body"/>.</summary>
    public static string BodyForms(string bucket) => "body.form." + bucket;

    /// <summary>The bucket a title/body field is analysed as; null for the other fields.</summary>
    public static string? BucketOfField(string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return null;
        var prefix = field[..dot];
        return prefix is "title" or "body" ? field[(field.LastIndexOf('.') + 1)..] : null;
    }

    /// <summary>True when a term's word as written differs from its stem, so it is indexed in the form field too.</summary>
    /// <remarks>A word that is its own stem (<c>banjir</c>, most names) would put the same term in both fields: its form's
    /// match is its stem's, and the query weighs that stem as the form would have been weighed
    /// (<see cref="LuceneQueryBuilder.TermQuery"/>). Inverting every word twice was a third of the CPU time of filling an
    /// index (<c>warta bench search --index-only</c>, 200,000 articles: 4,544 articles/s with both fields whole, 6,453 without forms).</remarks>
    public static bool HasOwnForm(IndexedTerm term) => term.Form is not null && !string.Equals(term.Form, term.Text, StringComparison.Ordinal);

    /// <summary>True for the fields of words as written (<see cref="TitleForms"/>, <see cref="BodyForms"/>).</summary>
    public static bool IsFormField(string field) => field.Contains(".form.", StringComparison.Ordinal);

    /// <summary>Days since 0001-01-01 of the article's own date (at its outlet's offset), the unit of date filters and counts.</summary>
    public static int DayNumber(DateTimeOffset published) => DateOnly.FromDateTime(published.DateTime).DayNumber;

    /// <summary>The analysis language <see cref="ITextAnalyzer"/> is given for a bucket (unknown codes are normalised only).</summary>
    public static string AnalysisLanguage(string bucket) => bucket;
}
