using System.Collections.Frozen;
using System.Globalization;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Extraction.Temporal;

/// <summary>The rule grammar over the tokens of one text: at each token every rule is tried and the longest match wins.</summary>
/// <remarks>
/// Span conventions follow the TimeML guidelines carried over to Indonesian: prepositions
/// (<c>pada</c>, <c>selama</c>, <c>sejak</c>) stay outside; nominal heads (<c>tanggal</c>, <c>pukul</c>, <c>tahun</c>),
/// modifiers (<c>awal</c>, <c>akhir</c>, <c>kurang dari</c>) and time zones stay inside; a weekday with its bracketed date is one expression.
/// </remarks>
internal sealed class TemporalGrammar
{
    private static readonly HashSet<string> PastWords = new(StringComparer.Ordinal) { "lalu", "silam", "kemarin" };
    private static readonly HashSet<string> FutureWords = new(StringComparer.Ordinal) { "depan", "mendatang", "nanti", "datang" };
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal) { "awal", "akhir", "pertengahan", "penghujung", "medio", "tengah" };
    private static readonly HashSet<string> YearContext = new(StringComparer.Ordinal)
    {
        "pada", "tahun", "sejak", "hingga", "sampai", "dalam", "awal", "akhir", "pertengahan", "medio", "penghujung",
        "selama", "periode", "musim", "di", "ke", "antara", "tengah", "mulai", "per", "sepanjang", "jelang", "menjelang", "usai", "pasca",
    };
    private static readonly HashSet<string> YearFollowers = new(StringComparer.Ordinal)
    {
        "lalu", "ini", "dan", "hingga", "sampai", "mendatang", "nanti", "silam", "atau", "yang", "ke", "kemarin", "mencapai", "sebesar", "sebanyak",
        "pada", "akan", "masih", "untuk",
    };
    private static readonly Dictionary<string, string> Seasons = new(StringComparer.Ordinal) { ["dingin"] = "WI", ["panas"] = "SU", ["semi"] = "SP", ["gugur"] = "FA" };
    private static readonly HashSet<string> PastGovernors = new(StringComparer.Ordinal) { "sejak", "zaman", "jaman", "masa", "waktu", "dari", "pada", "seperti", "sedari" };
    private static readonly Dictionary<string, string> Zones = new(StringComparer.Ordinal) { ["wib"] = "+07:00", ["wita"] = "+08:00", ["wit"] = "+09:00" };

    private readonly string _text;
    private readonly List<TemporalToken> _t;
    private readonly DateOnly _ref;
    private readonly DateTimeOffset _refTime;
    private DateOnly? _lastDay;
    private int _lastDayEnd = -1;

    public TemporalGrammar(TokenizedText tokens, DateTimeOffset reference)
    {
        _text = tokens.Text;
        _t = TemporalTokens.Of(tokens);
        _refTime = reference;
        _ref = DateOnly.FromDateTime(reference.DateTime);
    }

    private readonly record struct Match(int End, TimexType Type, string? Value, DateOnly? Day = null);

    public List<TemporalExpression> Run()
    {
        var found = new List<TemporalExpression>();
        var i = 0;
        while (i < _t.Count)
        {
            if (!CanStart(_t[i]))
            {
                i++;
                continue;
            }
            var best = Best(i);
            if (best is not { } m || m.End <= i)
            {
                i++;
                continue;
            }
            var start = _t[i].Start;
            var end = _t[m.End - 1].End;
            found.Add(new TemporalExpression(start, end - start, _text[start..end], m.Type, m.Value));
            if (m.Day is { } day)
            {
                _lastDay = day;
                _lastDayEnd = end;
            }
            i = m.End;
        }
        return found;
    }

    /// <summary>
    /// Words that can open an expression in some rule, besides the lexicon's tables: most tokens of a text open none, and
    /// trying every rule on them cost about a fifth of annotation time. A rule that learns a new opening word adds it here.
    /// </summary>
    private static readonly FrozenSet<string> Openers = new[]
    {
        // modifiers, halves and quarters (Modified)
        "awal", "akhir", "pertengahan", "penghujung", "medio", "tengah", "paruh", "semester", "kuartal", "triwulan",
        // nominal heads (NumericDate, MonthDate, Year, Clock)
        "tanggal", "tgl", "bulan", "tahun", "pukul", "jam",
        // relative days and parts of the day (Relative)
        "hari", "kemarin", "besok", "esok", "lusa", "semalam", "tadi", "nanti", "abad", "musim",
        // reference words (Reference)
        "saat", "dewasa", "masa", "waktu", "belakangan", "akhir-akhir", "sekarang", "kini", "baru-baru", "dulu", "dahulu",
        // approximations and numeral words (Counted, NumeralReader)
        "kurang", "lebih", "sekitar", "hampir", "sedikitnya", "setidaknya", "kira-kira", "minimal", "maksimal",
        "beberapa", "sejumlah", "setengah", "separuh", "sepuluh", "sebelas", "seratus", "seribu",
        // sets (Set)
        "sehari-hari", "sehari-harinya", "setiap", "tiap", "tiap-tiap", "saban",
    }
        .Concat(TemporalLexicon.Months.Keys).Concat(TemporalLexicon.MonthAbbreviations.Keys).Concat(TemporalLexicon.Weekdays.Keys)
        .Concat(TemporalLexicon.Units.Keys).Concat(TemporalLexicon.OneUnitWords.Keys).Concat(TemporalLexicon.ManyUnitWords.Keys)
        .Concat(TemporalLexicon.PartsOfDay.Keys).Concat(TemporalLexicon.Numerals.Keys).Concat(TemporalHolidays.ByFirstWord.Keys)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Numbers (days, years, clock times, amounts), an opening bracket (a bracketed date) or an opening word.</summary>
    private static bool CanStart(in TemporalToken token) => token.Kind switch
    {
        TemporalTokenKind.Number => true,
        TemporalTokenKind.Punctuation => token.Text == "(",
        _ => Openers.Contains(token.Lower),
    };

    private Match? Best(int i)
    {
        Match? best = null;
        Consider(ref best, Modified(i));
        Consider(ref best, Weekday(i));
        Consider(ref best, NumericDate(i, withParens: true));
        Consider(ref best, MonthDate(i));
        Consider(ref best, Year(i, afterContext: false));
        Consider(ref best, Relative(i));
        Consider(ref best, Reference(i));
        Consider(ref best, Counted(i));
        Consider(ref best, Set(i));
        Consider(ref best, Clock(i));
        Consider(ref best, Holiday(i));
        return best;
    }

    private static void Consider(ref Match? best, Match? candidate)
    {
        if (candidate is { } c && (best is null || c.End > best.Value.End)) best = c;
    }

    private static readonly TemporalToken None = new(0, 0, "", "", TemporalTokenKind.Punctuation);

    private TemporalToken At(int i) => i >= 0 && i < _t.Count ? _t[i] : None;

    private bool Word(int i, string lower) => i >= 0 && i < _t.Count && _t[i].Is(lower);

    private bool WordIn(int i, HashSet<string> words) => i >= 0 && i < _t.Count && _t[i].IsWord && words.Contains(_t[i].Lower);

    private bool IsZone(int i) => At(i).IsWord && Zones.ContainsKey(At(i).Lower);

    private bool Adjacent(int a, int b) => a >= 0 && b < _t.Count && _t[a].End == _t[b].Start;

    private bool Punct(int i, string p) => i >= 0 && i < _t.Count && _t[i].Kind == TemporalTokenKind.Punctuation && _t[i].Text == p;

    private int? Number(int i, int min, int max, int maxDigits = 4)
    {
        if (i < 0 || i >= _t.Count || !_t[i].IsNumber || _t[i].Length > maxDigits) return null;
        var n = int.Parse(_t[i].Text, CultureInfo.InvariantCulture);
        return n >= min && n <= max ? n : null;
    }

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
        if (Word(i, "paruh") || Word(i, "semester") || Word(i, "kuartal") || Word(i, "triwulan"))
        {
            var j = i + 1;
            if (Word(i, "paruh") && Word(j, "waktu")) return null;
            int? n = At(j).IsWord && TemporalLexicon.Ordinals.TryGetValue(At(j).Lower, out var o) ? o : Number(j, 1, 4, 1);
            if (n is null) return null;
            j++;
            var half = Word(i, "paruh") || Word(i, "semester");
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

    /// <summary><c>Selasa</c> (a preceding <c>hari</c> stays outside, like <c>pada</c>), <c>Selasa (23/4/2019)</c>, <c>Kamis, 17 Oktober 2013</c>, <c>Senin lalu</c>, <c>Kamis malam</c>.</summary>
    private Match? Weekday(int i)
    {
        var j = i;
        var token = At(j);
        if (!token.IsWord || !TemporalLexicon.Weekdays.TryGetValue(token.Lower, out var weekday)) return null;
        var explicitDate = NumericDate(j + 1, withParens: true) ?? (Punct(j + 1, ",") ? MonthDate(j + 2) ?? NumericDate(j + 2, withParens: false) : null);
        if (token.Lower == "minggu" && (!token.IsCapitalised || (explicitDate is null && (WordIn(j + 1, PastWords) || WordIn(j + 1, FutureWords) || Word(j + 1, "ini")))))
        {
            return null;
        }
        if (!token.IsCapitalised && j == i) return null;
        if (explicitDate is { Day: not null } d) return WithPartOfDay(d.End, d.Day.Value);
        // "Jl Pasar Minggu", "Rabu Wekasan": a bare weekday right after a capitalised word is part of a name.
        if (j == i && At(i - 1).IsCapitalised && !Adjacent(i - 1, i) && !IsSentenceStart(i - 1)) return null;
        var delta = weekday - Iso(_ref.DayOfWeek);
        var end = j + 1;
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

    private Match WithPartOfDay(int end, DateOnly day)
    {
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
            var year = m < _ref.Month ? _ref.Year : _ref.Year - 1;
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
        if (Word(i - 1, "sejak") || Word(i - 1, "semenjak")) bareYear = m <= _ref.Month ? _ref.Year : _ref.Year - 1;
        else if (Word(i - 1, "hingga") || Word(i - 1, "sampai") || Word(i - 1, "menjelang") || Word(i - 1, "jelang")) bareYear = m >= _ref.Month ? _ref.Year : _ref.Year + 1;
        return new Match(i + 1, TimexType.Date, Month(bareYear, m));
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

    /// <summary><c>hari ini</c>, <c>kemarin</c>, <c>besok</c>, <c>lusa</c>, <c>pekan/bulan/tahun ini|lalu|depan</c>, <c>malam ini</c>.</summary>
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

    private Match? Relative(int i)
    {
        var t = At(i);
        if (!t.IsWord) return null;
        switch (t.Lower)
        {
            case "hari" when Word(i + 1, "ini"):
                return new Match(i + 2, TimexType.Date, Day(_ref), _ref);
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

    /// <summary><c>saat ini</c>, <c>sekarang</c>, <c>kini</c> (PRESENT_REF); <c>dulu</c>, <c>baru-baru ini</c> (PAST_REF); <c>masa depan</c> (FUTURE_REF).</summary>
    private Match? Reference(int i)
    {
        var t = At(i);
        if (!t.IsWord) return null;
        switch (t.Lower)
        {
            case "saat" or "dewasa" or "masa" or "waktu" when Word(i + 1, "ini"):
            case "belakangan" or "akhir-akhir" when Word(i + 1, "ini"):
                return new Match(i + 2, TimexType.Date, "PRESENT_REF");
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

    /// <summary>
    /// <c>pukul 20.34 WIB</c>, <c>pukul 10.00 pagi</c>, <c>20:34 WITA</c>, <c>sekitar pukul 09.00</c>; the day is the date
    /// just mentioned, else the reference date. A named Indonesian zone gives the value its UTC offset
    /// (<c>2019-04-23T20:34+07:00</c>), so the time is an instant, not a wall-clock reading.
    /// </summary>
    private Match? Clock(int i)
    {
        var j = i;
        // A modifier stays inside the span (TimeML mod="APPROX"), as "kurang dari" does for durations.
        if (Word(j, "sekitar") && (Word(j + 1, "pukul") || Word(j + 1, "jam"))) j++;
        var cued = Word(j, "pukul") || Word(j, "jam") && At(j + 1).IsNumber && Adjacent(j + 1, j + 2) && At(j + 2).Text is "." or ":";
        if (cued) j++;
        var h = Number(j, 0, 24, 2);
        if (h is null) return null;
        var minute = 0;
        var end = j + 1;
        if (At(end).Text is "." or ":" && Adjacent(j, end) && Adjacent(end, end + 1) && Number(end + 1, 0, 59, 2) is { } mm && At(end + 1).Length == 2)
        {
            minute = mm;
            end += 2;
            if (At(end).Text is "." or ":" && Adjacent(end - 1, end) && Number(end + 1, 0, 59, 2) is not null && Adjacent(end, end + 1)) end += 2;
        }
        else if (!cued)
        {
            return null;
        }
        var hasZone = At(end).IsWord && Zones.ContainsKey(At(end).Lower) && At(end).Text.All(char.IsUpper);
        if (!cued && !hasZone) return null;
        var hour = h.Value;
        if (At(end).IsWord && TemporalLexicon.PartsOfDay.TryGetValue(At(end).Lower, out var part))
        {
            if (part is "AF" or "EV" or "NI" && hour < 12 && !(part == "NI" && hour < 5) && !Word(end, "dini")) hour += 12;
            end++;
            if (Word(end - 1, "dini") && Word(end, "hari")) end++;
        }
        string? offset = null;
        if (IsZone(end)) offset = Zones[At(end++).Lower];
        if (hour == 24) hour = 0;
        var day = _lastDay is { } last && _t[i].Start - _lastDayEnd is >= 0 and < 24 ? last : _ref;
        var value = Day(day) + "T" + hour.ToString("D2", CultureInfo.InvariantCulture) + ":" + minute.ToString("D2", CultureInfo.InvariantCulture) + offset;
        return new Match(end, TimexType.Time, value);
    }

    private string Shift(string amount, TemporalUnit unit, int direction)
    {
        if (!int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return direction < 0 ? "PAST_REF" : "FUTURE_REF";
        var k = n * direction;
        return unit switch
        {
            TemporalUnit.Day => Day(_ref.AddDays(k)),
            TemporalUnit.Week => Week(_ref.AddDays(7 * k)),
            TemporalUnit.Month => Month(_ref.AddMonths(k).Year, _ref.AddMonths(k).Month),
            TemporalUnit.Quarter => Month(_ref.AddMonths(3 * k).Year, _ref.AddMonths(3 * k).Month),
            TemporalUnit.Half => Month(_ref.AddMonths(6 * k).Year, _ref.AddMonths(6 * k).Month),
            TemporalUnit.Year => Year(_ref.Year + k),
            TemporalUnit.Decade => (_ref.Year + (10 * k)).ToString(CultureInfo.InvariantCulture)[..3],
            TemporalUnit.Century => (_ref.Year + (100 * k)).ToString(CultureInfo.InvariantCulture)[..2],
            TemporalUnit.Hour => _refTime.AddHours(k).ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture),
            TemporalUnit.Minute => _refTime.AddMinutes(k).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            _ => _refTime.AddSeconds(k).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        };
    }

    private static string Duration(string amount, TemporalUnit unit) => unit switch
    {
        TemporalUnit.Second => "PT" + amount + "S",
        TemporalUnit.Minute => "PT" + amount + "M",
        TemporalUnit.Hour => "PT" + amount + "H",
        TemporalUnit.Day => "P" + amount + "D",
        TemporalUnit.Week => "P" + amount + "W",
        TemporalUnit.Month => "P" + amount + "M",
        TemporalUnit.Quarter => "P" + amount + "Q",
        TemporalUnit.Half => "P" + Times(amount, 6) + "M",
        TemporalUnit.Year => "P" + amount + "Y",
        TemporalUnit.Decade => "P" + amount + "DE",
        _ => "P" + amount + "CE",
    };

    private static string Times(string amount, int factor) =>
        int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n * factor).ToString(CultureInfo.InvariantCulture) : amount;

    /// <summary>The year that puts day/month closest to the reference date (a December date in a January article is last year's).</summary>
    private int NearestYear(int month, int day)
    {
        var best = _ref.Year;
        var bestDistance = int.MaxValue;
        for (var y = _ref.Year - 1; y <= _ref.Year + 1; y++)
        {
            var d = Math.Min(day, DateTime.DaysInMonth(y, month));
            var distance = Math.Abs(new DateOnly(y, month, d).DayNumber - _ref.DayNumber);
            if (distance < bestDistance)
            {
                best = y;
                bestDistance = distance;
            }
        }
        return best;
    }

    private bool IsSentenceStart(int i) => i == 0 || (At(i - 1).Kind == TemporalTokenKind.Punctuation && At(i - 1).Text is "." or "!" or "?" or "\"" or "“" or "”" or "(" or "-");

    private static int Iso(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(int year, int month) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return ISOWeek.GetYear(dt).ToString("D4", CultureInfo.InvariantCulture) + "-W"
            + ISOWeek.GetWeekOfYear(dt).ToString("D2", CultureInfo.InvariantCulture);
    }
}
