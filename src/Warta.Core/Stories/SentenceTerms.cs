using Warta.Text;

namespace Warta.Core.Stories;

/// <summary>The content words of a sentence in a light-stemmed form, for telling whether two sentences say the same thing.</summary>
/// <remarks>
/// No dictionary is loaded here (a story view is rebuilt on every commit), so the stem is rule-only: <c>-nya</c>,
/// <c>-kan</c>, <c>-an</c>, <c>-i</c> and the common prefixes are stripped, with the nasal of <c>meN-</c> put back
/// (<c>mengunjungi</c> → <c>kunjung</c>, <c>kunjungan</c> → <c>kunjung</c>). Over- and under-stemming only shift a similarity a little.
/// </remarks>
internal static class SentenceTerms
{
    /// <summary>The distinct content terms of tokens [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="text"/>.</summary>
    public static HashSet<string> Of(TokenizedText text, int first, int end, string language)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = first; i < end; i++)
        {
            var kind = text[i].Kind;
            if (kind == TokenKind.Number) { terms.Add(text.Word(i)); continue; }
            if (kind != TokenKind.Word) continue;
            var lower = text.Lower(i);
            if (lower.Length < 2 || Stopwords.Contains(language, lower) || Stopwords.Contains("id", lower)) continue;
            terms.Add(Stem(lower));
        }
        return terms;
    }

    /// <summary>Plain lower-case content words (no stemming), as the evaluation compares sentences.</summary>
    public static int Words(TokenizedText text, int first, int end)
    {
        var words = 0;
        for (var i = first; i < end; i++)
        {
            if (text[i].Kind is TokenKind.Word or TokenKind.Number) words++;
        }
        return words;
    }

    public static int Shared(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var shared = 0;
        foreach (var term in a) if (b.Contains(term)) shared++;
        return shared;
    }

    /// <summary>Dice coefficient: 2|A∩B| / (|A| + |B|).</summary>
    public static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * Shared(a, b) / (a.Count + b.Count);

    /// <summary>Share of the smaller set found in the other: how much of the shorter sentence the longer one states.</summary>
    public static double Containment(HashSet<string> a, HashSet<string> b)
    {
        var smaller = Math.Min(a.Count, b.Count);
        return smaller == 0 ? 0 : (double)Shared(a, b) / smaller;
    }

    internal static string Stem(string word)
    {
        var w = word;
        if (w.Length > 6 && w.EndsWith("nya", StringComparison.Ordinal)) w = w[..^3];
        if (w.Length > 6 && w.EndsWith("kan", StringComparison.Ordinal)) w = w[..^3];
        else if (w.Length > 6 && w.EndsWith("an", StringComparison.Ordinal)) w = w[..^2];
        else if (w.Length > 6 && w.EndsWith('i')) w = w[..^1];
        if (w.Length > 6)
        {
            if (w.StartsWith("meng", StringComparison.Ordinal) && IsVowel(w[4])) w = "k" + w[4..];
            else if (w.StartsWith("meny", StringComparison.Ordinal) && IsVowel(w[4])) w = "s" + w[4..];
            else if (w.StartsWith("mem", StringComparison.Ordinal)) w = IsVowel(w[3]) ? "p" + w[3..] : w[3..];
            else if (w.StartsWith("men", StringComparison.Ordinal)) w = IsVowel(w[3]) ? "t" + w[3..] : w[3..];
            else if (w.StartsWith("meng", StringComparison.Ordinal)) w = w[4..];
            else if (w.StartsWith("ber", StringComparison.Ordinal) || w.StartsWith("ter", StringComparison.Ordinal) || w.StartsWith("per", StringComparison.Ordinal)) w = w[3..];
            else if (w.StartsWith("di", StringComparison.Ordinal) || w.StartsWith("ke", StringComparison.Ordinal) || w.StartsWith("se", StringComparison.Ordinal)) w = w[2..];
            else if (w.StartsWith("me", StringComparison.Ordinal)) w = w[2..];
        }
        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
