namespace Warta.Core.Extraction.Temporal;

/// <summary>Indonesian calendar words: months, weekdays, units, parts of the day and numerals.</summary>
internal static class TemporalLexicon
{
    /// <summary>Full month names (with common spelling variants); always accepted.</summary>
    public static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januari"] = 1,
        ["februari"] = 2,
        ["pebruari"] = 2,
        ["maret"] = 3,
        ["april"] = 4,
        ["mei"] = 5,
        ["juni"] = 6,
        ["juli"] = 7,
        ["agustus"] = 8,
        ["september"] = 9,
        ["oktober"] = 10,
        ["november"] = 11,
        ["nopember"] = 11,
        ["desember"] = 12,
    };

    /// <summary>Abbreviations; accepted only beside a day number or a year, since several are also words (<c>Des</c>, <c>Jan</c>).</summary>
    public static readonly Dictionary<string, int> MonthAbbreviations = new(StringComparer.Ordinal)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["peb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["jun"] = 6,
        ["jul"] = 7,
        ["agu"] = 8,
        ["agt"] = 8,
        ["ags"] = 8,
        ["agust"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["okt"] = 10,
        ["nov"] = 11,
        ["nop"] = 11,
        ["des"] = 12,
    };

    /// <summary>ISO weekday number (Monday = 1).</summary>
    public static readonly Dictionary<string, int> Weekdays = new(StringComparer.Ordinal)
    {
        ["senin"] = 1,
        ["selasa"] = 2,
        ["rabu"] = 3,
        ["kamis"] = 4,
        ["jumat"] = 5,
        ["jum'at"] = 5,
        ["jum’at"] = 5,
        ["sabtu"] = 6,
        ["minggu"] = 7,
        ["ahad"] = 7,
    };

    /// <summary>Calendar units and their ISO 8601 duration letter; time units carry the <c>T</c> prefix.</summary>
    public static readonly Dictionary<string, TemporalUnit> Units = new(StringComparer.Ordinal)
    {
        ["detik"] = TemporalUnit.Second,
        ["menit"] = TemporalUnit.Minute,
        ["jam"] = TemporalUnit.Hour,
        ["hari"] = TemporalUnit.Day,
        ["pekan"] = TemporalUnit.Week,
        ["minggu"] = TemporalUnit.Week,
        ["bulan"] = TemporalUnit.Month,
        ["tahun"] = TemporalUnit.Year,
        ["dekade"] = TemporalUnit.Decade,
        ["dasawarsa"] = TemporalUnit.Decade,
        ["abad"] = TemporalUnit.Century,
        ["triwulan"] = TemporalUnit.Quarter,
        ["kuartal"] = TemporalUnit.Quarter,
        ["semester"] = TemporalUnit.Half,
    };

    /// <summary>Prefixed single-unit words: <c>sehari</c> = one day, <c>setahun</c> = one year.</summary>
    public static readonly Dictionary<string, TemporalUnit> OneUnitWords = new(StringComparer.Ordinal)
    {
        ["sedetik"] = TemporalUnit.Second,
        ["semenit"] = TemporalUnit.Minute,
        ["sejam"] = TemporalUnit.Hour,
        ["sehari"] = TemporalUnit.Day,
        ["sepekan"] = TemporalUnit.Week,
        ["seminggu"] = TemporalUnit.Week,
        ["sebulan"] = TemporalUnit.Month,
        ["setahun"] = TemporalUnit.Year,
        ["sedekade"] = TemporalUnit.Decade,
        ["seabad"] = TemporalUnit.Century,
    };

    /// <summary>Reduplicated units meaning an unspecified number of them: <c>bertahun-tahun</c>.</summary>
    public static readonly Dictionary<string, TemporalUnit> ManyUnitWords = new(StringComparer.Ordinal)
    {
        ["berjam-jam"] = TemporalUnit.Hour,
        ["berhari-hari"] = TemporalUnit.Day,
        ["berminggu-minggu"] = TemporalUnit.Week,
        ["berbulan-bulan"] = TemporalUnit.Month,
        ["bertahun-tahun"] = TemporalUnit.Year,
        ["berabad-abad"] = TemporalUnit.Century,
    };

    /// <summary>Parts of the day and their TimeML codes.</summary>
    public static readonly Dictionary<string, string> PartsOfDay = new(StringComparer.Ordinal)
    {
        ["pagi"] = "MO",
        ["siang"] = "AF",
        ["sore"] = "AF",
        ["petang"] = "EV",
        ["malam"] = "NI",
        ["subuh"] = "MO",
        // "dini hari" (small hours) is morning in IndoTimex's normaliser (lib/id.grammar: "dini hari ||| MORNING_OF_DAY").
        ["dini"] = "MO",
    };

    /// <summary>Ordinals as used after <c>paruh</c>, <c>kuartal</c>, <c>pekan</c>.</summary>
    public static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["pertama"] = 1,
        ["kesatu"] = 1,
        ["kedua"] = 2,
        ["ketiga"] = 3,
        ["keempat"] = 4,
        ["kelima"] = 5,
        ["i"] = 1,
        ["ii"] = 2,
        ["iii"] = 3,
        ["iv"] = 4,
    };

    /// <summary>Month number of a word, accepting abbreviations only when <paramref name="allowAbbreviation"/>.</summary>
    public static int MonthOf(TemporalToken token, bool allowAbbreviation)
    {
        if (!token.IsWord) return 0;
        if (Months.TryGetValue(token.Lower, out var month)) return month;
        return allowAbbreviation && token.IsCapitalised && MonthAbbreviations.TryGetValue(token.Lower, out month) ? month : 0;
    }
}
