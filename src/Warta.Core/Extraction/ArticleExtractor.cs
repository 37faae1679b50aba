using Warta.Core.Model;

namespace Warta.Core.Extraction;

/// <summary>Builds an <see cref="Article"/> from a reader's fields: cleans the body, then fills each field from the strongest signal and records it in the provenance.</summary>
/// <remarks>
/// Precedence: a field given by the record or page metadata, then the page's own lines (title line, date line, byline),
/// then the URL host, the dateline and a promo line for the outlet, the URL path's day for the publication day, and last
/// the body (lead sentence for the title, the first date in the lead a dateline opens for the publication day).
/// </remarks>
public static class ArticleExtractor
{
    /// <summary>The fields with C0 control characters removed (tab and line ends kept in the body, made spaces elsewhere):
    /// a JSON record may carry <c>\u0000</c>, which no text column of PostgreSQL accepts and no reader wants to see.</summary>
    internal static ArticleFields WithoutControlCharacters(ArticleFields fields)
    {
        static bool Clean(string? value, bool body) =>
            value is null || !value.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || (body && !HasOtherControl(value));
        static bool HasOtherControl(string value)
        {
            foreach (var c in value)
            {
                if (c < ' ' && c is not ('\t' or '\n' or '\r')) return true;
            }
            return false;
        }
        static string? Strip(string? value, bool body)
        {
            if (Clean(value, body)) return value;
            var builder = new System.Text.StringBuilder(value!.Length);
            foreach (var c in value)
            {
                if (c >= ' ' || (body && c is '\t' or '\n' or '\r')) builder.Append(c);
                else if (c != '\u0000') builder.Append(' ');
            }
            return builder.ToString();
        }
        if (Clean(fields.Text, body: true) && Clean(fields.Title, false) && Clean(fields.Outlet, false) && Clean(fields.Published, false)
            && Clean(fields.Url, false) && fields.Authors.All(a => Clean(a, false)))
        {
            return fields;
        }
        return fields with
        {
            Text = Strip(fields.Text, body: true)!,
            Title = Strip(fields.Title, false),
            Outlet = Strip(fields.Outlet, false),
            Published = Strip(fields.Published, false),
            Url = Strip(fields.Url, false),
            Authors = [.. fields.Authors.Select(a => Strip(a, false)!)],
        };
    }

    /// <param name="fields">What the format reader found.</param>
    /// <param name="outlets">Outlet names learned from earlier articles; this article's name–domain pairs are added to it.</param>
    public static IngestOutcome Extract(ArticleFields fields, OutletDirectory? outlets = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields = WithoutControlCharacters(fields);
        var knownTitle = string.IsNullOrWhiteSpace(fields.Title) ? null : CollapseSpaces(fields.Title);
        var page = PageCleaner.Clean(fields.Text, knownTitle);
        var provenance = new SortedDictionary<string, string>(StringComparer.Ordinal);

        string title;
        if (knownTitle is not null)
        {
            title = knownTitle;
            provenance["title"] = fields.TitleSignal ?? "record-field";
        }
        else if (page.Title is not null)
        {
            title = CollapseSpaces(page.Title);
            provenance["title"] = "title-line";
        }
        else if (page.Paragraphs.Count > 0)
        {
            title = CollapseSpaces(LeadTitleExtractor.FromLead(page.Paragraphs[0]));
            provenance["title"] = "lead-sentence";
        }
        else
        {
            title = "";
        }

        if (title.Length == 0 && page.Paragraphs.Count == 0)
        {
            var hash = fields.Source.LastIndexOf('#');
            var (source, location) = hash < 0 ? (fields.Source, (string?)null) : (fields.Source[..hash], fields.Source[(hash + 1)..]);
            return IngestOutcome.Failed(new IngestError(source, location, "no article text found (no title and no body)"));
        }

        var outlet = "";
        (string? Value, string Signal)[] outletSignals =
        [
            (fields.Outlet, fields.OutletSignal ?? "record-field"),
            (HostOf(fields.Url), "url-host"),
            (page.DatelineOutlet, "dateline"),
            (page.PromoOutlet, "promo-line"),
        ];
        foreach (var (candidate, signal) in outletSignals)
        {
            var normalised = OutletNormalizer.Normalize(candidate);
            if (normalised.Length == 0) continue;
            outlet = normalised;
            provenance["outlet"] = signal;
            break;
        }

        // A display name ("Antarprov", "Antarprov English") names the same outlet as a domain whose first label is its
        // first word ("antarprov.com"); the domain is the key, so one outlet is not split in two.
        if (outlet.Length > 0 && !outlet.Contains('.', StringComparison.Ordinal))
        {
            var firstWord = outlet.Split(' ')[0];
            foreach (var (candidate, signal) in outletSignals)
            {
                var normalised = OutletNormalizer.Normalize(candidate);
                if (normalised.StartsWith(firstWord + ".", StringComparison.Ordinal))
                {
                    outlet = normalised;
                    provenance["outlet"] = signal;
                    break;
                }
            }
        }

        if (outlet.Contains('.', StringComparison.Ordinal))
        {
            // This article pairs its names with the domain: remember them for pages that show only the name.
            var firstLabel = outlet.Split('.')[0];
            foreach (var (candidate, _) in outletSignals)
            {
                var name = OutletNormalizer.Normalize(candidate);
                if (name.Length > 0 && !name.Contains('.', StringComparison.Ordinal) && name.Split(' ')[0] == firstLabel) outlets?.Learn(name, outlet);
            }
        }
        else if (outlet.Length > 0 && outlets is not null && outlets.TryResolve(outlet, out var learned))
        {
            outlet = learned;
        }

        PublicationTime? published = null;
        if (PublicationDateParser.TryParseValue(fields.Published, out var given))
        {
            published = given;
            provenance["published"] = fields.PublishedSignal ?? "record-field";
        }
        else if (page.DateLine is { } dateLine)
        {
            published = dateLine;
            provenance["published"] = "date-line";
        }
        else if (PublicationDateParser.TryFindInUrl(fields.Url, out var urlDay))
        {
            // Before the body: a permalink day is set when the article is published, a date in the body is usually
            // the day of the event it reports.
            published = urlDay;
            provenance["published"] = "url-date";
        }
        else if (page.DatelineLead is { } lead && PublicationDateParser.TryFindInText(lead, out var leadDate))
        {
            // Only the lead a dateline opens ("tirto.id - … pada hari Selasa (23/4/2019) …") dates the report: any other
            // date in the body may be an event's, or a birth date in an obituary.
            published = leadDate;
            provenance["published"] = "dateline-lead";
        }

        IReadOnlyList<string> authors = [];
        var givenAuthors = People(fields.Authors, outlet);
        var bylineAuthors = People(page.Authors, outlet);
        if (givenAuthors.Count > 0)
        {
            authors = givenAuthors;
            provenance["authors"] = fields.AuthorsSignal ?? "record-field";
        }
        else if (bylineAuthors.Count > 0)
        {
            authors = bylineAuthors;
            provenance["authors"] = "byline";
        }

        // Not a field's signal, but provenance is where a reader looks for how the article was made.
        // The reader's cut (an oversized page or record) comes first: it happened before the cleaner's.
        string?[] truncations = [fields.Truncation, page.Truncation];
        if (truncations.Any(static t => t is not null)) provenance["truncated"] = string.Join("; ", truncations.OfType<string>());

        var language = LanguageDetector.Detect(title + "\n" + string.Join("\n", page.Paragraphs));
        provenance["language"] = "stopwords";

        return IngestOutcome.Of(new Article
        {
            Id = ArticleId.Of(title, page.Paragraphs),
            Title = title,
            Outlet = outlet,
            Authors = authors,
            Published = published,
            Language = language,
            Paragraphs = page.Paragraphs,
            Url = string.IsNullOrWhiteSpace(fields.Url) ? null : fields.Url.Trim(),
            Source = fields.Source,
            Provenance = provenance,
        });
    }

    /// <summary>The credited names that are people: desk credits (<c>Redaksi Warta Timur</c>) are not authors.</summary>
    private static List<string> People(IReadOnlyList<string> names, string outlet) =>
        names.Where(n => !DeskCredit.Matches(n, outlet)).ToList();

    private static string? HostOf(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : null;

    /// <summary>Titles get single plain spaces: saved pages put no-break spaces (U+00A0) in headlines.</summary>
    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
