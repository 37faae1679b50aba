using System.Text.Json;

namespace Warta.Evaluation.Stories;

/// <summary>One hand-written reference brief of <c>eval/briefs/*.jsonl</c>: its sentences and the corpus files each one comes from.</summary>
/// <param name="Story">The story key.</param>
/// <param name="Sentences">The brief's sentences in order.</param>
/// <param name="Sources">For each sentence, the corpus files that state it.</param>
public sealed record BriefGold(string Story, IReadOnlyList<string> Sentences, IReadOnlyList<IReadOnlyList<string>> Sources)
{
    /// <summary>The whole brief.</summary>
    public string Text => string.Join(' ', Sentences);

    /// <summary>Reads one JSON object a line: <c>story</c>, <c>brief</c> (sentences ending with <c>". "</c>) and <c>sources</c>.</summary>
    public static IReadOnlyList<BriefGold> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var briefs = new List<BriefGold>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var brief = root.GetProperty("brief").GetString() ?? "";
                var sentences = brief.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(static s => s.EndsWith('.') ? s : s + ".").ToList();
                var sources = root.GetProperty("sources").EnumerateArray()
                    .Select(static a => (IReadOnlyList<string>)[.. a.EnumerateArray().Select(static s => s.GetString() ?? "")]).ToList();
                if (sources.Count != sentences.Count) throw new FormatException($"{name} (line {lineNumber}): {sentences.Count} sentences but {sources.Count} source lists");
                briefs.Add(new BriefGold(root.GetProperty("story").GetString() ?? "", sentences, sources));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"{name} (line {lineNumber}): {e.Message}", e);
            }
        }
        return briefs;
    }
}
