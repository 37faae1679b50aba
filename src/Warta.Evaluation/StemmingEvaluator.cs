namespace Warta.Evaluation;

/// <summary>Scores a stemmer against treebank lemmas on affixed words (lower-cased form differs from lemma), leaving out names, numbers, punctuation, symbols and foreign words.</summary>
/// <remarks>UD lemmas strip derivation (pertemuan→temu, sebagai→bagai), so they are a fair target for a root stemmer; reduplicated lemmas and spelling variants still count as misses.</remarks>
public static class StemmingEvaluator
{
    private static readonly HashSet<string> ExcludedTags = new(StringComparer.Ordinal) { "PROPN", "NUM", "PUNCT", "SYM", "X" };

    /// <summary>True for a word that is scored: affixed and of an included part of speech.</summary>
    public static bool IsScored(ConlluWord word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (ExcludedTags.Contains(word.UniversalTag) || word.Lemma is "_" || word.Form.Length == 0) return false;
        return !string.Equals(word.Form.ToLowerInvariant(), word.Lemma.ToLowerInvariant(), StringComparison.Ordinal);
    }

    /// <summary>Scores <paramref name="stem"/> (given the lower-cased form) against the lower-cased lemmas.</summary>
    public static StemmingScore Score(IEnumerable<ConlluWord> words, Func<string, string> stem)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(stem);
        var count = 0;
        var correct = 0;
        var misses = new Dictionary<(string Form, string Expected, string Actual), int>();
        foreach (var word in words)
        {
            if (!IsScored(word)) continue;
            var form = word.Form.ToLowerInvariant();
            var expected = word.Lemma.ToLowerInvariant();
            var actual = stem(form);
            count++;
            if (string.Equals(actual, expected, StringComparison.Ordinal))
            {
                correct++;
                continue;
            }
            var key = (form, expected, actual);
            misses[key] = misses.GetValueOrDefault(key) + 1;
        }
        var ranked = misses
            .Select(m => new StemmingMiss(m.Key.Form, m.Key.Expected, m.Key.Actual, m.Value))
            .OrderByDescending(m => m.Count)
            .ThenBy(m => m.Form, StringComparer.Ordinal)
            .ToList();
        return new StemmingScore(count, correct, ranked);
    }
}
