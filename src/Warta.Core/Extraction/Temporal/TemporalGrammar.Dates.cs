using System.Globalization;
using Warta.Core.Model;

namespace Warta.Core.Extraction.Temporal;

// This part: Calendar-date rules: modified periods, weekdays, numeric and month dates, years.
internal sealed partial class TemporalGrammar
{
    /// <summary><c>awal/akhir/pertengahan X</c>, <c>akhir pekan</c>, <c>paruh kedua X</c>, <c>kuartal III 2014</c>.</summary>
    private Match? Modified(int i)
    {
        if (WordIn(i, Modifiers))
        {
            var inner = Relative(i + 1) ?? MonthDate(i + 1) ?? Year(i + 1, afterContext: true);
            if (Word(i + 1, "pekan") || Word(i + 1, "minggu"))
            {
                // "akhir pekan (ini|lalu|depan)" is the weekend of that week.
                var rel = Relative(i + 1);
                var week = rel?.Value ?? Week(_ref);
                if (Word(i, "akhir")) return new Match(rel?.End ?? i + 2, TimexType.Date, week + "-WE");
                return new Match(rel?.End ?? i + 2, TimexType.Date, week);
            }
            if (inner is { } m && m.Value is not null && m.Type == TimexType.Date) return m with { Day = null };
            if (Word(i + 1, "tahun")) return new Match(i + 2, TimexType.Date, Year(_ref.Year));
            if (Word(i + 1, "bulan")) return new Match(i + 2, TimexType.Date, Month(_ref.Year, _ref.Month));
            return null;
        }
        // "kuartal pertama dan kedua tahun depan": the second ordinal's head is elided; it is read with the first's.
        var head = IsPeriodHead(i) ? i : IsOrdinalWord(i) && Word(i - 1, "dan") && IsOrdinalWord(i - 2) && IsPeriodHead(i - 3) ? i - 3 : -1;
        if (head >= 0)
        {
            var j = head == i ? i + 1 : i;
            if (Word(head, "paruh") && Word(j, "waktu")) return null;
            int? n = At(j).IsWord && TemporalLexicon.Ordinals.TryGetValue(At(j).Lower, out var o) ? o : Number(j, 1, 4, 1);
            if (n is null) return null;
            j++;
            if (Word(j, "dan") && IsOrdinalWord(j + 1) && (Word(j + 2, "tahun") || Number(j + 2, 1900, 2099, 4) is not null))
            {
                // The first of two elided quarters takes the year written after the second.
                var shared = Modified(j + 1);
                return shared is { Value: { Length: > 4 } v } ? new Match(j, TimexType.Date, v[..5] + v[5] + n.Value.ToString(CultureInfo.InvariantCulture)) : null;
            }
            var half = Word(head, "paruh") || Word(head, "semester");
            if (half && n > 2) return null;
            var month = TemporalLexicon.MonthOf(At(j), allowAbbreviation: false);
            if (half && month > 0 && At(j).IsCapitalised)
            {
                var inner = MonthDate(j);
                return inner is { } mm ? mm with { Day = null } : null;
            }
            var year = _ref.Year;
            var end = j;
            if (Word(j, "tahun"))
            {
                end = j + 1;
                if (Relative(j) is { Value.Length: 4 } rel)
                {
                    year = int.Parse(rel.Value, CultureInfo.InvariantCulture);
                    end = rel.End;
                }
                else if (Year(j, afterContext: true) is { } y && y.Value is not null)
                {
                    year = int.Parse(y.Value.AsSpan(0, 4), CultureInfo.InvariantCulture);
                    end = y.End;
                }
            }
            else if (Year((Punct(j, "-") || Punct(j, "/")) && Adjacent(j - 1, j) ? j + 1 : j, afterContext: true) is { } y && y.Value is not null)
            {
                year = int.Parse(y.Value.AsSpan(0, 4), CultureInfo.InvariantCulture);
                end = y.End;
            }
            return new Match(end, TimexType.Date, Year(year) + (half ? "-H" : "-Q") + n.Value.ToString(CultureInfo.InvariantCulture));
        }
        return null;
    }

    private bool IsPeriodHead(int i) => Word(i, "paruh") || Word(i, "semester") || Word(i, "kuartal") || Word(i, "triwulan");

    private bool IsOrdinalWord(int i) => At(i).IsWord && TemporalLexicon.Ordinals.ContainsKey(At(i).Lower) && At(i).Lower.Length > 3;

    /// <summary><c>Selasa</c>, <c>hari Selasa</c>, <c>Selasa (23/4/2019)</c>, <c>Kamis, 17 Oktober 2013</c>, <c>Senin lalu</c>, <c>Kamis malam</c>,
    /// <c>Minggu (28/12/2014) pukul 07.24 WIB</c>.</summary>
    /// <remarks>A preceding <c>hari</c> is the expression's nominal head and stays inside, as IndoTimex has it
    /// (<c>lib/id.grammar</c>: <c>hari [FieldValue:DayOfWeek]</c>; <c>lib/fst/timex.fst</c>: UNIT then DAYOFWEEK).</remarks>
    private Match? Weekday(int i)
    {
        var j = Word(i, "hari") && At(i + 1).IsWord && TemporalLexicon.Weekdays.ContainsKey(At(i + 1).Lower) ? i + 1 : i;
        var token = At(j);
        if (!token.IsWord || !TemporalLexicon.Weekdays.TryGetValue(token.Lower, out var weekday)) return null;
        var explicitDate = NumericDate(j + 1, withParens: true) ?? (Punct(j + 1, ",") ? MonthDate(j + 2) ?? NumericDate(j + 2, withParens: false) : null);
        if (token.Lower == "minggu" && ((!token.IsCapitalised && j == i) || (explicitDate is null && j == i && (WordIn(j + 1, PastWords) || WordIn(j + 1, FutureWords) || Word(j + 1, "ini")))))
        {
            return null;
        }
        if (!token.IsCapitalised && j == i) return null;
        if (explicitDate is { Day: not null } d) return WithPartOfDay(d.End, d.Day.Value);
        if (token.Lower == "sabtu" && Punct(j + 1, "-") && Adjacent(j, j + 1) && Adjacent(j + 1, j + 2) && Word(j + 2, "minggu"))
        {
            // "Sabtu-Minggu" with no date is weekends in general (TimeML SET over the weekend).
            return new Match(j + 3, TimexType.Set, "XXXX-WXX-WE");
        }
        // "Jl Pasar Minggu", "Rabu Wekasan": a bare weekday right after a capitalised word is part of a name.
        if (j == i && At(i - 1).IsCapitalised && !Adjacent(i - 1, i) && !IsSentenceStart(i - 1)) return null;
        var delta = weekday - Iso(_ref.DayOfWeek);
        var end = j + 1;
        if ((Word(j + 1, "pekan") || Word(j + 1, "minggu")) && WeekOffset(j + 2) is { } weeks)
        {
            // "Senin pekan lalu" is the Monday of last week, "Selasa pekan depan" the Tuesday of next week: the week is
            // named, so the day is counted from that week's Monday, not from the nearest such weekday.
            return WithPartOfDay(j + 3, _ref.AddDays(weekday - Iso(_ref.DayOfWeek) + 7 * weeks));
        }
        if (WordIn(j + 1, PastWords))
        {
            if (delta >= 0) delta -= 7;
            end++;
        }
        else if (WordIn(j + 1, FutureWords))
        {
            if (delta <= 0) delta += 7;
            end++;
        }
        else if (Word(j + 1, "ini"))
        {
            end++;
        }
        else if (delta > 3)
        {
            delta -= 7;
        }
        else if (delta < -3)
        {
            delta += 7;
        }
        return WithPartOfDay(end, _ref.AddDays(delta));
    }

    /// <summary>The week a word after <c>pekan</c>/<c>minggu</c> names: <c>lalu</c> −1, <c>ini</c> 0, <c>depan</c> +1.</summary>
    private int? WeekOffset(int i) =>
        WordIn(i, PastWords) && !Word(i, "kemarin") ? -1 : Word(i, "ini") ? 0 : Word(i, "depan") || Word(i, "mendatang") ? 1 : null;

    /// <summary>The day, with a following part of day (<c>Minggu (28/12/2014) pagi</c>) or clock time (<c>Minggu (28/12/2014)
    /// pukul 07.24 WIB</c>) when one comes right after it.</summary>
    /// <remarks>A date and the clock time written right after it are one TIME (TimeML tags the whole of "twelve o'clock January
    /// 3, 1984"; IndoTimex's recogniser goes on from a date to <c>pukul</c>: <c>lib/fst/timex.fst</c>, state 2 on PRETIME). A
    /// comma or a modifier between them (<c>Rabu (31/12/2014) sekitar pukul 09.00</c>) ends the date, as it ends an IndoTimex
    /// span (a modifier opens a span only from the start state there).</remarks>
    private Match WithPartOfDay(int end, DateOnly day)
    {
        if (Word(end, "pukul") && Clock(end, day) is { } clock)
        {
            return clock with { Day = day };
        }
        if (At(end).IsWord && TemporalLexicon.PartsOfDay.TryGetValue(At(end).Lower, out var part) && !Word(end, "dini"))
        {
            var partEnd = end + 1;
            if (Word(partEnd, "hari")) partEnd++;
            // "(Rabu pagi WIB)": the zone stays inside the span, as after a clock time.
            if (IsZone(partEnd)) partEnd++;
            return new Match(partEnd, TimexType.Time, Day(day) + "T" + part, day);
        }
        return new Match(end, TimexType.Date, Day(day), day);
    }

    /// <summary><c>23/4/2019</c>, <c>(23/4/2019)</c>, <c>17-10-2013</c>, <c>(17/10)</c>.</summary>
    private Match? NumericDate(int i, bool withParens)
    {
        var j = i;
        var open = withParens && Punct(j, "(");
        if (open) j++;
        if (Word(j, "tanggal") || Word(j, "tgl")) j++;
        var d = Number(j, 1, 31, 2);
        if (d is null) return null;
        var sep = At(j + 1).Text;
        if (sep is not ("/" or "-") || !Adjacent(j, j + 1) || !Adjacent(j + 1, j + 2)) return null;
        var m = Number(j + 2, 1, 12, 2);
        if (m is null) return null;
        var end = j + 3;
        int year;
        if (Punct(end, sep) && Adjacent(j + 2, end) && Adjacent(end, end + 1) && At(end + 1).IsNumber
            && At(end + 1).Length is 2 or 4)
        {
            year = int.Parse(At(end + 1).Text, CultureInfo.InvariantCulture);
            if (year < 100) year += year > 50 ? 1900 : 2000;
            end += 2;
        }
        else
        {
            // A bare d/m pair is a fraction or score as often as a date; accept it only in brackets.
            if (!open) return null;
            year = NearestYear(m.Value, d.Value);
        }
        if (d.Value > DateTime.DaysInMonth(year, m.Value)) return null;
        if (open)
        {
            if (!Punct(end, ")")) return null;
            end++;
        }
        var day = new DateOnly(year, m.Value, d.Value);
        return new Match(end, TimexType.Date, Day(day), day);
    }

    /// <summary><c>23 April 2019</c>, <c>23 Apr</c>, <c>April 2019</c>, <c>Februari lalu</c>, <c>Juli mendatang</c>, <c>Oktober ini</c>, <c>Juli</c>.</summary>
    private Match? MonthDate(int i)
    {
        var j = i;
        if (Word(j, "tanggal") || Word(j, "tgl")) j++;
        var d = Number(j, 1, 31, 2);
        if (d is not null)
        {
            var month = TemporalLexicon.MonthOf(At(j + 1), allowAbbreviation: true);
            if (month == 0)
            {
                // "tanggal 5" alone is that day of the reference month.
                if (j == i || d.Value > DateTime.DaysInMonth(_ref.Year, _ref.Month) || Adjacent(j, j + 1)) return null;
                var dom = new DateOnly(_ref.Year, _ref.Month, d.Value);
                return new Match(j + 1, TimexType.Date, Day(dom), dom);
            }
            var end = j + 2;
            if (Punct(end, ".") && Adjacent(j + 1, end) && !TemporalLexicon.Months.ContainsKey(At(j + 1).Lower) && Number(end + 1, 1000, 2999) is not null) end++;
            int year;
            if (Number(end, 1000, 2999) is { } y)
            {
                year = y;
                end++;
            }
            else
            {
                year = NearestYear(month, d.Value);
            }
            if (d.Value > DateTime.DaysInMonth(year, month)) return null;
            var day = new DateOnly(year, month, d.Value);
            if (WordIn(end, PastWords) || Word(end, "mendatang")) end++;
            return WithPartOfDay(end, day);
        }
        if (j != i) return null;
        if (Word(i, "bulan") && TemporalLexicon.MonthOf(At(i + 1), allowAbbreviation: false) > 0 && MonthDate(i + 1) is { } named)
        {
            return named;
        }
        var token = At(i);
        var m = TemporalLexicon.MonthOf(token, allowAbbreviation: Number(i + 1, 1000, 2999) is not null);
        if (m == 0 || !token.IsCapitalised) return null;
        if (Number(i + 1, 1000, 2999) is { } yy)
        {
            var end = i + 2;
            if (WordIn(end, PastWords) || Word(end, "mendatang")) end++;
            return new Match(end, TimexType.Date, Month(yy, m));
        }
        if (Punct(i + 1, "-") && Adjacent(i, i + 1) && Adjacent(i + 1, i + 2) && TemporalLexicon.MonthOf(At(i + 2), false) > 0
            && Number(i + 3, 1000, 2999) is { } rangeYear)
        {
            // "Juni-Juli 2014": the first month takes the year written after the second.
            return new Match(i + 1, TimexType.Date, Month(rangeYear, m));
        }
        if (Word(i + 1, "tahun"))
        {
            if (Year(i + 1, afterContext: true) is { Value: not null } y1)
            {
                return new Match(y1.End, TimexType.Date, y1.Value + "-" + m.ToString("D2", CultureInfo.InvariantCulture));
            }
            if (Relative(i + 1) is { Value: not null } rel && rel.Value.Length == 4)
            {
                return new Match(rel.End, TimexType.Date, rel.Value + "-" + m.ToString("D2", CultureInfo.InvariantCulture));
            }
        }
        if (WordIn(i + 1, PastWords) || Word(i + 1, "sebelumnya"))
        {
            // "awal Juli lalu" written on 30 July is this July: a month named with "lalu" is its latest start, the current
            // month included (last year's would be "Juli tahun lalu").
            var year = m <= _ref.Month ? _ref.Year : _ref.Year - 1;
            return new Match(i + 2, TimexType.Date, Month(year, m));
        }
        if (WordIn(i + 1, FutureWords))
        {
            var year = m > _ref.Month ? _ref.Year : _ref.Year + 1;
            return new Match(i + 2, TimexType.Date, Month(year, m));
        }
        if (Word(i + 1, "ini")) return new Match(i + 2, TimexType.Date, Month(_ref.Year, m));
        // "Mei" alone is also a given name; a bare month is accepted after a preposition or a modifier only.
        if (m == 5 && !WordIn(i - 1, YearContext)) return null;
        var bareYear = NearestYear(m, 15);
        if (FutureCueBefore(i)) bareYear = m >= _ref.Month ? _ref.Year : _ref.Year + 1;
        if (Word(i - 1, "sejak") || Word(i - 1, "semenjak")) bareYear = m <= _ref.Month ? _ref.Year : _ref.Year - 1;
        else if (Word(i - 1, "hingga") || Word(i - 1, "sampai") || Word(i - 1, "menjelang") || Word(i - 1, "jelang")) bareYear = m >= _ref.Month ? _ref.Year : _ref.Year + 1;
        return new Match(i + 1, TimexType.Date, Month(bareYear, m));
    }

    private static readonly HashSet<string> FutureCues = new(StringComparer.Ordinal)
    {
        "akan", "bakal", "hendak", "dijadwalkan", "direncanakan", "berencana", "rencananya", "ditargetkan", "diharapkan", "diperkirakan",
    };

    /// <summary>Whether the sentence says, in the few words before <paramref name="i"/>, that what it dates is still to come
    /// ("pertemuan berikutnya yang dijadwalkan pada Juni"): a bare month there is the next one, not the nearest.</summary>
    private bool FutureCueBefore(int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 8; k--)
        {
            if (At(k).Kind == TemporalTokenKind.Punctuation && At(k).Text is "." or "!" or "?") return false;
            if (WordIn(k, FutureCues)) return true;
        }
        return false;
    }

    /// <summary><c>2014</c> in a year context, <c>tahun 2019</c>, <c>tahun 2014 lalu</c>, <c>1990-an</c>.</summary>
    private Match? Year(int i, bool afterContext)
    {
        var j = i;
        var named = Word(j, "tahun");
        if (named) j++;
        var y = Number(j, 1900, 2099, 4);
        if (y is null || At(j).Length != 4) return null;
        if (!afterContext && Adjacent(j - 1, j) && At(j - 1).Text is "." or "," or "/" or ":") return null;
        if (Adjacent(j, j + 1) && At(j + 1).Text is "." or "," && At(j + 2).IsNumber && Adjacent(j + 1, j + 2)) return null;
        if (Adjacent(j, j + 1) && Punct(j + 1, "-") && Word(j + 2, "an") && Adjacent(j + 1, j + 2))
        {
            return new Match(j + 3, TimexType.Date, y.Value.ToString(CultureInfo.InvariantCulture)[..3]);
        }
        if (!named && !afterContext)
        {
            var next = At(j + 1);
            // A budget or plan acronym before a year names that year's edition ("APBN-P 2015", "R-APBN 2015").
            var contextual = WordIn(i - 1, YearContext)
                || (At(i - 1).IsWord && At(i - 1).Length >= 4 && At(i - 1).Text.Count(char.IsUpper) >= 4 && !At(i - 1).Text.Any(char.IsLower))
                || j + 1 >= _t.Count
                || next.Kind == TemporalTokenKind.Punctuation
                || WordIn(j + 1, YearFollowers);
            if (!contextual) return null;
        }
        var end = j + 1;
        // "2014 lalu", and "penghujung 2013 ini": the anchor word belongs to the expression.
        if (WordIn(end, PastWords) || Word(end, "ini")) end++;
        return new Match(end, TimexType.Date, Year(y.Value));
    }
}
