namespace Warta.Core.Extraction;

/// <summary>A run of tokens seen as lower-case words, for <see cref="NumberWords"/>: each annotator's own tokens behind one shape.</summary>
internal interface IWordRun
{
    /// <summary>The word at <paramref name="index"/> in lower case, or null where the run ends or the token is no word.</summary>
    string? LowerWordAt(int index);
}

/// <summary>Indonesian cardinals spelt in words (<c>dua puluh lima</c>, <c>seratus</c>, <c>dua belas</c>), read one way for
/// the temporal tagger and the quantity extractor.</summary>
internal static class NumberWords
{
    /// <summary>The words for one to nine.</summary>
    public static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["satu"] = 1,
        ["dua"] = 2,
        ["tiga"] = 3,
        ["empat"] = 4,
        ["lima"] = 5,
        ["enam"] = 6,
        ["tujuh"] = 7,
        ["delapan"] = 8,
        ["sembilan"] = 9,
    };

    /// <summary>
    /// Reads the words from <paramref name="start"/> for as long as they continue one cardinal. A digit word does not
    /// follow units already read: <c>dua belas tiga</c> is twelve, then another number. With <paramref name="thousands"/>,
    /// <c>ribu</c> and <c>juta</c> multiply what came before; without, they end the run (the quantity extractor reads them
    /// as magnitudes of its own, after decimals such as <c>1,5 juta</c>).
    /// </summary>
    /// <returns>Whether at least one number word was read and the value is above zero; <paramref name="next"/> is the index after the last word read.</returns>
    public static bool TryRead<TRun>(in TRun words, int start, bool thousands, out long value, out int next) where TRun : IWordRun
    {
        // current: the part below a thousand read so far; last: a digit word not yet taken by belas/puluh/ratus.
        long total = 0, current = 0, last = 0;
        var j = start;
        for (; words.LowerWordAt(j) is { } w; j++)
        {
            if (Digits.TryGetValue(w, out var digit))
            {
                if (last != 0 || current % 10 != 0) break;
                current += digit;
                last = digit;
                continue;
            }
            // A multiplier takes the digit before it, and only where no tens stand before that digit (dua puluh tiga puluh).
            var tensFree = last != 0 && (current - last) % 100 == 0;
            switch (w)
            {
                case "sepuluh" when current % 100 == 0: current += 10; break;
                case "sebelas" when current % 100 == 0: current += 11; break;
                case "seratus" when current == 0: current = 100; break;
                case "seribu" when total % 1_000_000 == 0 && current == 0: total += 1000; break;
                case "belas" when tensFree: current += 10; break;
                case "puluh" when tensFree: current += last * 9; break;
                case "ratus" when current == last && last != 0: current = last * 100; break;
                case "ribu" when thousands && current > 0 && total % 1_000_000 == 0: total += current * 1000; current = 0; break;
                case "juta" when thousands && current > 0 && total == 0: total = current * 1_000_000; current = 0; break;
                default: goto done;
            }
            last = 0;
        }
    done:
        next = j;
        value = total + current;
        return j > start && value > 0;
    }
}
