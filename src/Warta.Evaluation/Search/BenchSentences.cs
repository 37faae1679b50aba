using System.Text.RegularExpressions;

namespace Warta.Evaluation.Search;

/// <summary>Indonesian sentences for the search benchmark's articles: the NER sets (one token per line), UD-CSUI (<c># text =</c>) and the Kompas TimeML pages.</summary>
public static partial class BenchSentences
{
    /// <summary>Every sentence of at least four words found under <paramref name="sharedData"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> Load(string sharedData)
    {
        ArgumentNullException.ThrowIfNull(sharedData);
        var sentences = new List<string>();
        var ner = Path.Combine(sharedData, "ner");
        if (Directory.Exists(ner))
        {
            foreach (var file in Directory.EnumerateFiles(ner, "*.*", SearchOption.AllDirectories).Where(static f => f.EndsWith(".tsv", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var words = new List<string>();
                foreach (var line in File.ReadLines(file))
                {
                    if (line.Trim().Length == 0)
                    {
                        Flush(words, sentences);
                        continue;
                    }
                    var word = line.Split((char[])['\t', ' '], 2)[0];
                    if (word.Length > 0) words.Add(word);
                }
                Flush(words, sentences);
            }
        }
        var conllu = Path.Combine(sharedData, "stemming", "id_csui-ud-train.conllu");
        if (File.Exists(conllu))
        {
            sentences.AddRange(File.ReadLines(conllu).Where(static l => l.StartsWith("# text = ", StringComparison.Ordinal)).Select(static l => l[9..].Trim()));
        }
        var kompas = Path.Combine(sharedData, "timex", "kompas-dev");
        if (Directory.Exists(kompas))
        {
            foreach (var file in Directory.EnumerateFiles(kompas, "*.tml").Order(StringComparer.Ordinal))
            {
                var text = Tags().Replace(File.ReadAllText(file), " ");
                sentences.AddRange(SentenceEnd().Split(text).Select(static s => Spaces().Replace(s, " ").Trim()));
            }
        }
        return [.. sentences.Where(static s => s.Count(static c => c == ' ') >= 3)];
    }

    private static void Flush(List<string> words, List<string> sentences)
    {
        if (words.Count > 0) sentences.Add(string.Join(' ', words));
        words.Clear();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
