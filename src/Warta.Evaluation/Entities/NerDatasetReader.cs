namespace Warta.Evaluation.Entities;

/// <summary>Reads column-format NER corpora (token first, IOB label last, blank line between sentences) into <see cref="NerSentence"/>s with labels mapped to <c>PER</c>/<c>LOC</c>/<c>ORG</c>.</summary>
/// <remarks>Handles the IndoNLU sets (NERGrit <c>PERSON/PLACE/ORGANISATION</c>; NERP <c>PPL/PLC/IND/EVT/FNB</c>, where
/// <c>IND</c> is an organisation and events and food/brand names are dropped), IDNER-news-2k (<c>token POS IOB</c>,
/// <c>PER/LOC/ORG</c>) and IndoLEM NER-UI/NER-UGM (<c>PERSON/LOCATION/ORGANIZATION</c>; <c>QUANTITY</c>/<c>TIME</c> dropped).
/// Columns are split on tabs when the line has one, else on spaces.</remarks>
public static class NerDatasetReader
{
    /// <summary>All sentences of a corpus file.</summary>
    public static IReadOnlyList<NerSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<NerSentence>();
        var tokens = new List<string>();
        var labels = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush(sentences, tokens, labels);
                continue;
            }
            var columns = trimmed.Contains('\t', StringComparison.Ordinal)
                ? trimmed.Split('\t', StringSplitOptions.RemoveEmptyEntries)
                : trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 2) continue;
            tokens.Add(columns[0]);
            labels.Add(columns[^1]);
        }
        Flush(sentences, tokens, labels);
        return sentences;
    }

    /// <summary>Maps a corpus label (<c>B-PPL</c>, <c>I-ORGANIZATION</c>, <c>O</c>) to <c>B-PER</c>/<c>I-LOC</c>/… or <c>O</c>.</summary>
    public static string MapLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length < 3 || label[1] != '-' || (label[0] != 'B' && label[0] != 'I')) return "O";
        var type = MapType(label[2..]);
        return type is null ? "O" : label[0] == 'B' ? "B-" + type : "I-" + type;
    }

    /// <summary>The Warta type code (<c>PER</c>, <c>LOC</c>, <c>ORG</c>) of a corpus type name, or null when Warta does not track it.</summary>
    public static string? MapType(string corpusType) => corpusType.ToUpperInvariant() switch
    {
        "PER" or "PERSON" or "PPL" => "PER",
        "LOC" or "LOCATION" or "PLACE" or "PLC" or "GPE" => "LOC",
        "ORG" or "ORGANISATION" or "ORGANIZATION" or "IND" => "ORG",
        _ => null,
    };

    private static void Flush(List<NerSentence> sentences, List<string> tokens, List<string> labels)
    {
        if (tokens.Count == 0) return;
        var mapped = new string[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = MapLabel(labels[i]);
            // An I- that does not continue a chunk of its type (after a dropped EVT, or a corpus slip) starts one.
            if (label[0] == 'I' && (i == 0 || mapped[i - 1].Length < 3 || !mapped[i - 1].AsSpan(2).SequenceEqual(label.AsSpan(2))))
            {
                label = "B-" + label[2..];
            }
            mapped[i] = label;
        }
        sentences.Add(new NerSentence([.. tokens], mapped));
        tokens.Clear();
        labels.Clear();
    }
}
