using System.Globalization;
using Warta.Text;

namespace Warta.Core.Extraction.Quantities;

/// <summary>Finds the quantities of a tokenised article body (Indonesian number formats, number words, currency, units, hedges, ranges) and what each counts.</summary>
/// <remarks>
/// Reads the one token layer: <c>3.000</c> and <c>3,5</c> are single number tokens (dot groups thousands, comma marks
/// decimals), <c>Rp2</c> a word token with its currency in front. Dates, clock times and years are the temporal tagger's,
/// so a number with <c>/</c>, one before <c>WIB</c>/<c>WITA</c>/<c>WIT</c> or after <c>pukul</c>, and a bare year are skipped.
/// What a quantity counts comes from the noun after it (or after its classifier, within three words) or, failing that,
/// the nearest count noun before it in the same sentence, so <c>korban meninggal bertambah menjadi 10 orang</c> counts
/// <c>meninggal</c>.
/// </remarks>
public static class QuantityExtractor
{
    /// <summary>The quantities of <paramref name="text"/> in text order; <paramref name="language"/> <c>en</c> reads <c>2,300</c> as a thousands group, any other as a decimal comma.</summary>
    public static IReadOnlyList<Quantity> Extract(TokenizedText text, string language = "id")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text, SentenceSplitter.Split(text), language);
    }

    /// <summary>As <see cref="Extract(TokenizedText, string)"/> with the sentences already split.</summary>
    public static IReadOnlyList<Quantity> Extract(TokenizedText text, IReadOnlyList<BodySentence> sentences, string language = "id")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var english = string.Equals(language, "en", StringComparison.Ordinal);
        var found = new List<Quantity>();
        foreach (var sentence in sentences)
        {
            var end = sentence.FirstToken + sentence.TokenCount;
            for (var i = sentence.FirstToken; i < end; i++)
            {
                if (TryRead(text, sentence, i, end, english, out var quantity, out var next))
                {
                    found.Add(quantity);
                    i = next - 1;
                }
            }
        }
        return found;
    }

    private static bool TryRead(TokenizedText text, BodySentence sentence, int i, int end, bool english, out Quantity quantity, out int next)
    {
        quantity = null!;
        next = i + 1;
        var first = i;
        string? currency = null;
        var lower = text.Lower(i);
        if (QuantityLexicon.Currencies.TryGetValue(lower, out var written) && i + 1 < end && text[i + 1].Kind == TokenKind.Number)
        {
            currency = written;
            i++;
        }
        if (!TryNumber(text, i, end, english, ref currency, out var value, out var afterNumber, out var isWordNumber, out var vague)) return false;
        if (IsTemporal(text, first, i, afterNumber, end, currency)) return false;
        // A bare number in brackets after a name is an age ("Hamdani (52)"), not an amount of anything.
        if (first > sentence.FirstToken && text.Surface(first - 1) is "(" && afterNumber < end && text.Surface(afterNumber) is ")" && currency is null) return false;
        var j = afterNumber;
        if (j < end && QuantityLexicon.Magnitudes.TryGetValue(text.Lower(j), out var magnitude))
        {
            value *= magnitude;
            j++;
        }
        decimal? upper = null;
        if (j + 1 < end && (text.Surface(j) is "-" or "–" || text.Lower(j) is "hingga" or "sampai")
            && TryNumber(text, j + 1, end, english, ref currency, out var high, out var afterHigh, out _, out _) && high > value)
        {
            // "(9-10/8/2025)": a range of days, the temporal tagger's.
            if (afterHigh < end && text.Surface(afterHigh) is "/" && text[afterHigh].Start == text[afterHigh - 1].End) return false;
            upper = high;
            j = afterHigh;
            if (j < end && QuantityLexicon.Magnitudes.TryGetValue(text.Lower(j), out var highMagnitude))
            {
                upper *= highMagnitude;
                j++;
            }
        }
        string? unit = currency;
        string? counts = null;
        if (j < end && (QuantityLexicon.Units.Contains(text.Lower(j)) || text.Surface(j) is "%"))
        {
            unit = text.Surface(j) is "%" ? "persen" : text.Lower(j);
            j++;
            // "70 kilometer per jam", "70 km/jam": a speed.
            if (unit is "kilometer" or "km" && j + 1 < end && text.Lower(j) is "per" or "/" && text.Lower(j + 1) is "jam")
            {
                unit = "km/jam";
                j += 2;
            }
            if (QuantityLexicon.Classifiers.Contains(unit)) counts = CountAfter(text, j, end, 3, ref j);
        }
        else if (currency is null && j < end)
        {
            counts = CountAfter(text, j, end, 1, ref j);
        }
        // A number word alone ("salah satu", "dua negara" aside) is only a quantity with a unit or something counted.
        if (isWordNumber && unit is null && counts is null) return false;
        if (isWordNumber && first > 0 && text.Lower(first - 1) == "salah") return false;
        // A measure (60 meter, dua hari) is what its unit says; only counts and money look back for what they are of.
        var measure = unit is not null && currency is null && !QuantityLexicon.Classifiers.Contains(unit);
        if (!measure) counts ??= CountBefore(text, sentence.FirstToken, first, currency is not null, unit is not null && QuantityLexicon.PeopleClassifiers.Contains(unit));
        // "sekitar 1.900 jiwa": a classifier of people with nothing else said counts residents, not the villages named before it.
        if (counts is null && unit is not null && QuantityLexicon.PeopleClassifiers.Contains(unit)) counts = "warga";
        var hedged = IsHedged(text, sentence.FirstToken, first, out var hedgeStart);
        var approximate = vague || hedged;
        var start = hedged ? text[hedgeStart].Start : text[first].Start;
        var last = text[j - 1].End;
        quantity = new Quantity(sentence.Index, start, last - start, text.Text[start..last], value, upper, approximate, unit, counts);
        next = j;
        return true;
    }

    /// <summary>A number at <paramref name="i"/>: digits (with <c>Rp</c> glued on), a vague amount, or a run of number words.</summary>
    private static bool TryNumber(TokenizedText text, int i, int end, bool english, ref string? currency, out decimal value, out int next, out bool isWordNumber, out bool vague)
    {
        value = 0;
        next = i + 1;
        isWordNumber = false;
        vague = false;
        var token = text[i];
        var surface = text.Surface(i);
        if (token.Kind == TokenKind.Number) return english ? TryEnglishDigits(surface, out value) : TryDigits(surface, out value);
        if (token.Kind != TokenKind.Word) return false;
        if (surface.Length > 2 && surface[..2].Equals("Rp", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(surface[2]))
        {
            currency = "Rp";
            return TryDigits(surface[2..], out value);
        }
        var lower = text.Lower(i);
        if (QuantityLexicon.VagueAmounts.TryGetValue(lower, out var amount))
        {
            value = amount;
            vague = true;
            if (i + 1 < end && lower == "puluhan" && text.Lower(i + 1) == "ribu") { value = 10_000m; next = i + 2; }
            return true;
        }
        if (!NumberWords.TryRead(new TokenWords(text, end), i, thousands: false, out var words, out var j)) return false;
        value = words;
        next = j;
        isWordNumber = true;
        return true;
    }

    private readonly struct TokenWords(TokenizedText text, int end) : IWordRun
    {
        public string? LowerWordAt(int index) => index < end && text[index].Kind == TokenKind.Word ? text.Lower(index) : null;
    }

    /// <summary>Indonesian digits: dots group thousands (<c>3.000</c>), a comma marks decimals (<c>3,5</c>); a token with other separators (a date) is no quantity.</summary>
    private static bool TryDigits(ReadOnlySpan<char> surface, out decimal value)
    {
        value = 0;
        Span<char> buffer = stackalloc char[surface.Length];
        var length = 0;
        var groups = surface.Count('.');
        foreach (var c in surface)
        {
            if (char.IsAsciiDigit(c)) buffer[length++] = c;
            else if (c == ',') buffer[length++] = '.';
            else if (c == '.') { if (groups == 0) return false; }
            else return false;
        }
        if (groups > 0)
        {
            // Every dot group after the first has three digits (3.000, 1.250.000); otherwise it is a clock time or a decimal point.
            var parts = surface.ToString().Split(',')[0].Split('.');
            for (var k = 1; k < parts.Length; k++) if (parts[k].Length != 3) return false;
        }
        return length > 0 && decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>English digits: commas group thousands (<c>2,300</c>), a dot marks decimals.</summary>
    private static bool TryEnglishDigits(ReadOnlySpan<char> surface, out decimal value)
    {
        value = 0;
        var groups = surface.ToString().Split('.')[0].Split(',');
        for (var k = 1; k < groups.Length; k++) if (groups[k].Length != 3) return false;
        var plain = surface.ToString().Replace(",", "", StringComparison.Ordinal);
        return plain.Length > 0 && plain.Count(static c => c == '.') <= 1 && plain.All(static c => char.IsAsciiDigit(c) || c == '.')
            && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsTemporal(TokenizedText text, int first, int number, int after, int end, string? currency)
    {
        if (currency is not null) return false;
        if (after < end && text.Lower(after) is "wib" or "wita" or "wit" or "pagi" or "siang" or "sore" or "malam") return true;
        if (first > 0 && text.Lower(first - 1) is "pukul" or "jam" or "tahun" or "no" or "nomor" or "pasal" or "ayat" or "km" or "tanggal" or "tgl") return true;
        if (number + 1 < text.Count && text.Surface(number + 1) is "/" && text[number + 1].Start == text[number].End) return true;
        if (first > 0 && text.Surface(first - 1) is "/" && text[first - 1].End == text[first].Start) return true;
        var surface = text.Surface(number);
        // A bare four-digit number in the range of years is a year, not an amount.
        if (text[number].Kind == TokenKind.Number && surface.Length == 4 && int.TryParse(surface, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2100 && !(after < end && (QuantityLexicon.Units.Contains(text.Lower(after)) || QuantityLexicon.CountNouns.ContainsKey(text.Lower(after)))))
        {
            return true;
        }
        return false;
    }

    private static string? CountAfter(TokenizedText text, int j, int end, int window, ref int next)
    {
        for (var k = j; k < end && k < j + window; k++)
        {
            if (text[k].Kind != TokenKind.Word) return null;
            var lower = text.Lower(k);
            if (k + 1 < end && QuantityLexicon.CountNouns.TryGetValue(lower + " " + text.Lower(k + 1), out var pair))
            {
                if (k == j) next = k + 2;
                return pair;
            }
            if (QuantityLexicon.CountNouns.TryGetValue(lower, out var noun))
            {
                if (k == j) next = k + 1;
                return noun;
            }
        }
        return null;
    }

    private static string? CountBefore(TokenizedText text, int sentenceStart, int first, bool money, bool people)
    {
        var nouns = money ? QuantityLexicon.MoneyNouns : QuantityLexicon.CountNouns;
        for (var k = first - 1; k >= sentenceStart && k >= first - 20; k--)
        {
            if (text[k].Kind == TokenKind.Number) return null;
            if (!nouns.TryGetValue(text.Lower(k), out var noun)) continue;
            // "Desa Batu Hampar", "Nagari Koto Ilalang", "SMP Negeri 1": a capitalised count noun inside a sentence begins a name.
            if (k > sentenceStart && char.IsUpper(text.Surface(k)[0])) continue;
            // Orang and jiwa count people: a village or a house named before them is where they are, not what they are.
            if (people && !QuantityLexicon.PeopleCounts.Contains(noun)) continue;
            return noun;
        }
        return null;
    }

    private static bool IsHedged(TokenizedText text, int sentenceStart, int first, out int hedgeStart)
    {
        hedgeStart = -1;
        for (var k = first - 1; k >= sentenceStart && k >= first - 2; k--)
        {
            var lower = text.Lower(k);
            if (lower is "dari" or "atas" or "kurang" or "lebih" or "sebanyak") continue;
            if (QuantityLexicon.Hedges.Contains(lower))
            {
                hedgeStart = k;
                // "lebih dari", "di atas": start at the first word of the hedge.
                if (k > sentenceStart && text.Lower(k - 1) is "di" or "kurang" or "lebih") hedgeStart = k - 1;
                return true;
            }
            return false;
        }
        for (var k = first - 1; k >= sentenceStart && k >= first - 2; k--)
        {
            if (text.Lower(k) is "lebih" or "kurang" && k + 1 < first && text.Lower(k + 1) == "dari") { hedgeStart = k; return true; }
            if (text.Lower(k) == "atas" && k > sentenceStart && text.Lower(k - 1) == "di") { hedgeStart = k - 1; return true; }
        }
        return false;
    }
}
