using Warta.Text;

namespace Warta.Evaluation.Stories;

/// <summary>ROUGE (Lin 2004, "ROUGE: A Package for Automatic Evaluation of Summaries") on Warta's own tokens: words and numbers,
/// lower-cased, not stemmed and no stopwords removed; F1 with precision and recall weighted equally.</summary>
/// <remarks>ROUGE-N counts clipped n-gram matches; ROUGE-L uses the longest common subsequence of the two token sequences
/// (summary level taken as one sequence, not the union-LCS over sentences). Numbers are tokens as the tokenizer reads them
/// (<c>3.420</c>, <c>Rp2</c>, <c>17/3/2025</c>), so a figure matches only as written.</remarks>
public static class Rouge
{
    /// <summary>ROUGE-1/2/L F1 of <paramref name="candidate"/> against <paramref name="reference"/>.</summary>
    public static RougeScore Score(string candidate, string reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        return new RougeScore(NGramF1(c, r, 1), NGramF1(c, r, 2), LcsF1(c, r));
    }

    /// <summary>The lower-cased words and numbers of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var words = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number) words.Add(tokens.Lower(i));
        }
        return words;
    }

    private static double NGramF1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var c = NGrams(candidate, n);
        var r = NGrams(reference, n);
        var total = c.Values.Sum();
        var wanted = r.Values.Sum();
        if (total == 0 || wanted == 0) return 0;
        var overlap = c.Sum(p => Math.Min(p.Value, r.GetValueOrDefault(p.Key)));
        return F1((double)overlap / total, (double)overlap / wanted);
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join('\u0001', Enumerable.Range(i, n).Select(k => tokens[k]));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }
        return grams;
    }

    private static double LcsF1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        if (candidate.Count == 0 || reference.Count == 0) return 0;
        // One row of the dynamic programme at a time: O(|c|·|r|) time, O(|r|) memory.
        var previous = new int[reference.Count + 1];
        var current = new int[reference.Count + 1];
        for (var i = 1; i <= candidate.Count; i++)
        {
            for (var j = 1; j <= reference.Count; j++)
            {
                current[j] = string.Equals(candidate[i - 1], reference[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        var lcs = previous[reference.Count];
        return F1((double)lcs / candidate.Count, (double)lcs / reference.Count);
    }

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
