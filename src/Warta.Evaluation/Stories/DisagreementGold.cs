namespace Warta.Evaluation.Stories;

/// <summary>One value of a hand-listed disputed quantity (<c>eval/disagreements/*.tsv</c>).</summary>
/// <param name="Case">The disputed quantity's id; one row per value.</param>
/// <param name="Story">The story key.</param>
/// <param name="Value">The value as the article words it.</param>
/// <param name="Sources">The corpus files stating this value.</param>
/// <param name="Kind"><c>disagreement</c>, <c>correction</c>, <c>update</c> or <c>approximation</c>; only the first two should be flagged.</param>
public sealed record DisagreementGold(string Case, string Story, string Value, IReadOnlyList<string> Sources, string Kind)
{
    /// <summary>Reads the tab-separated list (header: case, story_key, quantity, value, sources, kind, note).</summary>
    public static IReadOnlyList<DisagreementGold> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine() is not { } header || !header.StartsWith("case\tstory_key", StringComparison.Ordinal))
        {
            throw new FormatException($"{name}: expected a header line 'case\tstory_key\tquantity\tvalue\tsources\tkind\tnote'");
        }
        var rows = new List<DisagreementGold>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length < 6) throw new FormatException($"{name} (line {lineNumber}): expected at least 6 columns");
            rows.Add(new DisagreementGold(f[0], f[1], f[3], f[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), f[5]));
        }
        return rows;
    }
}
