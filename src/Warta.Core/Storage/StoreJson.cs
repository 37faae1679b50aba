using System.Text.Json;
using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>The JSON text of a store's list, map and annotation columns, as <see cref="StoreJsonContext"/> writes it; the same in every store kind.</summary>
/// <remarks>
/// Empty values (no authors, no provenance, no annotations: every headline of a CSV feed) are constants, and lists are
/// serialised without a copy; on the uci-news stream this halved the bytes allocated per stored article.
/// </remarks>
public static class StoreJson
{
    private static readonly string EmptyAnnotations = JsonSerializer.Serialize(ArticleAnnotations.Empty, StoreJsonContext.Default.ArticleAnnotations);

    public static string Strings(IReadOnlyList<string> values) =>
        values.Count == 0 ? "[]" : JsonSerializer.Serialize(values, StoreJsonContext.Default.IReadOnlyListString);

    /// <summary>Keys in ordinal order, so the same map always gives the same text.</summary>
    public static string SortedMap(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) return "{}";
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map) sorted.Add(key, value);
        return JsonSerializer.Serialize(sorted, StoreJsonContext.Default.SortedDictionaryStringString);
    }

    public static string Annotations(ArticleAnnotations annotations) =>
        annotations.Entities.Count == 0 && annotations.Times.Count == 0 && annotations.Quotes.Count == 0 && annotations.Quantities.Count == 0
            ? EmptyAnnotations
            : JsonSerializer.Serialize(annotations, StoreJsonContext.Default.ArticleAnnotations);
}
