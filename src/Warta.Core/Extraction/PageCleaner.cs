using System.Text.RegularExpressions;
using Warta.Core.Model;

namespace Warta.Core.Extraction;

/// <summary>Removes a saved page's noise (date line, repeated title and caption, byline, promo lines, datelines, repeated lead) and keeps the body.</summary>
/// <remarks>
/// The page is read as lines. A header zone at the top may hold, in any order, a date line, the title line, bylines,
/// promo lines and a repeated caption; it ends at the first line that is none of these. Anywhere on the page, promo
/// lines, whole-line dates, prefixed bylines (<c>Penulis:</c>, <c>Editor:</c>), lines repeating the title and pairs of
/// identical short lines (captions) are dropped. Datelines are stripped from the first paragraph (or the second, below a caption), a lead repeated behind a dateline is dropped, and repeated
/// paragraphs are kept once. Text inside a kept paragraph is not changed, except that hard-wrapped lines are joined.
/// Cleaning the cleaned body again (with the title passed as known) changes nothing.
/// </remarks>
public static partial class PageCleaner
{
    /// <summary>Lines longer than this are paragraphs, never header lines or captions.</summary>
    private const int MaxHeaderLine = 200;
    /// <summary>A caption or promo line is a short line; real paragraphs are longer than this.</summary>
    private const int MaxCaptionLine = 150;

    /// <summary>
    /// Only this much of a page is read (cut at a line break): cleaning drops lines, so it is ten times the body cap,
    /// and a 60 MB text page costs what a long article costs.
    /// </summary>
    public const int MaxTextChars = 10 * MaxBodyChars;
    /// <summary>A paragraph is cut (at a space) to this length; the longest news paragraphs are a few thousand characters.</summary>
    public const int MaxParagraphChars = 20_000;
    /// <summary>Paragraphs past this many characters of body are dropped; long reports are about 50,000 characters.</summary>
    public const int MaxBodyChars = 200_000;

    /// <summary>Cleans <paramref name="text"/>; pass <paramref name="knownTitle"/> when the title came from elsewhere (metadata, record).</summary>
    public static CleanedPage Clean(string text, string? knownTitle = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var truncation = new List<string>();
        if (text.Length > MaxTextChars)
        {
            var cut = text.LastIndexOf('\n', MaxTextChars - 1);
            truncation.Add($"read {(cut > 0 ? cut : MaxTextChars)} of {text.Length} characters");
            text = text[..(cut > 0 ? cut : MaxTextChars)];
        }
        var lines = SplitLines(text);
        string? title = string.IsNullOrWhiteSpace(knownTitle) ? null : knownTitle.Trim();
        PublicationTime? dateLine = null;
        string? promoOutlet = null;
        string? dateLineOutlet = null;
        var authors = new List<string>();
        var i = 0;

        // Header zone.
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (TryDropAnywhere(line, title, authors, ref dateLine, ref dateLineOutlet, ref promoOutlet)) continue;
            var next = NextNonBlank(lines, i);
            if (next is not null && line.Length <= MaxCaptionLine && string.Equals(line, lines[next.Value], StringComparison.Ordinal))
            {
                // Two identical short lines: the title printed twice when no title is known yet, otherwise an image caption.
                if (title is null && IsTitleLike(line)) title = line;
                i = next.Value;
                continue;
            }
            if (title is null && IsTitleLike(line))
            {
                title = line;
                continue;
            }
            if ((title is not null || dateLine is not null) && IsBareName(line))
            {
                authors.Add(line);
                continue;
            }
            break;
        }

        // Body.
        var paragraphs = new List<string>();
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            if (TryDropAnywhere(line, title, authors, ref dateLine, ref dateLineOutlet, ref promoOutlet)) continue;
            var next = NextNonBlank(lines, i);
            if (next is not null && string.Equals(line, lines[next.Value], StringComparison.Ordinal) && IsCaptionLike(line))
            {
                i = next.Value;
                continue;
            }
            paragraphs.Add(line);
        }

        paragraphs = KeepFirstOfEach(paragraphs);
        string? datelineOutlet = null;
        string? datelineLead = null;
        if (paragraphs.Count > 0) datelineOutlet = StripDateline(paragraphs, 0, ref datelineLead);
        if (paragraphs.Count > 1 && (paragraphs[0].Length == 0 || (datelineOutlet is null && IsCaptionLike(paragraphs[0]))))
        {
            // The dateline paragraph below an emptied first paragraph or a left-over caption.
            datelineOutlet ??= StripDateline(paragraphs, 1, ref datelineLead);
        }
        // The lead printed once more behind the dateline (rakyatku.com prints it before and after): keep the first copy.
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var match = Dateline().Match(paragraphs[p]);
            if (p > 0 && match.Success && earlier.Contains(Warta.Core.Model.ArticleId.Normalize(paragraphs[p][match.Length..])))
            {
                if (match.Groups["outlet"].Success) datelineOutlet ??= match.Groups["outlet"].Value;
                paragraphs[p] = "";
                continue;
            }
            earlier.Add(Warta.Core.Model.ArticleId.Normalize(paragraphs[p]));
        }
        var kept = Cap(KeepFirstOfEach(paragraphs), truncation);

        datelineOutlet ??= dateLineOutlet;
        return new CleanedPage
        {
            Paragraphs = kept,
            Title = title,
            DateLine = dateLine,
            Authors = authors.SelectMany(SplitNames).Distinct(StringComparer.Ordinal).ToList(),
            DatelineOutlet = datelineOutlet,
            PromoOutlet = promoOutlet,
            DatelineLead = datelineLead,
            Truncation = truncation.Count == 0 ? null : string.Join("; ", truncation),
        };
    }

    /// <summary>Cuts paragraphs longer than <see cref="MaxParagraphChars"/> and drops those past <see cref="MaxBodyChars"/>, noting what was cut.</summary>
    private static List<string> Cap(List<string> paragraphs, List<string> truncation)
    {
        var cutParagraphs = 0;
        var body = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (paragraphs[p].Length > MaxParagraphChars)
            {
                paragraphs[p] = CutAtSpace(paragraphs[p], MaxParagraphChars);
                cutParagraphs++;
            }
            body += paragraphs[p].Length;
            if (body > MaxBodyChars)
            {
                truncation.Add($"body cut after {p} of {paragraphs.Count} paragraphs at {MaxBodyChars} characters");
                paragraphs.RemoveRange(p, paragraphs.Count - p);
                break;
            }
        }
        if (cutParagraphs > 0) truncation.Add($"{cutParagraphs} paragraph{(cutParagraphs == 1 ? "" : "s")} cut at {MaxParagraphChars} characters");
        return paragraphs;
    }

    /// <summary>The start of <paramref name="text"/> up to <paramref name="max"/> characters, ending at the last space when there is one near the end.</summary>
    private static string CutAtSpace(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max, 1000));
        if (cut <= 0) cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut].TrimEnd();
    }

    /// <summary>Non-empty paragraphs, each kept only at its first occurrence (compared after <see cref="Warta.Core.Model.ArticleId.Normalize"/>).</summary>
    private static List<string> KeepFirstOfEach(List<string> paragraphs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return paragraphs.Where(p => p.Length > 0 && seen.Add(Warta.Core.Model.ArticleId.Normalize(p))).ToList();
    }

    /// <summary>Strips every leading dateline of paragraph <paramref name="index"/>; returns the first outlet, or null when there was none.</summary>
    private static string? StripDateline(List<string> paragraphs, int index, ref string? lead)
    {
        string? outlet = null;
        for (var match = Dateline().Match(paragraphs[index]); match.Success; match = Dateline().Match(paragraphs[index]))
        {
            lead ??= paragraphs[index];
            if (match.Groups["outlet"].Success) outlet ??= match.Groups["outlet"].Value;
            paragraphs[index] = paragraphs[index][match.Length..];
        }
        return outlet;
    }

    /// <summary>Lines that are never body text wherever they stand; records what they say.</summary>
    private static bool TryDropAnywhere(string line, string? title, List<string> authors, ref PublicationTime? dateLine, ref string? dateLineOutlet, ref string? promoOutlet)
    {
        if (line.Length <= 300)
        {
            var promo = Promo().Match(line);
            if (promo.Success)
            {
                if (promo.Groups["outlet"].Success) promoOutlet ??= promo.Groups["outlet"].Value.Trim();
                return true;
            }
        }
        if (PublicationDateParser.TryParseDateLine(line, out var time))
        {
            dateLine ??= time;
            return true;
        }
        // "Kompas.com - 26/03/2019, 20:34 WIB": the outlet's name in front of the date line.
        var dateline = HostDateline().Match(line);
        if (dateline.Success && PublicationDateParser.TryParseDateLine(line[dateline.Length..], out time))
        {
            dateLine ??= time;
            dateLineOutlet ??= dateline.Groups["outlet"].Value;
            return true;
        }
        if (TryReadByline(line, out var names))
        {
            authors.AddRange(names);
            return true;
        }
        if (TryReadMetaLine(line, out var metaTime, out names))
        {
            dateLine ??= metaTime;
            authors.AddRange(names);
            return true;
        }
        return title is not null && line.Length <= MaxHeaderLine && string.Equals(line, title, StringComparison.Ordinal);
    }

    /// <summary>
    /// A site's meta line joining a date with bylines or a bare author name by <c>|</c>, <c>·</c> or <c>•</c>:
    /// <c>Dewi Anggraini | Kamis, 27 Februari 2025 13:45 WITA</c>, <c>Senin, 11 Agustus 2025 | 14:35 WITA · Penulis: … · Editor: …</c>.
    /// Every segment must be a date, a time completing the date before it, a byline or a bare name, and one must be a date.
    /// </summary>
    private static bool TryReadMetaLine(string line, out PublicationTime time, out List<string> names)
    {
        time = default;
        names = [];
        if (line.Length > 200) return false;
        var segments = line.Split(['|', '\u00B7', '\u2022'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2) return false;
        string? date = null;
        var dated = false;
        foreach (var segment in segments)
        {
            if (date is not null && PublicationDateParser.TryParseDateLine(date + " " + segment, out var withTime))
            {
                time = withTime;
                date += " " + segment;
                continue;
            }
            if (PublicationDateParser.TryParseDateLine(segment, out var parsed))
            {
                if (dated) return false;
                time = parsed;
                date = segment;
                dated = true;
                continue;
            }
            if (TryReadByline(segment, out var bylineNames)) names.AddRange(bylineNames);
            else if (IsBareName(segment)) names.Add(segment);
            else return false;
        }
        return dated;
    }

    /// <remarks>Editors (<c>Editor:</c>, <c>Penyunting:</c>) are recognised, so the line leaves the body, but are not authors:
    /// they did not write the report.</remarks>
    private static bool TryReadByline(string line, out List<string> names)
    {
        names = [];
        if (line.Length > 120) return false;
        var segments = 0;
        foreach (var segment in line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Byline().Match(segment);
            if (!match.Success) return false;
            var value = match.Groups["names"].Value.Trim();
            // "Oleh karena itu, ..." is a sentence, not a byline: without a colon the rest must be names.
            if (!match.Groups["colon"].Success && !SplitNames(value).All(IsBareName)) return false;
            if (match.Groups["colon"].Success && value.EndsWith('.')) return false;
            segments++;
            if (match.Groups["role"].Value.ToUpperInvariant() is not ("EDITOR" or "PENYUNTING")) names.Add(value);
        }
        return segments > 0;
    }

    private static IEnumerable<string> SplitNames(string names) =>
        NameSeparator().Split(names).Select(n => n.Trim()).Where(n => n.Length > 0);

    /// <summary>A title: at least two words, short, not ending like a sentence or a label, not a dateline.</summary>
    private static bool IsTitleLike(string line)
    {
        if (line.Length > MaxHeaderLine || !line.Any(char.IsLetter)) return false;
        if (line.EndsWith('.') && !line.EndsWith("...", StringComparison.Ordinal)) return false;
        if (line.EndsWith(',') || line.EndsWith(':') || line.EndsWith(';')) return false;
        if (HostDateline().IsMatch(line)) return false;
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;
    }

    /// <summary>A byline without label: one to four capitalised words of letters, e.g. <c>Suriawati</c> or <c>Dian R. Basuki</c>.</summary>
    private static bool IsBareName(string line) => line.Length <= 40 && BareName().IsMatch(line);

    private static bool IsCaptionLike(string line) =>
        line.Length <= MaxCaptionLine && !line.EndsWith('.') && !line.EndsWith('"') && !line.EndsWith('\u201D');

    /// <summary>A hard-wrapped line: the previous line stops mid-sentence and this one goes on in lower case.</summary>
    private static bool IsWrapContinuation(char previousEnd, string line) =>
        !".!?:\"\u201D)".Contains(previousEnd, StringComparison.Ordinal) && char.IsLower(line[0]);

    private static int? NextNonBlank(List<string> lines, int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            if (lines[j].Length > 0) return j;
        }
        return null;
    }

    /// <summary>Trimmed lines, with hard-wrapped lines joined first so that every later rule sees whole lines.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        // The line being built: joining wrapped lines by concatenation would copy it once per wrapped line.
        var current = new System.Text.StringBuilder();
        var hasCurrent = false;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && hasCurrent && current.Length > 0 && IsWrapContinuation(current[^1], line))
            {
                current.Append(' ').Append(line);
                continue;
            }
            if (hasCurrent) lines.Add(current.ToString());
            current.Clear().Append(line);
            hasCurrent = true;
        }
        if (hasCurrent) lines.Add(current.ToString());
        return lines;
    }

    [GeneratedRegex(@"^(?:(?:Konten|Artikel) (?:Redaksi|Sponsor|Promosi)\s+(?<outlet>\S.*)|(?:Baca|Lihat|Simak) (?:juga|pula|selengkapnya)\b.*|Simak\b.{0,150}|Read (?:also|more)\b.*|See also\b.*|ADVERTISEMENT|Advertisement|SCROLL TO (?:CONTINUE|RESUME) WITH CONTENT|(?:Tags?|Topik|Tag terkait)\s*:.*|(?:Bagikan|Share)(?: artikel ini| berita ini| this article)?\s*:?(?:\s+[^\s.]+){0,3}|Dapatkan (?:update|informasi|berita)\b.*|Ikuti (?:kami|berita)\b.*|\(?(?:Foto|Ilustrasi|Photo|Gambar)\s*:.{0,100})$")]
    private static partial Regex Promo();

    [GeneratedRegex(@"^(?:(?<role>Penulis|Reporter|Editor|Penyunting|Pewarta|Kontributor|Author|Writer)\s*(?<colon>:)\s*|(?<role>Oleh|By)\s*(?<colon>:)?\s+)(?<names>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"\s*(?:,|&|/|\bdan\b|\band\b)\s*")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3}$")]
    private static partial Regex BareName();

    /// <summary>
    /// <c>[PLACE, ]OUTLET.TLD -</c> with a hyphen, en or em dash, the replacement character, or their UTF-8-as-1252
    /// mojibake; <c>KOMPAS. com</c> (space after the dot) occurs in Kompas pages.
    /// </summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.'’ ]{0,40}?,\s*)?(?<outlet>(?:[\p{L}\d-]+\s?\.\s?)+(?i:com|id|net|org|co|tv|news|info)(?i:\.id)?)\s*(?:--|-|–|—|\uFFFD|â€“|â€”)\s*")]
    private static partial Regex HostDateline();

    /// <summary>
    /// A host dateline (<see cref="HostDateline"/>), also with the place after the host (<c>SUARAPAGI.CO.ID, AMBON —</c>);
    /// a place with the agency's code in parentheses (<c>JAKARTA (ANTARA) -</c>, <c>MANADO, Indonesia (Reuters) -</c>);
    /// or a place with an optional outlet name and a spaced dash: <c>Jakarta - </c> (detik.com),
    /// <c>Jakarta, CNN Indonesia -- </c>. Used only to strip the start of a paragraph, never to reject a title
    /// (<c>Jokowi - Prabowo Bertemu</c> is a headline).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:\p{Lu}[\p{L}.'’ ]{0,40}?,\s*)?(?<outlet>(?:[\p{L}\d-]+\s?\.\s?)+(?i:com|id|net|org|co|tv|news|info)(?i:\.id)?)\s*(?:--|-|–|—|\uFFFD|â€“|â€”)\s*|(?<outlet>(?:[\p{L}\d-]+\.)+(?i:com|id|net|org|co|tv|news|info)(?i:\.id)?),\s*\p{Lu}[\p{L}.'’ ]{0,40}?\s*(?:--|-|–|—|\uFFFD|â€“|â€”)\s*|\p{Lu}[\p{L}.'’ ]{0,40}?(?:,\s*\p{Lu}[\p{L}.'’ ]{0,30}?)?\s*\((?<outlet>[\p{L}\d][\p{L}\d.&' -]{0,30}?)\)\s*(?:--|-|–|—|\uFFFD|â€“|â€”)\s*|\p{Lu}[\p{Lu}.'’ ]{0,40}?,\s*(?<outlet>(?:[\p{L}\d-]+\s?\.\s?)+(?i:com|id|net|org|co|tv|news|info)(?i:\.id)?)\s+(?=[\p{Lu}\d""\u201C\u2018'])|\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+){0,2}(?:,\s*(?<outlet>\p{Lu}[\p{L}\d]*(?:\s\p{Lu}[\p{L}\d]*){0,2}))?\s+(?:--|-|–|—|\uFFFD)\s+)")]
    private static partial Regex Dateline();
}
