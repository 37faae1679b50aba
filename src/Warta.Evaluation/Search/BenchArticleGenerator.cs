using System.Globalization;
using System.Text;
using Warta.Core.Model;

namespace Warta.Evaluation.Search;

/// <summary>Makes the search benchmark's articles: real Indonesian sentences with their names, places and numbers swapped
/// for generated ones, so the vocabulary keeps growing with the corpus, rare names stay rare and no text repeats.</summary>
/// <remarks>Deterministic: article <c>i</c> is the same on every run (its own seeded random source), so the Lucene index
/// and the FTS5 table see the same documents without keeping them in memory.</remarks>
public sealed class BenchArticleGenerator(IReadOnlyList<string> sentences)
{
    public static readonly string[] Outlets =
    [
        "kompas.com", "detik.com", "tempo.co", "antaranews.com", "cnnindonesia.com", "liputan6.com", "tirto.id", "republika.co.id",
        "kumparan.com", "okezone.com", "suara.com", "merdeka.com", "jpnn.com", "tribunnews.com", "idntimes.com", "sindonews.com",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "ri", "mo", "na", "su", "ta", "wi", "lo", "ga", "pe", "ra", "di", "ju", "ba", "ni", "se", "to", "ma", "ha", "ya", "le", "ku", "po", "de",
    ];

    private static readonly DateTimeOffset Start = new(2024, 1, 1, 6, 0, 0, TimeSpan.FromHours(7));

    public Article Generate(int index)
    {
        var random = new Random(index * 7919 + 17);
        var count = random.Next(5, 11);
        var paragraphs = new List<string>(count);
        for (var i = 0; i < count; i++) paragraphs.Add(Swap(sentences[random.Next(sentences.Count)], random, index));
        var title = Swap(sentences[random.Next(sentences.Count)], random, index);
        var words = title.Split(' ');
        if (words.Length > 12) title = string.Join(' ', words[..12]);
        return new Article
        {
            Id = IdOf(index),
            Title = title,
            Outlet = Outlets[random.Next(Outlets.Length)],
            // Two years of news, the newest last, so time filters and counts have something to cut.
            Published = new PublicationTime(Start.AddMinutes(index * 1.05 + random.Next(0, 600)), TimePrecision.Minute),
            Paragraphs = paragraphs,
            Source = "bench",
            Language = "id",
        };
    }

    /// <summary>The id of article <paramref name="index"/>.</summary>
    public static string IdOf(int index) => "b" + index.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The index of a generated article's id; -1 for any other id.</summary>
    public static int IndexOf(string id) =>
        id.Length == 9 && id[0] == 'b' && int.TryParse(id.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var index) ? index : -1;

    /// <summary>A generated name for <paramref name="number"/>: syllables in base 24, so every number has its own word.</summary>
    public static string NameOf(int number) => AppendName(new StringBuilder(), number).ToString();

    private static StringBuilder AppendName(StringBuilder text, int number)
    {
        var start = text.Length;
        var n = number + Syllables.Length;
        while (n > 0)
        {
            text.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }
        text[start] = char.ToUpperInvariant(text[start]);
        return text;
    }

    // Each generating thread's builder: the generator runs on the store-reading threads of `warta bench search`, and
    // splitting and joining every sentence was a fifth of the bytes that run allocated.
    [ThreadStatic]
    private static StringBuilder? _swapped;

    private static string Swap(string sentence, Random random, int index)
    {
        var text = _swapped ??= new StringBuilder(512);
        text.Clear();
        var rest = sentence.AsSpan();
        for (var i = 0; ; i++)
        {
            // The words between single spaces (an empty one between two spaces, kept as it is).
            var space = rest.IndexOf(' ');
            var word = space < 0 ? rest : rest[..space];
            if (i > 0) text.Append(' ');
            if (word.Length > 0 && char.IsDigit(word[0]))
            {
                text.Append(CultureInfo.InvariantCulture, $"{random.Next(1, 100_000)}");
            }
            else if (word.Length > 0 && i > 0 && char.IsUpper(word[0]) && IsLetters(word) && random.NextDouble() < 0.7)
            {
                // Skewed towards small numbers: a few names are common, most are rare, and new ones keep coming as the corpus grows.
                var range = 50 + index * 2;
                AppendName(text, (int)(range * Math.Pow(random.NextDouble(), 3)));
            }
            else
            {
                text.Append(word);
            }
            if (space < 0) break;
            rest = rest[(space + 1)..];
        }
        return text.ToString();
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) return false;
        }
        return true;
    }
}
