namespace Warta.Evaluation;

/// <summary>Reads the syntactic words of a CoNLL-U treebank, skipping comments, multi-word token lines (<c>6-7</c>) and empty nodes (<c>8.1</c>).</summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluWord> ReadWords(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(reader);
    }

    private static IEnumerable<ConlluWord> Read(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 4) continue;
            var id = columns[0];
            if (id.Contains('-', StringComparison.Ordinal) || id.Contains('.', StringComparison.Ordinal)) continue;
            yield return new ConlluWord(columns[1], columns[2], columns[3]);
        }
    }
}
