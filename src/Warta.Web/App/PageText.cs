using System.Globalization;
using Warta.Core.Model;

namespace Warta.Web.App;

/// <summary>Times and days as the pages print them: culture-invariant, with the outlet's UTC offset, as the CLI prints them.</summary>
internal static class PageText
{
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "–";

    public static string Time(PublicationTime? value) => value?.ToString() ?? "–";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The article's own calendar day (at its outlet's offset).</summary>
    public static DateOnly DayOf(DateTimeOffset value) => DateOnly.FromDateTime(value.DateTime);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
