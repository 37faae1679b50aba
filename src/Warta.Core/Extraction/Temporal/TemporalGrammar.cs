using System.Collections.Frozen;
using System.Globalization;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Extraction.Temporal;

/// <summary>The rule grammar over the tokens of one text: at each token every rule is tried and the longest match wins.</summary>
/// <remarks>The rules live by family in the other parts of this class: calendar dates (<c>TemporalGrammar.Dates.cs</c>), holidays
/// (<c>.Holidays.cs</c>), relative and counted expressions (<c>.Relative.cs</c>) and clock times (<c>.Clock.cs</c>); this part
/// holds the loop that tries them, the token tests they share and the TimeML value formats.</remarks>
/// <remarks>
/// Span conventions follow the TimeML guidelines carried over to Indonesian: prepositions
/// (<c>pada</c>, <c>selama</c>, <c>sejak</c>) stay outside; nominal heads (<c>tanggal</c>, <c>pukul</c>, <c>tahun</c>),
/// modifiers (<c>awal</c>, <c>akhir</c>, <c>kurang dari</c>) and time zones stay inside; a weekday with its bracketed date is one expression.
/// </remarks>
internal sealed partial class TemporalGrammar
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
    // The day last told of was told as its afternoon, evening or night ("Minggu sore"): a bare small-hours clock time
    // right after it ("Sekitar pukul 02.30") is that night's, so the next day's.
    private bool _lastDayLate;
    private int? _lastYear;
    private int _lastYearEnd = -1;

    public TemporalGrammar(TokenizedText tokens, DateTimeOffset reference)
    {
        _text = tokens.Text;
        _t = TemporalTokens.Of(tokens);
        _refTime = reference;
        _ref = DateOnly.FromDateTime(reference.DateTime);
    }

    private readonly record struct Match(int End, TimexType Type, string? Value, DateOnly? Day = null, string? Offset = null);

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
            found.Add(new TemporalExpression(start, end - start, _text[start..end], m.Type, m.Value, m.Offset));
            if (m.Type == TimexType.Date && m.Value is { Length: 4 } year && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                _lastYear = y;
                _lastYearEnd = end;
            }
            if (m.Day is { } day)
            {
                _lastDay = day;
                _lastDayEnd = end;
                _lastDayLate = m.Type == TimexType.Time && m.Value is { } told && (told.EndsWith("TAF", StringComparison.Ordinal)
                    || told.EndsWith("TEV", StringComparison.Ordinal) || told.EndsWith("TNI", StringComparison.Ordinal));
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
        // the second of two quarters sharing one head ("kuartal pertama dan kedua tahun depan")
        "kedua", "ketiga", "keempat",
        // nominal heads (NumericDate, MonthDate, Year, Clock)
        "tanggal", "tgl", "bulan", "tahun", "pukul", "jam",
        // relative days and parts of the day (Relative)
        "hari", "keesokan", "kemarin", "besok", "esok", "lusa", "semalam", "tadi", "nanti", "abad", "musim",
        // reference words (Reference)
        "saat", "dewasa", "masa", "waktu", "sementara", "belakangan", "akhir-akhir", "sekarang", "kini", "baru-baru", "dulu", "dahulu",
        // approximations and numeral words (Counted, NumeralReader)
        "kurang", "lebih", "sekitar", "hampir", "sedikitnya", "setidaknya", "kira-kira", "minimal", "maksimal",
        "beberapa", "sejumlah", "setengah", "separuh", "sepuluh", "sebelas", "seratus", "seribu",
        // sets (Set)
        "sehari-hari", "sehari-harinya", "setiap", "tiap", "tiap-tiap", "saban",
    }
        .Concat(TemporalLexicon.Months.Keys).Concat(TemporalLexicon.MonthAbbreviations.Keys).Concat(TemporalLexicon.Weekdays.Keys)
        .Concat(TemporalLexicon.Units.Keys).Concat(TemporalLexicon.OneUnitWords.Keys).Concat(TemporalLexicon.ManyUnitWords.Keys)
        .Concat(TemporalLexicon.PartsOfDay.Keys).Concat(NumberWords.Digits.Keys).Concat(TemporalHolidays.ByFirstWord.Keys)
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
