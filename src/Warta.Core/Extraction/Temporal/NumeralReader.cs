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
        if (!NumberWords.TryRead(new TemporalWords(tokens), i, thousands: true, out var value, out var j))
        {
            next = i;
            return false;
        }
        next = j;
        amount = value.ToString(CultureInfo.InvariantCulture);
        // "satu setengah tahun" is one and a half years.
        if (j < tokens.Count && tokens[j].Is("setengah"))
        {
            amount += ".5";
            next = j + 1;
        }
        return true;
    }

    private readonly struct TemporalWords(IReadOnlyList<TemporalToken> tokens) : IWordRun
    {
        public string? LowerWordAt(int index) => index < tokens.Count && tokens[index].IsWord ? tokens[index].Lower : null;
    }

    private static bool Adjacent(IReadOnlyList<TemporalToken> tokens, int a, int b) =>
        b < tokens.Count && tokens[a].End == tokens[b].Start;
}
