namespace Warta.Evaluation;

/// <summary>Entity-level precision/recall/F1 over BIO label sequences, with the chunking rules of the CoNLL-2000 <c>conlleval</c> script.</summary>
/// <remarks>A chunk counts as correct only when its start, end and type all match a gold chunk. As in conlleval, an <c>I-X</c>
/// that does not continue an <c>X</c> chunk starts a new one.</remarks>
public sealed class ConllScorer
{
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private int _sentences;
    private int _tokens;

    /// <summary>Adds one sentence's gold and predicted labels (same length).</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} labels, predicted {predicted.Count}", nameof(predicted));
        }
        _sentences++;
        _tokens += gold.Count;
        var goldChunks = Chunks(gold);
        var predictedChunks = Chunks(predicted);
        foreach (var chunk in goldChunks) Count(chunk.Type)[2]++;
        foreach (var chunk in predictedChunks)
        {
            var counts = Count(chunk.Type);
            counts[1]++;
            if (goldChunks.Contains(chunk)) counts[0]++;
        }
    }

    /// <summary>The scores so far.</summary>
    public ConllReport Report()
    {
        var byType = new SortedDictionary<string, ChunkScore>(StringComparer.Ordinal);
        int correct = 0, predicted = 0, gold = 0;
        foreach (var (type, c) in _counts)
        {
            byType[type] = new ChunkScore(c[0], c[1], c[2]);
            correct += c[0];
            predicted += c[1];
            gold += c[2];
        }
        return new ConllReport(new ChunkScore(correct, predicted, gold), byType, _sentences, _tokens);
    }

    /// <summary>The chunks (start, exclusive end, type) of a BIO label sequence.</summary>
    public static IReadOnlyList<(int Start, int End, string Type)> ChunksOf(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return [.. Chunks(labels)];
    }

    private int[] Count(string type)
    {
        if (!_counts.TryGetValue(type, out var counts))
        {
            counts = new int[3];
            _counts[type] = counts;
        }
        return counts;
    }

    private static HashSet<(int Start, int End, string Type)> Chunks(IReadOnlyList<string> labels)
    {
        var chunks = new HashSet<(int, int, string)>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= labels.Count; i++)
        {
            var (prefix, labelType) = i < labels.Count ? Split(labels[i]) : ('O', null);
            var continues = prefix == 'I' && type is not null && string.Equals(labelType, type, StringComparison.Ordinal);
            if (type is not null && !continues)
            {
                chunks.Add((start, i, type));
                type = null;
            }
            if (type is null && labelType is not null)
            {
                start = i;
                type = labelType;
            }
        }
        return chunks;
    }

    private static (char Prefix, string? Type) Split(string label)
    {
        if (label.Length < 3 || label[1] != '-' || (label[0] != 'B' && label[0] != 'I')) return ('O', null);
        return (label[0], label[2..]);
    }
}
