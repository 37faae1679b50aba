using Warta.Core.Entities;

namespace Warta.Evaluation.Entities;

/// <summary>Restores capitalisation of an all-lower-case NER corpus (NERP) from the case forms seen in cased corpora, so case features stay meaningful when training on it.</summary>
/// <remarks>Each word takes its most frequent written form in sentence-internal positions of the cased corpora; tokens labeled
/// as part of an entity and unseen words inside entities are capitalised (<c>jakarta</c> → <c>Jakarta</c>), and the first
/// word of a sentence is capitalised, as in edited news text.</remarks>
public sealed class NerTruecaser
{
    private readonly Dictionary<string, string> _forms = new(StringComparer.Ordinal);

    /// <summary>Learns case forms from cased sentences.</summary>
    public NerTruecaser(IEnumerable<NerSentence> casedSentences)
    {
        ArgumentNullException.ThrowIfNull(casedSentences);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in casedSentences)
        {
            for (var i = 1; i < sentence.Tokens.Count; i++)
            {
                if (EntityFeatureExtractor.IsSentenceBreak(sentence.Tokens[i - 1])) continue;
                var token = sentence.Tokens[i];
                var lower = token.ToLowerInvariant();
                if (!counts.TryGetValue(lower, out var forms)) counts[lower] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                forms[token] = forms.GetValueOrDefault(token) + 1;
            }
        }
        foreach (var (lower, forms) in counts)
        {
            _forms[lower] = forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        }
    }

    /// <summary>True when hardly any token of the corpus has an upper-case letter (less than 0.5 %).</summary>
    public static bool IsLowerCased(IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        long upper = 0, total = 0;
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence.Tokens)
            {
                total++;
                if (token.Any(char.IsUpper)) upper++;
            }
        }
        return total > 0 && upper * 200 < total;
    }

    /// <summary>The sentence with restored capitalisation (labels unchanged).</summary>
    public NerSentence Truecase(NerSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = new string[sentence.Tokens.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = sentence.Tokens[i];
            var inEntity = sentence.Labels[i] != "O";
            var known = _forms.TryGetValue(token.ToLowerInvariant(), out var form);
            if (inEntity && (!known || !form!.Any(char.IsUpper))) form = Capitalise(token);
            else if (!known) form = token;
            if (i == 0 || EntityFeatureExtractor.IsSentenceBreak(sentence.Tokens[i - 1])) form = Capitalise(form!);
            tokens[i] = form!;
        }
        return sentence with { Tokens = tokens };
    }

    private static string Capitalise(string token) =>
        token.Length == 0 || !char.IsLower(token[0]) ? token : char.ToUpperInvariant(token[0]) + token[1..];
}
