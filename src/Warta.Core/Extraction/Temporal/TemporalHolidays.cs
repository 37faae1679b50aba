using System.Globalization;

namespace Warta.Core.Extraction.Temporal;

/// <summary>Holidays and commemorations named in Indonesian news, with the date each falls on in a given year.</summary>
/// <remarks>
/// Fixed dates are Indonesia's national days and widely reported international ones. Moving feasts are computed:
/// Imlek from the Chinese lunisolar calendar .NET carries, Easter (and Good Friday, Ascension) by the Gregorian computus.
/// Islamic holidays (Idul Fitri, Idul Adha) are left out on purpose: Indonesia fixes them by sighting, often a day apart
/// from the tabular calendars .NET offers, and a wrong day is worse than none.
/// </remarks>
internal static class TemporalHolidays
{
    /// <summary>A holiday's words (lower case, as tokens), its date in a year, and for an anniversary (<c>HUT RI ke-80</c>)
    /// the founding year that the ordinal counts from.</summary>
    public sealed record Holiday(string[] Words, Func<int, DateOnly?> On, int? Founded = null);

    private static Func<int, DateOnly?> Fixed(int month, int day) => year => new DateOnly(year, month, day);

    /// <summary>Longest first, so <c>malam tahun baru</c> wins over <c>tahun baru</c>.</summary>
    public static readonly Holiday[] All = new Holiday[]
    {
        new(["hari", "raya", "natal"], Fixed(12, 25)),
        new(["hari", "natal"], Fixed(12, 25)),
        new(["natal"], Fixed(12, 25)),
        new(["malam", "natal"], Fixed(12, 24)),
        new(["malam", "tahun", "baru"], Fixed(12, 31)),
        new(["tahun", "baru", "imlek"], ChineseNewYear),
        new(["tahun", "baru", "cina"], ChineseNewYear),
        new(["tahun", "baru", "china"], ChineseNewYear),
        new(["imlek"], ChineseNewYear),
        new(["tahun", "baru"], Fixed(1, 1)),
        new(["hari", "kemerdekaan"], Fixed(8, 17)),
        new(["hut", "ri"], Fixed(8, 17), 1945),
        new(["hut", "kemerdekaan", "ri"], Fixed(8, 17), 1945),
        new(["hut", "tni"], Fixed(10, 5), 1945),
        new(["hut", "bhayangkara"], Fixed(7, 1), 1946),
        new(["hari", "bhayangkara"], Fixed(7, 1), 1946),
        new(["hut", "jakarta"], Fixed(6, 22), 1527),
        new(["hut", "dki", "jakarta"], Fixed(6, 22), 1527),
        new(["hari", "kartini"], Fixed(4, 21)),
        new(["hari", "buruh"], Fixed(5, 1)),
        new(["hari", "buruh", "internasional"], Fixed(5, 1)),
        new(["may", "day"], Fixed(5, 1)),
        new(["hari", "pendidikan", "nasional"], Fixed(5, 2)),
        new(["hardiknas"], Fixed(5, 2)),
        new(["hari", "kebangkitan", "nasional"], Fixed(5, 20)),
        new(["harkitnas"], Fixed(5, 20)),
        new(["hari", "lahir", "pancasila"], Fixed(6, 1)),
        new(["hari", "anak", "nasional"], Fixed(7, 23)),
        new(["hari", "kesaktian", "pancasila"], Fixed(10, 1)),
        new(["hari", "sumpah", "pemuda"], Fixed(10, 28)),
        new(["hari", "pahlawan"], Fixed(11, 10)),
        new(["hari", "guru", "nasional"], Fixed(11, 25)),
        new(["hari", "guru"], Fixed(11, 25)),
        new(["hari", "ibu"], Fixed(12, 22)),
        new(["hari", "valentine"], Fixed(2, 14)),
        new(["valentine"], Fixed(2, 14)),
        new(["hari", "bumi"], Fixed(4, 22)),
        new(["halloween"], Fixed(10, 31)),
        new(["hari", "paskah"], year => Easter(year)),
        new(["paskah"], year => Easter(year)),
        new(["jumat", "agung"], year => Easter(year)?.AddDays(-2)),
        new(["kenaikan", "isa", "almasih"], year => Easter(year)?.AddDays(39)),
        new(["kenaikan", "yesus", "kristus"], year => Easter(year)?.AddDays(39)),
    }.OrderByDescending(h => h.Words.Length).ToArray();

    /// <summary>Holidays by their first word.</summary>
    public static readonly Dictionary<string, Holiday[]> ByFirstWord =
        All.GroupBy(h => h.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>True for holidays on the same month and day every year (these have a generic value, <c>XXXX-12-25</c>).</summary>
    public static bool IsFixed(Holiday holiday) => holiday.On(2001) is { } a && holiday.On(2002) is { } b && a.Month == b.Month && a.Day == b.Day;

    private static readonly ChineseLunisolarCalendar Chinese = new();

    private static DateOnly? ChineseNewYear(int year)
    {
        if (year <= Chinese.MinSupportedDateTime.Year || year >= Chinese.MaxSupportedDateTime.Year) return null;
        return DateOnly.FromDateTime(Chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
    }

    /// <summary>Western Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly? Easter(int year)
    {
        if (year < 1583 || year > 9999) return null;
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
