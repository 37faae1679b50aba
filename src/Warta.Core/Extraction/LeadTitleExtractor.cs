using System.Text.RegularExpressions;

namespace Warta.Core.Extraction;

/// <summary>Makes a title for a page that has none: the lead's first sentence without date and attribution, cut at a word boundary.</summary>
/// <remarks>Rule documented in docs/ingestion.md: dateline already stripped; remove <c>(pada) (hari) Selasa (23/4/2019)</c>-style
/// dates and a trailing <c>, kata …</c> attribution; keep the sentence when it has at most 120 characters, otherwise cut at
/// the last word boundary within 100 characters and drop dangling function words.</remarks>
public static partial class LeadTitleExtractor
{
    private const int KeepWholeUpTo = 120;
    private const int CutAt = 100;

    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "atau", "oleh", "bagi", "serta", "para",
        "the", "a", "an", "of", "to", "in", "for", "with", "and", "or", "on", "at", "by",
    };

    public static string FromLead(string lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var sentence = FirstSentence(lead);
        sentence = DatePhrase().Replace(sentence, "");
        sentence = Attribution().Replace(sentence, "");
        sentence = Spaces().Replace(sentence, " ").Trim().TrimEnd('.', ',', ';', ':', ' ');
        if (sentence.Length <= KeepWholeUpTo) return sentence;
        var words = sentence[..CutAt].Split(' ');
        var count = sentence[CutAt] == ' ' ? words.Length : words.Length - 1;
        while (count > 1 && Dangling.Contains(words[count - 1].TrimEnd(',', ';', ':'))) count--;
        return string.Join(' ', words.Take(Math.Max(count, 1))).TrimEnd(',', ';', ':');
    }

    private static string FirstSentence(string text)
    {
        var match = SentenceEnd().Match(text);
        return match.Success ? text[..(match.Index + 1)] : text;
    }

    /// <summary>A full stop, question or exclamation mark followed by a space and an upper-case letter or quote; skips <c>Rp 5.000</c>, initials like <c>A. Yani</c>.</summary>
    [GeneratedRegex(@"(?<!\b\p{Lu})[.!?](?=[""”’']?\s+[""“‘'\p{Lu}])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s*(?:\bpada\s+)?(?:\bhari\s+)?(?:\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s*)?\(\s*\d{1,2}/\d{1,2}/\d{2,4}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex DatePhrase();

    [GeneratedRegex(@",\s*(?:kata|ujar|ucap|tutur|jelas|ungkap|said|says)\s+[^,]{1,60}[.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
