namespace Warta.Evaluation.Stories;

/// <summary>One hand-attributed quote of <c>eval/quotes/*.tsv</c>.</summary>
/// <param name="Source">The article, as the corpus' <c>stories.tsv</c> names it.</param>
/// <param name="QuoteStart">The first words of the quoted or reported content.</param>
/// <param name="Speakers">The speaker (several for a joint statement): a name without honorifics, or a role or body as the article words it.</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Cue">The attribution word as written.</param>
/// <param name="Note">Why a hard case is resolved the way it is; empty otherwise.</param>
public sealed record QuoteGold(string Source, string QuoteStart, IReadOnlyList<string> Speakers, string Kind, string Cue, string Note)
{
    /// <summary>Reads the tab-separated gold (header line: source, quote_start, speaker, kind, cue, note).</summary>
    public static IReadOnlyList<QuoteGold> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<QuoteGold>();
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("source\tquote_start\tspeaker", StringComparison.Ordinal))
        {
            throw new FormatException($"{name}: expected a header line 'source\tquote_start\tspeaker\tkind\tcue\tnote'");
        }
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length < 3 || f[0].Length == 0 || f[1].Length == 0 || f[2].Length == 0)
            {
                throw new FormatException($"{name} (line {lineNumber}): expected source, quote_start and speaker");
            }
            rows.Add(new QuoteGold(f[0], f[1], f[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                f.Length > 3 ? f[3] : "", f.Length > 4 ? f[4] : "", f.Length > 5 ? f[5] : ""));
        }
        return rows;
    }
}
