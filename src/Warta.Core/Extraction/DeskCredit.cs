namespace Warta.Core.Extraction;

/// <summary>Tells a desk credit (<c>Redaksi Warta Timur</c>, <c>Tim Kompas.com</c>, <c>Antara English Service</c>) from a person's name in a byline.</summary>
/// <remarks>
/// A credit is a desk when one of its words names an editorial desk (<c>Redaksi</c>, <c>Desk</c>, <c>Newsroom</c>), or
/// when consecutive words of it spell the outlet's name (<c>Warta Timur</c> for <c>wartatimur.com</c>, also with the
/// suffix: <c>detikcom</c>), or name it as <see cref="OutletNormalizer"/> knows it (<c>Antara</c> for
/// <c>antaranews.com</c>). Whole words only, so <c>Suarawati</c> is still a person at <c>suara.com</c>.
/// </remarks>
public static class DeskCredit
{
    private static readonly HashSet<string> DeskWords = new(StringComparer.Ordinal) { "redaksi", "desk", "newsroom" };

    /// <summary>Suffixes a credit may glue to the outlet's name (<c>Kompas.com</c> → <c>kompascom</c>).</summary>
    private static readonly string[] DomainSuffixes = ["", "com", "id", "coid", "net", "co"];

    /// <param name="name">A credited name as the byline gives it.</param>
    /// <param name="outlet">The article's normalised outlet key (<see cref="OutletNormalizer.Normalize"/>), or empty.</param>
    public static bool Matches(string name, string outlet)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(outlet);
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Any(DeskWords.Contains)) return true;
        var key = new string(outlet.Split('.')[0].Where(char.IsLetterOrDigit).ToArray());
        if (key.Length < 3) return false;
        for (var start = 0; start < words.Count; start++)
        {
            var spelled = "";
            for (var end = start; end < words.Count && spelled.Length < key.Length; end++)
            {
                spelled += words[end];
                if (DomainSuffixes.Any(suffix => spelled == key + suffix)) return true;
                // A name the normaliser maps to the outlet's domain: "Antara" at antaranews.com.
                if (OutletNormalizer.Normalize(string.Join(' ', words.GetRange(start, end - start + 1))) == outlet) return true;
            }
        }
        return false;
    }
}
