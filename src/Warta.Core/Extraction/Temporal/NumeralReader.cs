using System.Globalization;

namespace Warta.Core.Extraction.Temporal;

/// <summary>Reads a cardinal written in digits (<c>3</c>, <c>1,5</c>) or Indonesian words (<c>dua puluh lima</c>, <c>seratus</c>, <c>beberapa</c>).</summary>
internal static class NumeralReader
{
    /// <summary>The ISO amount (<c>25</c>, <c>1.5</c>, or <c>X</c> for an unspecified amount) and the index after the numeral.</summary>
    public static bool TryRead(IReadOnlyList<TemporalToken> tokens, int i, out string amount, out int next)
    {
        amount = "";
        next = i;
        if (i >= tokens.Count) return false;
        var first = tokens[i];
        if (first.IsNumber)
        {
            next = i + 1;
            amount = first.Text.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
            if (Adjacent(tokens, i, i + 1) && tokens[i + 1].Text is "," && i + 2 < tokens.Count
                && Adjacent(tokens, i + 1, i + 2) && tokens[i + 2].IsNumber)
            {
                amount = amount + "." + tokens[i + 2].Text;
                next = i + 3;
            }
            return true;
        }
        if (first.Is("setengah") || first.Is("separuh"))
        {
            amount = "0.5";
            next = i + 1;
            return true;
        }
        if (first.Is("beberapa") || first.Is("sejumlah"))
        {
            amount = "X";
            next = i + 1;
            return true;
        }
        long total = 0, current = 0;
        var j = i;
        var lastWasDigitWord = false;
        for (; j < tokens.Count && tokens[j].IsWord; j++)
        {
            var w = tokens[j].Lower;
            if (TemporalLexicon.Numerals.TryGetValue(w, out var n))
            {
                if (lastWasDigitWord) break;
                current += n;
                lastWasDigitWord = true;
                continue;
            }
            lastWasDigitWord = false;
            switch (w)
            {
                case "sepuluh": current += 10; break;
                case "sebelas": current += 11; break;
                case "seratus": current += 100; break;
                case "seribu": total += 1000; break;
                case "belas" when current is > 0 and < 10: current += 10; break;
                case "puluh" when current is > 0 and < 10: current *= 10; break;
                case "ratus" when current is > 0 and < 10: current *= 100; break;
                case "ribu" when current > 0: total += current * 1000; current = 0; break;
                case "juta" when current > 0: total += current * 1_000_000; current = 0; break;
                default: goto done;
            }
        }
    done:
        if (j == i) return false;
        next = j;
        amount = (total + current).ToString(CultureInfo.InvariantCulture);
        // "satu setengah tahun" is one and a half years.
        if (j < tokens.Count && tokens[j].Is("setengah"))
        {
            amount += ".5";
            next = j + 1;
        }
        return total + current > 0;
    }

    private static bool Adjacent(IReadOnlyList<TemporalToken> tokens, int a, int b) =>
        b < tokens.Count && tokens[a].End == tokens[b].Start;
}
