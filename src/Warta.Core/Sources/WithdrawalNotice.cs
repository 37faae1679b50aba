using System.Text.RegularExpressions;
using Warta.Core.Model;

namespace Warta.Core.Sources;

/// <summary>Finds an outlet's notice that an article was withdrawn ("Artikel ini telah dicabut", "This article has been retracted").</summary>
/// <remarks>Only the notice's own phrasing counts: a bare "ditarik" is everyday Indonesian ("pasukan ditarik"), so the phrase
/// must name the article itself ("artikel/berita/tulisan ini … dicabut/ditarik"). Read from the title and the first and last
/// three paragraphs, where outlets put such notices.</remarks>
public static partial class WithdrawalNotice
{
    /// <summary>The notice's words in <paramref name="article"/>, or null when it carries none.</summary>
    public static string? Find(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var paragraphs = article.Paragraphs;
        IEnumerable<string> places = paragraphs.Count <= 6 ? paragraphs : paragraphs.Take(3).Concat(paragraphs.Skip(paragraphs.Count - 3));
        foreach (var text in places.Prepend(article.Title))
        {
            var match = Notice().Match(text);
            if (match.Success) return match.Value;
        }
        return null;
    }

    [GeneratedRegex(
        @"\b(?:(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah\s+|sudah\s+)?(?:dicabut|ditarik)|this\s+(?:article|story)\s+has\s+been\s+(?:withdrawn|retracted))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notice();
}
