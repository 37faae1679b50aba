using System.Text.Json;

namespace Warta.Testing;

/// <summary>Reads the quality floors pinned in <c>eval/baseline.json</c>; a missing key is a test failure, not a pass.</summary>
public static class Baseline
{
    private static readonly Lazy<Dictionary<string, double>> Floors = new(Load);

    /// <summary>The floor for a dotted key such as <c>clustering.uci.pairF1</c>.</summary>
    public static double Floor(string key) =>
        Floors.Value.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"eval/baseline.json has no floor '{key}'");

    private static Dictionary<string, double> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("eval", "baseline.json")));
        var floors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number) floors[property.Name] = property.Value.GetDouble();
        }
        return floors;
    }
}
