using System.Globalization;
using Warta.Core.Model;

namespace Warta.Core.Extraction.Temporal;

// This part: Holiday rules: named holidays anchored by year, by a relative phrase or by the word before, else generic.
internal sealed partial class TemporalGrammar
{
    /// <summary>Words before a bare holiday that make it a particular one (<c>menjelang Natal</c>), unlike a generic mention
    /// (<c>perayaan Natal</c>, <c>XXXX-12-25</c>).</summary>
    private static readonly HashSet<string> OccasionCues = new(StringComparer.Ordinal)
    {
        "jelang", "menjelang", "saat", "pada", "sebelum", "setelah", "sesudah", "usai", "seusai", "pasca", "libur", "liburan", "selama",
        "hingga", "sampai", "sejak", "momen", "momentum", "malam", "hari-hari",
    };

    private static readonly HashSet<string> OtherNewYears = new(StringComparer.Ordinal) { "imlek", "islam", "hijriah", "hijriyah", "cina", "china", "saka" };

    /// <summary>Holidays: <c>Natal 2014</c>, <c>Natal tahun lalu</c>, <c>menjelang Natal</c> (the nearest), <c>HUT RI ke-80</c>
    /// (2025-08-17), <c>Imlek</c>; a fixed-date holiday named without any of these is generic (<c>XXXX-12-25</c>).</summary>
    private Match? Holiday(int i)
    {
        if (!At(i).IsWord || !TemporalHolidays.ByFirstWord.TryGetValue(At(i).Lower, out var candidates)) return null;
        foreach (var holiday in candidates)
        {
            var n = holiday.Words.Length;
            var matches = true;
            for (var k = 0; k < n && matches; k++) matches = At(i + k).IsWord && At(i + k).Lower == holiday.Words[k];
            // A holiday is a proper name ("Hari Ibu", not "hari ibu itu meninggal"); Mandailing Natal is a regency.
            if (!matches || !char.IsUpper(At(i + n - 1).Text[0]) || Word(i - 1, "mandailing")) continue;
            var end = i + n;
            if (holiday.Words is ["tahun", "baru"] && WordIn(end, OtherNewYears)) return null;
            // "Valentine's Day" (a film title in English) is not the Indonesian "Hari Valentine".
            if (At(end).Text is "'" or "’" && Word(end + 1, "s")) return null;
            DateOnly? date = null;
            if (holiday.Founded is { } founded && Word(end, "ke") && Punct(end + 1, "-") && Number(end + 2, 1, 600, 3) is { } nth)
            {
                date = holiday.On(founded + nth);
                end += 3;
            }
            else if (Year(end, afterContext: true) is { Value.Length: 4 } year)
            {
                date = holiday.On(int.Parse(year.Value, CultureInfo.InvariantCulture));
                end = year.End;
            }
            else if (Word(end, "tahun") && (Word(end + 1, "ini") || WordIn(end + 1, PastWords) || WordIn(end + 1, FutureWords)))
            {
                var shift = Word(end + 1, "ini") ? 0 : WordIn(end + 1, PastWords) ? -1 : 1;
                date = holiday.On(_ref.Year + shift);
                end += 2;
            }
            else if (Word(end, "ini"))
            {
                date = holiday.On(_ref.Year);
                end++;
            }
            else if (WordIn(end, PastWords))
            {
                date = Occurrence(holiday, before: true);
                end++;
            }
            else if (WordIn(end, FutureWords))
            {
                date = Occurrence(holiday, before: false);
                end++;
            }
            else if (Word(i - 1, "menjelang") || Word(i - 1, "jelang"))
            {
                date = Occurrence(holiday, before: false);
            }
            else if (!TemporalHolidays.IsFixed(holiday) || WordIn(i - 1, OccasionCues))
            {
                date = Nearest(holiday);
            }
            else
            {
                var generic = holiday.On(2001)!.Value;
                return new Match(end, TimexType.Date, "XXXX-" + generic.ToString("MM-dd", CultureInfo.InvariantCulture));
            }
            return date is { } d ? new Match(end, TimexType.Date, Day(d), d) : null;
        }
        return null;
    }

    /// <summary>The last occurrence before the reference date, or the first on or after it.</summary>
    private DateOnly? Occurrence(TemporalHolidays.Holiday holiday, bool before)
    {
        var years = before ? new[] { _ref.Year, _ref.Year - 1 } : [_ref.Year, _ref.Year + 1];
        foreach (var year in years)
        {
            if (holiday.On(year) is { } d && (before ? d < _ref : d >= _ref)) return d;
        }
        return null;
    }

    /// <summary>The occurrence closest to the reference date.</summary>
    private DateOnly? Nearest(TemporalHolidays.Holiday holiday) =>
        new[] { _ref.Year - 1, _ref.Year, _ref.Year + 1 }.Select(holiday.On).OfType<DateOnly>()
            .OrderBy(d => Math.Abs(d.DayNumber - _ref.DayNumber)).Cast<DateOnly?>().FirstOrDefault();
}
