namespace Warta.Core.Model;

/// <summary>A cleaned news report with its extracted metadata; the unit every later stage works on.</summary>
/// <remarks>
/// <see cref="Id"/> is derived from the normalised content (see <c>ArticleId</c>), so the same report ingested twice
/// gets the same id. <see cref="Provenance"/> names, for every extracted field, the signal it came from
/// (e.g. <c>outlet: dateline</c>, <c>published: date-line</c>).
/// </remarks>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Normalised outlet key, lower-case host-like form such as <c>rakyatku.com</c> or <c>tirto.id</c>; empty when unknown.</summary>
    public required string Outlet { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public PublicationTime? Published { get; init; }
    /// <summary>ISO 639-1 code (<c>id</c>, <c>en</c>, …); <c>und</c> when undetermined.</summary>
    public string Language { get; init; } = "und";
    /// <summary>Clean body paragraphs in reading order; the text inside each is otherwise untouched.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? Url { get; init; }
    /// <summary>The article of the same page's previous revision, when the reader knows this one is that page fetched again with changed text (<c>DocumentHints.Revises</c>); not stored with the article: the placer records it as superseded.</summary>
    public string? Revises { get; init; }
    /// <summary>Where the article was read from: a file path, plus <c>#line</c> or <c>#record</c> for multi-record files.</summary>
    public required string Source { get; init; }
    /// <summary>Field name → signal it was taken from, e.g. <c>title → title-line</c>.</summary>
    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new Dictionary<string, string>();
    /// <summary>Entities, temporal expressions and quotes found in <see cref="Body"/>; empty until extraction runs.</summary>
    public ArticleAnnotations Annotations { get; init; } = ArticleAnnotations.Empty;

    /// <summary>The body as one string, paragraphs separated by a blank line; annotation offsets point into this.</summary>
    public string Body => string.Join("\n\n", Paragraphs);
}
