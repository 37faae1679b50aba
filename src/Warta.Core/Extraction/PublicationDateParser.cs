using System.Globalization;
using System.Text.RegularExpressions;
using Warta.Core.Model;

namespace Warta.Core.Extraction;

/// <summary>Reads publication times as Indonesian and English pages write them, plus ISO 8601 and epoch values from records.</summary>
/// <remarks>
/// Forms: <c>Selasa, 26 Maret 2019 20:34</c>, <c>26/03/2019, 20:34 WIB</c>, <c>(23/4/2019)</c>, <c>18 Okt 2013</c>,
/// <c>March 26, 2019</c>, <c>2019-03-26T13:34:00Z</c>; the time may follow the date after a comma, <c>|</c> or a dash
/// (<c>Selasa, 4 Maret 2025 - 17:20 WITA</c>). WIB/WITA/WIT are +07:00/+08:00/+09:00; a time without a zone is
/// taken as WIB, the zone of most Indonesian outlets (pass another default for other sources).
/// </remarks>
public static partial class PublicationDateParser
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
    {
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    };

    /// <summary>Words a date line may carry besides the date itself (labels, weekday, "pukul").</summary>
    private static readonly HashSet<string> DateLineWords = new(StringComparer.Ordinal)
    {
        "pukul", "jam", "at", "diterbitkan", "dipublikasikan", "diperbarui", "terbit", "published", "updated", "posted", "on",
    };

    /// <summary>True when the whole line is a date (with optional weekday, time, zone and label) and nothing else.</summary>
    public static bool TryParseDateLine(string line, out PublicationTime time)
    {
        ArgumentNullException.ThrowIfNull(line);
        time = default;
        if (line.Length > 80) return false;
        var match = FindFirst(line, out time);
        if (match is null) return false;
        var rest = line.Remove(match.Index, match.Length);
        foreach (var word in WordRun().Matches(rest).Select(m => m.Value.ToLowerInvariant()))
        {
            if (!Weekdays.Contains(word) && !DateLineWords.Contains(word)) return false;
        }
        return !rest.Any(char.IsDigit);
    }

    /// <summary>Parses a record value: ISO 8601, epoch seconds or milliseconds, or any date form found in it.</summary>
    public static bool TryParseValue(string? value, out PublicationTime time, TimeSpan? defaultOffset = null)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var trimmed = value.Trim();
        if (trimmed.All(char.IsAsciiDigit) && trimmed.Length is >= 9 and <= 13
            && long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            // Thirteen digits are milliseconds (UCI News timestamps), fewer are seconds.
            var instant = trimmed.Length >= 12 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
            time = new PublicationTime(instant, TimePrecision.Second);
            return true;
        }
        return FindFirst(trimmed, out time, defaultOffset) is not null;
    }

    /// <summary>The first date written in running text (e.g. <c>Selasa (23/4/2019)</c>), at day precision.</summary>
    public static bool TryFindInText(string text, out PublicationTime time)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FindFirst(text, out var found) is null)
        {
            time = default;
            return false;
        }
        var day = found.Value;
        time = new PublicationTime(new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, day.Offset), TimePrecision.Day);
        return true;
    }

    /// <summary>The day in a URL path (<c>/2025/03/04/</c>, the permalink form of most news CMSs), at day precision.</summary>
    /// <remarks>The URL carries no clock time or zone, so the day is taken at <paramref name="defaultOffset"/> (WIB when not given).</remarks>
    public static bool TryFindInUrl(string? url, out PublicationTime time, TimeSpan? defaultOffset = null)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(url)) return false;
        for (var match = UrlDate().Match(url); match.Success; match = match.NextMatch())
        {
            if (TryBuild(match, defaultOffset ?? Wib, out time)) return true;
        }
        return false;
    }

    private static Match? FindFirst(string text, out PublicationTime time, TimeSpan? defaultOffset = null)
    {
        time = default;
        Match? best = null;
        foreach (var regex in new[] { IsoDate(), DayMonthNameYear(), NumericDate(), MonthNameDayYear() })
        {
            for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                if (best is not null && match.Index >= best.Index) break;
                if (TryBuild(match, defaultOffset ?? Wib, out var candidate))
                {
                    best = match;
                    time = candidate;
                    break;
                }
            }
        }
        return best;
    }

    private static bool TryBuild(Match match, TimeSpan defaultOffset, out PublicationTime time)
    {
        time = default;
        var year = Int(match.Groups["y"]);
        int month;
        if (match.Groups["mon"].Success)
        {
            if (!Months.TryGetValue(match.Groups["mon"].Value.ToLowerInvariant().TrimEnd('.'), out month)) return false;
        }
        else
        {
            month = Int(match.Groups["m"]);
        }
        var day = Int(match.Groups["d"]);
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var offset = match.Groups["z"].Success ? ZoneOffset(match.Groups["z"].Value) : defaultOffset;
        if (offset is null) return false;
        if (!match.Groups["h"].Success)
        {
            time = new PublicationTime(new DateTimeOffset(year, month, day, 0, 0, 0, offset.Value), TimePrecision.Day);
            return true;
        }
        var hour = Int(match.Groups["h"]);
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return false;
            var pm = match.Groups["ampm"].Value is "p" or "P";
            hour = hour % 12 + (pm ? 12 : 0);
        }
        var minute = Int(match.Groups["mi"]);
        var second = match.Groups["s"].Success ? Int(match.Groups["s"]) : 0;
        if (hour > 23 || minute > 59 || second > 59) return false;
        // CMS timestamps write ":00" seconds they never had (article:published_time); only real seconds count.
        var precision = second != 0 ? TimePrecision.Second : TimePrecision.Minute;
        time = new PublicationTime(new DateTimeOffset(year, month, day, hour, minute, second, offset.Value), precision);
        return true;
    }

    private static int Int(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan? ZoneOffset(string zone)
    {
        var z = zone.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        switch (z)
        {
            case "WIB": return TimeSpan.FromHours(7);
            case "WITA": return TimeSpan.FromHours(8);
            case "WIT": return TimeSpan.FromHours(9);
            case "Z" or "UTC" or "GMT": return TimeSpan.Zero;
        }
        var sign = z.IndexOfAny(['+', '-']);
        if (sign < 0) return null;
        var digits = z[(sign + 1)..].Replace(":", "", StringComparison.Ordinal);
        var hours = digits.Length <= 2 ? int.Parse(digits, CultureInfo.InvariantCulture) : int.Parse(digits[..^2], CultureInfo.InvariantCulture);
        var minutes = digits.Length <= 2 ? 0 : int.Parse(digits[^2..], CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59) return null;
        var span = new TimeSpan(hours, minutes, 0);
        return z[sign] == '-' ? -span : span;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["januari", "january", "jan"],
            ["februari", "pebruari", "february", "feb", "peb"],
            ["maret", "march", "mar"],
            ["april", "apr"],
            ["mei", "may"],
            ["juni", "june", "jun"],
            ["juli", "july", "jul"],
            ["agustus", "august", "agu", "agt", "agus", "aug"],
            ["september", "sep", "sept"],
            ["oktober", "october", "okt", "oct"],
            ["november", "nopember", "nov", "nop"],
            ["desember", "december", "des", "dec"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i]) months[name] = i + 1;
        }
        return months;
    }

    private const string TimeTail = @"(?:\s*[,|\-–—]?\s*(?:(?:pukul|jam|at)\s+)?(?<h>\d{1,2})[:.](?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<ampm>[AaPp])\.?[Mm]\.?(?![\p{L}]))?)?(?:\s*(?<z>WITA|WIB|WIT|UTC|GMT\s?[+-]\s?\d{1,2}(?::?\d{2})?|GMT|[+-]\d{2}:?\d{2})\b)?";

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<z>Z|[+-]\d{2}:?\d{2})?)?(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<mon>\p{L}{3,9}\.?)\s+(?<y>\d{4})\b" + TimeTail, RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})\b" + TimeTail, RegexOptions.IgnoreCase)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,9}\.?)\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})\b" + TimeTail, RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})/(?<m>\d{1,2})/(?<d>\d{1,2})(?=/|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex WordRun();
}
