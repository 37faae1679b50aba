using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Evaluation;

/// <summary>Tags each TimeML document's text against its DCT and scores the result against the gold TIMEX3 spans.</summary>
public static class TimexEvaluator
{
    public static TimexEvaluation Evaluate(IEnumerable<TimeMlDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int docs = 0, gold = 0, predicted = 0, strict = 0, relaxed = 0, type = 0, value = 0;
        var errors = new List<TimexError>();
        foreach (var doc in documents)
        {
            docs++;
            var predictions = TemporalTagger.Tag(Tokenizer.Tokenize(doc.Text), doc.CreationTime);
            gold += doc.Timexes.Count;
            predicted += predictions.Count;
            var used = new bool[predictions.Count];
            foreach (var g in doc.Timexes)
            {
                var match = -1;
                for (var k = 0; k < predictions.Count; k++)
                {
                    if (!used[k] && Overlaps(g, predictions[k]))
                    {
                        match = k;
                        break;
                    }
                }
                if (match < 0)
                {
                    errors.Add(new TimexError(doc.Id, TimexErrorKind.Missed, g, null, Context(doc.Text, g.Start, g.Length)));
                    continue;
                }
                used[match] = true;
                var p = predictions[match];
                relaxed++;
                var exact = p.Start == g.Start && p.Length == g.Length;
                if (exact) strict++;
                if (p.Type == g.Type) type++;
                var sameValue = string.Equals(p.Value, g.Value, StringComparison.Ordinal);
                if (sameValue) value++;
                var kind = !sameValue ? TimexErrorKind.WrongValue : p.Type != g.Type ? TimexErrorKind.WrongType : exact ? (TimexErrorKind?)null : TimexErrorKind.Boundary;
                if (kind is { } k2) errors.Add(new TimexError(doc.Id, k2, g, p, Context(doc.Text, g.Start, g.Length)));
            }
            for (var k = 0; k < predictions.Count; k++)
            {
                if (!used[k]) errors.Add(new TimexError(doc.Id, TimexErrorKind.Spurious, null, predictions[k], Context(doc.Text, predictions[k].Start, predictions[k].Length)));
            }
        }
        return new TimexEvaluation(new TimexScore(docs, gold, predicted, strict, relaxed, type, value), errors);
    }

    private static bool Overlaps(GoldTimex g, TemporalExpression p) =>
        g.Length == 0 ? p.Start <= g.Start && g.Start < p.Start + p.Length : p.Start < g.Start + g.Length && g.Start < p.Start + p.Length;

    private static string Context(string text, int start, int length)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, start + length + 40);
        return (text[from..start] + "[" + text.Substring(start, length) + "]" + text[(start + length)..to]).Replace('\n', ' ');
    }
}
