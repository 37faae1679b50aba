using System.Globalization;
using Warta.Core.Model;

namespace Warta.Core.Extraction.Temporal;

// This part: Rules relative to the reference time: deictic days and periods, present/past/future references, counted durations and sets.
internal sealed partial class TemporalGrammar
{
    /// <summary><c>hari ini</c>, <c>kemarin</c>, <c>besok</c>, <c>lusa</c>, <c>pekan/bulan/tahun ini|lalu|depan</c>, <c>malam ini</c>.</summary>
    private Match? Relative(int i)
    {
        var t = At(i);
        if (!t.IsWord) return null;
        switch (t.Lower)
        {
            case "hari" when Word(i + 1, "ini"):
                return new Match(i + 2, TimexType.Date, Day(_ref), _ref);
            case "hari" when Word(i + 1, "yang") && Word(i + 2, "sama"):
                // The day last told of (lib/id.grammar has "hari yang sama" as a day).
                return new Match(i + 3, TimexType.Date, Day(_lastDay ?? _ref), _lastDay ?? _ref);
            case "hari" when CountedDay(i + 1) is { } ordinalEnd:
                // "hari ketiga pencarian", "hari ke-5 operasi SAR": a day counted from an event the text reports on; IndoTimex
                // tags it as a DATE (lib/fst/timex.fst: UNIT then ORDINAL). The report is written on that day as a rule, so
                // the value is the reference date; the event itself stays outside the span.
                return new Match(ordinalEnd, TimexType.Date, Day(_ref), _ref);
            case "kemarin" when Word(i + 1, "lusa"):
                return new Match(i + 2, TimexType.Date, Day(_ref.AddDays(-2)), _ref.AddDays(-2));
            case "kemarin" or "besok" or "esok" when NumericDate(i + 1, withParens: true) is { Day: not null } written:
                // "kemarin (19/11)" is one expression; the written date wins over the counted one.
                return WithPartOfDay(written.End, written.Day.Value);
            case "kemarin":
                return WithPartOfDay(i + 1, _ref.AddDays(-1));
            case "besok" or "esok":
                var end = Word(i + 1, "hari") ? i + 2 : i + 1;
                return WithPartOfDay(end, _ref.AddDays(1));
            case "tengah" when Word(i + 1, "hari"):
                // Midday of the date just mentioned, else of the reference date.
                var noon = _lastDay is { } last && _t[i].Start - _lastDayEnd is >= 0 and < 24 ? last : _ref;
                return new Match(i + 2, TimexType.Time, Day(noon) + "T12:00");
            case "tengah" when Word(i + 1, "malam"):
                // Midnight ending the date just mentioned ("Senin (3/6) tengah malam"), else the reference date: TimeML's T24:00.
                var night = _lastDay is { } told && _t[i].Start - _lastDayEnd is >= 0 and < 24 ? told : _ref;
                return new Match(i + 2, TimexType.Time, Day(night) + "T24:00");
            case "keesokan" when Word(i + 1, "harinya") || Word(i + 1, "hari"):
                // The day after the day last told of ("Senin (29/12) ... Keesokan harinya"), else after the reference date.
                var next = (_lastDay ?? _ref).AddDays(1);
                return WithPartOfDay(i + 2, next);
            case "lusa":
                return new Match(i + 1, TimexType.Date, Day(_ref.AddDays(2)), _ref.AddDays(2));
            case "semalam" when !Word(i + 1, "suntuk"):
            case "tadi" when Word(i + 1, "malam"):
                return new Match(Word(i, "tadi") ? i + 2 : i + 1, TimexType.Time, Day(_ref.AddDays(-1)) + "TNI", _ref.AddDays(-1));
            case "tadi" when At(i + 1).IsWord && TemporalLexicon.PartsOfDay.ContainsKey(At(i + 1).Lower):
            case "nanti" when At(i + 1).IsWord && TemporalLexicon.PartsOfDay.ContainsKey(At(i + 1).Lower):
                return new Match(i + 2, TimexType.Time, Day(_ref) + "T" + TemporalLexicon.PartsOfDay[At(i + 1).Lower], _ref);
        }
        if (TemporalLexicon.PartsOfDay.TryGetValue(t.Lower, out var part))
        {
            // "pagi itu", "malam itu": that part of the day last told of (IndoTimex: PARTOFDAY then CURRENT, a TIME).
            if (Word(i + 1, "itu") && !Word(i, "dini")) return new Match(i + 2, TimexType.Time, Day(_lastDay ?? _ref) + "T" + part, _lastDay ?? _ref);
            if (Word(i + 1, "ini") || Word(i + 1, "tadi")) return new Match(i + 2, TimexType.Time, Day(_ref) + "T" + part, _ref);
            if (Word(i + 1, "hari") && (Word(i + 2, "ini") || Word(i + 2, "tadi"))) return new Match(i + 3, TimexType.Time, Day(_ref) + "T" + part, _ref);
        }
        if (t.Lower == "abad" && Word(i + 1, "ke") && Punct(i + 2, "-") && Number(i + 3, 1, 30, 2) is { } century)
        {
            return new Match(i + 4, TimexType.Date, (century - 1).ToString("D2", CultureInfo.InvariantCulture));
        }
        if (t.Lower == "musim" && At(i + 1).IsWord && Seasons.TryGetValue(At(i + 1).Lower, out var season))
        {
            var end = i + 2;
            var year = _ref.Year;
            if (Year(end, afterContext: true) is { Value.Length: 4 } sy)
            {
                year = int.Parse(sy.Value, CultureInfo.InvariantCulture);
                end = sy.End;
            }
            else if (Word(end, "ini"))
            {
                end++;
            }
            else if (WordIn(end, PastWords))
            {
                year--;
                end++;
            }
            return new Match(end, TimexType.Date, Year(year) + "-" + season);
        }
        if (!TemporalLexicon.Units.TryGetValue(t.Lower, out var unit) || unit is not (TemporalUnit.Week or TemporalUnit.Month or TemporalUnit.Year))
        {
            return null;
        }
        var offset = 0;
        var stop = i + 2;
        if (Word(i + 1, "ini")) offset = 0;
        else if (WordIn(i + 1, PastWords)) offset = -1;
        else if (Word(i + 1, "yang") && Word(i + 2, "lalu")) { offset = -1; stop = i + 3; }
        else if (WordIn(i + 1, FutureWords)) offset = 1;
        else if (Word(i + 1, "yang") && Word(i + 2, "akan") && Word(i + 3, "datang")) { offset = 1; stop = i + 4; }
        else return null;
        var value = unit switch
        {
            TemporalUnit.Week => Week(_ref.AddDays(7 * offset)),
            TemporalUnit.Month => Month(_ref.AddMonths(offset).Year, _ref.AddMonths(offset).Month),
            _ => Year(_ref.Year + offset),
        };
        return new Match(stop, TimexType.Date, value);
    }

    /// <summary>Verbs of lasting: a counted span right after one is a duration even with an anchor word after it.</summary>
    private static readonly HashSet<string> LastingVerbs = new(StringComparer.Ordinal)
    {
        "berlangsung", "bertahan", "berlanjut", "berjalan", "selama", "lamanya", "memakan", "butuh", "membutuhkan", "menunggu",
    };

    private static readonly HashSet<string> DayOrdinals = new(StringComparer.Ordinal)
    {
        "pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan", "kesepuluh", "kesebelas",
    };

    /// <summary>The end of an ordinal after <c>hari</c> (<c>ketiga</c>, <c>ke-5</c>, <c>ke 5</c>), else null.</summary>
    private int? CountedDay(int i)
    {
        if (WordIn(i, DayOrdinals)) return i + 1;
        var t = At(i);
        if (t.IsWord && t.Lower.StartsWith("ke-", StringComparison.Ordinal) && t.Lower.Length is 4 or 5 && t.Lower[3..].All(char.IsAsciiDigit)) return i + 1;
        if (Word(i, "ke") && Punct(i + 1, "-") && Adjacent(i, i + 1) && Adjacent(i + 1, i + 2) && Number(i + 2, 1, 99, 2) is not null) return i + 3;
        if (Word(i, "ke") && Number(i + 1, 1, 99, 2) is not null) return i + 2;
        return null;
    }

    /// <summary><c>saat ini</c>, <c>sekarang</c>, <c>kini</c> (PRESENT_REF); <c>dulu</c>, <c>baru-baru ini</c> (PAST_REF); <c>masa depan</c> (FUTURE_REF).</summary>
    private Match? Reference(int i)
    {
        var t = At(i);
        if (!t.IsWord) return null;
        switch (t.Lower)
        {
            case "akhir-akhir" when Word(i + 1, "ini"):
                // "lately" is the recent past in IndoTimex's normaliser (lib/id.grammar: "akhir - akhir ini ||| Simple PAST").
                return new Match(i + 2, TimexType.Date, "PAST_REF");
            case "saat" or "dewasa" or "masa" or "waktu" or "sementara" when Word(i + 1, "ini"):
            case "belakangan" when Word(i + 1, "ini"):
                return new Match(i + 2, TimexType.Date, "PRESENT_REF");
            case "belakangan" when At(i + 1).IsWord && !WordIn(i - 1, PastGovernors) && !Word(i - 1, "di") && !Word(i - 1, "ke"):
                // "OPEC belakangan sibuk …": lately.
                return new Match(i + 1, TimexType.Date, "PAST_REF");
            case "masa" when Word(i + 1, "sebelumnya"):
                // lib/id.grammar: "masa sebelum nya ||| Simple PAST".
                return new Match(i + 2, TimexType.Date, "PAST_REF");
            case "masa" when Word(i + 1, "kini"):
                return new Match(i + 2, TimexType.Date, "PRESENT_REF");
            case "sekarang" when Word(i + 1, "ini"):
                return new Match(i + 2, TimexType.Date, "PRESENT_REF");
            case "sekarang" or "kini":
                return new Match(i + 1, TimexType.Date, "PRESENT_REF");
            case "baru-baru" when Word(i + 1, "ini"):
                return new Match(i + 2, TimexType.Date, "PAST_REF");
            case "masa" when Word(i + 1, "lalu") || Word(i + 1, "silam"):
                return new Match(i + 2, TimexType.Date, "PAST_REF");
            case "masa" when Word(i + 1, "depan") || Word(i + 1, "mendatang"):
                return new Match(i + 2, TimexType.Date, "FUTURE_REF");
            case "beberapa" when Word(i + 1, "waktu") && (Word(i + 2, "lalu") || Word(i + 2, "silam")):
                return new Match(i + 3, TimexType.Date, "PAST_REF");
            case "dulu" or "dahulu":
                // "memastikan dulu" means "first"; only a standalone or governed "dulu" is the past.
                var previous = At(i - 1);
                var governed = i == 0 || previous.Kind == TemporalTokenKind.Punctuation
                    || WordIn(i - 1, PastGovernors);
                return governed ? new Match(i + 1, TimexType.Date, "PAST_REF") : null;
        }
        return null;
    }

    /// <summary><c>dua tahun</c> (P2Y), <c>kurang dari satu bulan</c> (P1M), <c>dua pekan lalu</c> (a date), <c>tiga tahun terakhir</c> (P3Y).</summary>
    private Match? Counted(int i)
    {
        var j = i;
        if ((Word(j, "kurang") || Word(j, "lebih")) && Word(j + 1, "dari")) j += 2;
        else if (Word(j, "sekitar") || Word(j, "hampir") || Word(j, "sedikitnya") || Word(j, "setidaknya") || Word(j, "kira-kira") || Word(j, "minimal") || Word(j, "maksimal")) j++;
        string amount;
        int unitIndex;
        TemporalUnit unit;
        var token = At(j);
        if (token.IsWord && TemporalLexicon.OneUnitWords.TryGetValue(token.Lower, out unit))
        {
            amount = "1";
            unitIndex = j;
        }
        else if (token.IsWord && TemporalLexicon.ManyUnitWords.TryGetValue(token.Lower, out unit))
        {
            amount = "X";
            unitIndex = j;
        }
        else
        {
            if (!NumeralReader.TryRead(_t, j, out amount, out var next)) return null;
            unitIndex = next;
            var unitToken = At(unitIndex);
            if (!unitToken.IsWord || !TemporalLexicon.Units.TryGetValue(unitToken.Lower, out unit)) return null;
            if (unitToken.Lower == "minggu" && unitToken.IsCapitalised) return null;
            // "3 tahun 2014" is not a duration; let the year rule have the year.
            if (amount.Length > 3 && amount != "X") return null;
        }
        var end = unitIndex + 1;
        if (Word(end, "sehari-hari")) return null;
        if (Word(end, "sebelumnya") && Word(i - 1, "ada"))
        {
            // "belum ada sepekan sebelumnya" (not even a week before): the amount is a length, and "sebelumnya" is not part of it.
            return new Match(end, TimexType.Duration, Duration(amount, unit));
        }
        if (Word(end, "sebelumnya") && WordIn(i - 1, LastingVerbs))
        {
            // "kenaikan yang berlangsung tiga hari sebelumnya": how long something lasted, not when.
            return new Match(end + 1, TimexType.Duration, Duration(amount, unit));
        }
        if (unit == TemporalUnit.Year && (Word(end, "sebelumnya") || Word(end, "kemudian") || Word(end, "setelahnya")) && _lastYear is { } told
            && int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && _t[i].Start - _lastYearEnd < 200)
        {
            // "Pada 2012 ... setahun sebelumnya": counted from the year just told of, not from the reference date.
            return new Match(end + 1, TimexType.Date, Year(told + (Word(end, "sebelumnya") ? -years : years)));
        }
        if (WordIn(end, PastWords) || Word(end, "sebelumnya") || (Word(end, "yang") && Word(end + 1, "lalu")))
        {
            end += Word(end, "yang") ? 2 : 1;
            return new Match(end, TimexType.Date, Shift(amount, unit, -1));
        }
        if (Word(end, "lagi") || Word(end, "kemudian") || Word(end, "setelahnya"))
        {
            return new Match(end + 1, TimexType.Date, Shift(amount, unit, 1));
        }
        if (Word(end, "terakhir") || Word(end, "belakangan") || Word(end, "mendatang")) end++;
        else if (Word(end, "ke") && Word(end + 1, "depan")) end += 2;
        return new Match(end, TimexType.Duration, Duration(amount, unit));
    }

    /// <summary><c>setiap hari</c> (P1D), <c>tiap dua tahun</c> (P2Y), <c>setiap Senin</c> (XXXX-WXX-1), <c>sehari-hari</c>.</summary>
    private Match? Set(int i)
    {
        if (Word(i, "sehari-hari") || Word(i, "sehari-harinya")) return new Match(i + 1, TimexType.Set, "P1D");
        if (!(Word(i, "setiap") || Word(i, "tiap") || Word(i, "tiap-tiap") || Word(i, "saban"))) return null;
        var j = i + 1;
        var t = At(j);
        if (t.IsWord && TemporalLexicon.Weekdays.TryGetValue(t.Lower, out var weekday) && (t.Lower != "minggu" || t.IsCapitalised))
        {
            return new Match(j + 1, TimexType.Set, "XXXX-WXX-" + weekday.ToString(CultureInfo.InvariantCulture));
        }
        if (t.IsWord && TemporalLexicon.Units.TryGetValue(t.Lower, out var unit))
        {
            return new Match(j + 1, TimexType.Set, Duration("1", unit));
        }
        if (NumeralReader.TryRead(_t, j, out var amount, out var next) && At(next).IsWord && TemporalLexicon.Units.TryGetValue(At(next).Lower, out unit))
        {
            return new Match(next + 1, TimexType.Set, Duration(amount, unit));
        }
        if (t.IsWord && TemporalLexicon.Months.TryGetValue(t.Lower, out var month) && t.IsCapitalised)
        {
            return new Match(j + 1, TimexType.Set, "XXXX-" + month.ToString("D2", CultureInfo.InvariantCulture));
        }
        return null;
    }
}
