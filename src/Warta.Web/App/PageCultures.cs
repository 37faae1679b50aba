using System.Globalization;

namespace Warta.Web.App;

/// <summary>The interface languages: Indonesian by default, English as a choice kept in a cookie.</summary>
internal static class PageCultures
{
    public const string Default = "id";

    public static readonly IReadOnlyList<string> Supported = ["id", "en"];

    public static IList<CultureInfo> Infos() => [.. Supported.Select(CultureInfo.GetCultureInfo)];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.Ordinal);
}
