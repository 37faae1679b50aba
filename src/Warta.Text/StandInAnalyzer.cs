using Lucene.Net.Analysis.Id;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Warta.Text;

/// <summary>A minimal analyser (letter/digit runs, Porter for English, Lucene's Indonesian stemmer) used until the full analyser lands.</summary>
public sealed class StandInAnalyzer : ITextAnalyzer
{
    private static readonly HashSet<string> EnglishStopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "he", "her", "his",
        "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "s", "she", "so", "t", "than", "that", "the",
        "their", "them", "they", "this", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with",
        "you", "your", "after", "about", "over", "up", "out", "new", "says", "said", "how", "why", "can", "more", "not",
        "no", "all", "just", "may", "could", "would", "do", "does", "did", "if", "us", "my", "me",
    };

    private static readonly HashSet<string> IndonesianStopwords = new(StringComparer.Ordinal)
    {
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "adalah", "dalam", "tidak", "akan",
        "juga", "atau", "ada", "oleh", "sebagai", "karena", "telah", "sudah", "bahwa", "saat", "bisa", "lebih", "para",
        "tersebut", "kata", "ujar", "mengatakan", "menurut", "kami", "kita", "mereka", "ia", "dia", "saya", "akan",
        "namun", "masih", "hanya", "baru", "yakni", "yaitu", "jika", "agar", "sehingga", "hingga", "antara", "se",
        "belum", "pun", "lalu", "kepada", "maka", "tak", "secara", "setelah", "sejak", "tahun", "hari", "kamis",
        "senin", "selasa", "rabu", "jumat", "sabtu", "minggu",
    };

    public AnalyzedText Analyze(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var porter = language == "en" ? new PorterStemmer() : null;
        var indonesian = language == "id" ? new IndonesianStemmer() : null;
        var stopwords = language switch
        {
            "en" => EnglishStopwords,
            "id" => IndonesianStopwords,
            _ => null,
        };
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(i, 1, text.Substring(i, 1), text.Substring(i, 1), char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, false));
                i++;
                continue;
            }
            var start = i;
            var allDigits = true;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                allDigits &= char.IsDigit(text[i]);
                i++;
            }
            var normal = text.Substring(start, i - start).ToLowerInvariant();
            if (allDigits)
            {
                tokens.Add(new Token(start, i - start, normal, normal, TokenKind.Number, false));
                continue;
            }
            var stem = normal;
            if (porter is not null)
            {
                porter.SetCurrent(normal);
                stem = porter.Stem() ? porter.Current : normal;
            }
            else if (indonesian is not null)
            {
                var buffer = normal.ToCharArray();
                var length = indonesian.Stem(buffer, buffer.Length, true);
                stem = length > 0 ? new string(buffer, 0, length) : normal;
            }
            tokens.Add(new Token(start, i - start, normal, stem, TokenKind.Word, stopwords?.Contains(normal) ?? false));
        }
        return new AnalyzedText(text, language, tokens);
    }
}
