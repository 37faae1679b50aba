using System.Text.RegularExpressions;

namespace Warta.Core.Extraction;

/// <summary>Guesses an article's language (<c>id</c>, <c>en</c> or <c>und</c>) from the share of very common function words.</summary>
/// <remarks>
/// The two lists are short and were compiled by hand for this purpose from the most frequent function words of each
/// language; they contain no word shared by both. Another language is added by adding a list.
/// </remarks>
public static partial class LanguageDetector
{
    /// <summary>Below this many words the guess is too weak and the result is <c>und</c>.</summary>
    private const int MinimumWords = 5;

    private static readonly (string Code, HashSet<string> Words)[] Languages =
    [
        ("id", new(StringComparer.Ordinal)
        {
            "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "tidak", "akan", "dalam", "adalah",
            "juga", "oleh", "sebagai", "karena", "telah", "bahwa", "atau", "ada", "mereka", "kata", "tersebut", "sudah",
            "saat", "bisa", "lebih", "para", "secara", "hingga", "kami", "kita", "saya", "tetapi", "namun", "setelah",
            "sejak", "masih", "belum", "dia", "ia", "kepada", "bagi", "agar", "jika", "serta", "antara", "sangat",
        }),
        ("en", new(StringComparer.Ordinal)
        {
            "the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are", "be", "by", "this",
            "at", "from", "have", "has", "not", "said", "which", "will", "an", "but", "they", "he", "she", "were", "their",
            "been", "would", "after", "its", "who", "about", "more", "than", "had", "also", "into", "over", "could",
        }),
    ];

    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = 0;
        var hits = new int[Languages.Length];
        foreach (Match word in Word().Matches(text))
        {
            total++;
            var lower = word.Value.ToLowerInvariant();
            for (var i = 0; i < Languages.Length; i++)
            {
                if (Languages[i].Words.Contains(lower)) hits[i]++;
            }
        }
        if (total < MinimumWords) return "und";
        var best = 0;
        for (var i = 1; i < hits.Length; i++)
        {
            if (hits[i] > hits[best]) best = i;
        }
        var runnerUp = hits.Where((_, i) => i != best).DefaultIfEmpty(0).Max();
        // Running news text has 20-40 % function words; under 8 % or no clear lead means another language or a list of names.
        var confident = hits[best] * 100 >= total * 8 && hits[best] >= 2 * runnerUp;
        return confident ? Languages[best].Code : "und";
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
