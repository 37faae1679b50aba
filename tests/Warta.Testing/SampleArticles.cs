using Warta.Core.Model;

namespace Warta.Testing;

/// <summary>Small hand-built articles for example-based tests.</summary>
public static class SampleArticles
{
    /// <summary>An article with the given id and, when given, publication minute in WIB (+07:00).</summary>
    public static Article Make(string id, string? publishedWib = null, string title = "Banjir di Jakarta", string outlet = "tirto.id") => new()
    {
        Id = id,
        Title = title,
        Outlet = outlet,
        Published = publishedWib is null
            ? null
            : new PublicationTime(DateTimeOffset.Parse(publishedWib + "+07:00", System.Globalization.CultureInfo.InvariantCulture), TimePrecision.Minute),
        Paragraphs = ["Hujan deras sejak pagi.", $"Artikel {id}."],
        Source = $"samples/{id}.txt",
        Language = "id",
    };
}
