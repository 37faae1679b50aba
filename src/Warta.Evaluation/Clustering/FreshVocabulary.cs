using System.Text;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Evaluation.Clustering;

/// <summary>Rewrites a replayed round so that its vocabulary is new: names, places and numbers change from round to round.</summary>
/// <remarks>
/// A stream that replays the same texts lets every per-word cache and term table stop growing after the first round, so it
/// cannot show whether memory stays flat on real news, where new names, places and figures arrive every day. Each
/// capitalised word that does not open a sentence (names, places, organisations) becomes a made-up word of the same
/// shape, the same for the whole round (so a story's reports still share their names), different in every round; each
/// number gets other digits. The rest of the text, and so the language, is left as it is.
/// </remarks>
public static class FreshVocabulary
{
    private static readonly string[] Syllables =
    [
        "ba", "bi", "bu", "da", "di", "du", "ga", "gi", "ja", "ju", "ka", "ki", "ku", "la", "li", "lu", "ma", "mi", "mu",
        "na", "ni", "nu", "pa", "pi", "ra", "ri", "ru", "sa", "si", "su", "ta", "ti", "tu", "wa", "wi", "ya", "yu", "ng", "an", "er",
    ];

    /// <summary>The article with its title and paragraphs rewritten for <paramref name="round"/> (round 0 is left as it is).</summary>
    public static Article ForRound(Article article, int round) => ForRound(article, round, names: null, otherWords: false);

    /// <summary>The article rewritten for <paramref name="round"/>, where a sentence's first word is replaced too when it is one
    /// of <paramref name="names"/> (<see cref="NamesOf"/>): "Lamaru Tetapkan Tanggap Darurat" then names no place another round
    /// of the same story names. With <paramref name="otherWords"/>, half the lower-case words of six letters or more (the same
    /// half in every round, chosen by the word) are made-up words of the round too: rounds that run side by side then differ
    /// as different stories of one kind do (two floods, two trials), not only in their names.</summary>
    public static Article ForRound(Article article, int round, IReadOnlySet<string>? names, bool otherWords)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (round == 0) return article;
        return article with
        {
            Title = Rewrite(article.Title, round, names, otherWords),
            Paragraphs = [.. article.Paragraphs.Select(p => Rewrite(p, round, names, otherWords))],
        };
    }

    /// <summary>The capitalised words <paramref name="articles"/> use inside a sentence (names, places, organisations): the words
    /// <see cref="ForRound(Article, int, IReadOnlySet{string}?, bool)"/> also replaces where they open a sentence.</summary>
    public static IReadOnlySet<string> NamesOf(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var text in article.Paragraphs.Prepend(article.Title))
            {
                var tokens = Tokenizer.Tokenize(text);
                var sentenceStart = true;
                for (var i = 0; i < tokens.Count; i++)
                {
                    var surface = tokens.Surface(i);
                    if (tokens[i].Kind == TokenKind.Word && !sentenceStart && surface.Length > 1 && char.IsUpper(surface[0])) names.Add(surface.ToString());
                    sentenceStart = tokens[i].Kind == TokenKind.Punctuation && surface is "." or "!" or "?" or ":";
                }
            }
        }
        return names;
    }

    /// <summary>The text with its non-initial capitalised words and its numbers replaced, deterministically per round.</summary>
    public static string Rewrite(string text, int round) => Rewrite(text, round, names: null, otherWords: false);

    private static string Rewrite(string text, int round, IReadOnlySet<string>? names, bool otherWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var builder = new StringBuilder(text.Length + 16);
        var at = 0;
        var sentenceStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var surface = tokens.Surface(i);
            string? replacement = null;
            if (token.Kind == TokenKind.Word && surface.Length > 1 && char.IsUpper(surface[0])
                && (!sentenceStart || (names is not null && names.Contains(surface.ToString()))))
            {
                replacement = MadeUpName(surface, round);
            }
            else if (token.Kind == TokenKind.Number)
            {
                replacement = OtherDigits(surface, round);
            }
            else if (otherWords && token.Kind == TokenKind.Word && surface.Length >= 6 && char.IsLower(surface[0]) && Hash(surface, 0) % 2 == 0)
            {
                replacement = MadeUpName(surface, round).ToLowerInvariant();
            }
            sentenceStart = token.Kind == TokenKind.Punctuation && surface is "." or "!" or "?" or ":";
            if (replacement is null) continue;
            builder.Append(text, at, token.Start - at).Append(replacement);
            at = token.End;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>A pronounceable word of about the same length, capitalised like the original (all caps stays all caps).</summary>
    private static string MadeUpName(ReadOnlySpan<char> word, int round)
    {
        var hash = Hash(word, round);
        var builder = new StringBuilder(word.Length + 2);
        var syllables = Math.Clamp((word.Length + 1) / 2, 2, 6);
        for (var s = 0; s < syllables; s++)
        {
            builder.Append(Syllables[(int)(hash % (uint)Syllables.Length)]);
            hash = (hash * 2654435761u) ^ (hash >> 13) ^ (uint)s;
        }
        var allCaps = word.Length > 1 && char.IsUpper(word[1]);
        return allCaps
            ? builder.ToString().ToUpperInvariant()
            : string.Concat(char.ToUpperInvariant(builder[0]).ToString(), builder.ToString(1, builder.Length - 1));
    }

    /// <summary>The number with each digit shifted by a round-dependent amount; separators and length are kept.</summary>
    private static string OtherDigits(ReadOnlySpan<char> number, int round)
    {
        var hash = Hash(number, round);
        var chars = number.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i])) continue;
            var shifted = (chars[i] - '0' + (int)(hash % 9) + 1) % 10;
            // A leading zero would change how the number reads (and parses as a date or count).
            if (i == 0 && shifted == 0) shifted = 1;
            chars[i] = (char)('0' + shifted);
            hash = (hash * 2654435761u) ^ (hash >> 11);
        }
        return new string(chars);
    }

    private static uint Hash(ReadOnlySpan<char> text, int round)
    {
        var hash = 2166136261u ^ (uint)round * 16777619u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash == 0 ? 1 : hash;
    }

}
