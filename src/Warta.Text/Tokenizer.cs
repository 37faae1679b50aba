using System.Globalization;

namespace Warta.Text;

/// <summary>Splits Indonesian/English news text into tokens given as offsets: words, numbers, dates, times, URLs, e-mails, hashtags, punctuation.</summary>
/// <remarks>
/// A hyphen joins two words into one token only for reduplication (<c>pabrik-pabrik</c>, <c>sayur-mayur</c>,
/// <c>berlari-lari</c>); other hyphens between letters are dropped, so <c>Jong-un</c> and <c>Jong Un</c> give the same words.
/// </remarks>
public static class Tokenizer
{
    /// <summary>The token layer of <paramref name="text"/>: made once per text and shared by every consumer.</summary>
    public static TokenizedText Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Tokenizing?.Invoke(text);
        var tokens = new TokenSpan[text.Length / 5 + 4];
        var count = 0;
        var position = 0;
        while (TryRead(text, ref position, out var token))
        {
            if (count == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
            tokens[count++] = token;
        }
        return new TokenizedText(text, tokens, count);
    }

    /// <summary>Raised with each text about to be tokenised, so tests can show a text is tokenised once through the pipeline.</summary>
    internal static event Action<string>? Tokenizing;

    /// <summary>Reads the next token at or after <paramref name="position"/>, advancing it past the token.</summary>
    internal static bool TryRead(ReadOnlySpan<char> text, ref int position, out TokenSpan token)
    {
        var i = position;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                token = ReadWordLike(text, i);
                position = token.End;
                return true;
            }
            if (IsHyphen(c) && i > 0 && IsWordChar(text[i - 1]) && i + 1 < text.Length && IsLetter(text[i + 1]))
            {
                // Hyphen inside a non-reduplicated compound (Jong-un): not a token of its own.
                i++;
                continue;
            }
            if ((c == '#' || c == '@') && i + 1 < text.Length && IsTagChar(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && IsTagChar(text[end])) end++;
                token = new TokenSpan(i, end - i, c == '#' ? TokenKind.Hashtag : TokenKind.Mention);
                position = end;
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                token = new TokenSpan(i, 2, TokenKind.Symbol);
                position = i + 2;
                return true;
            }
            if (char.IsPunctuation(c))
            {
                var end = i + 1;
                if (c == '.') while (end < text.Length && text[end] == '.') end++;
                token = new TokenSpan(i, end - i, TokenKind.Punctuation);
                position = end;
                return true;
            }
            if (char.IsSymbol(c))
            {
                token = new TokenSpan(i, 1, TokenKind.Symbol);
                position = i + 1;
                return true;
            }
            // Whitespace, control and format characters separate tokens.
            i++;
        }
        position = text.Length;
        token = default;
        return false;
    }

    private static TokenSpan ReadWordLike(ReadOnlySpan<char> text, int start)
    {
        var url = UrlLength(text, start);
        if (url > 0) return new TokenSpan(start, url, TokenKind.Url);

        var end = ReadWordPart(text, start, out var hasLetter);
        if (end < text.Length && IsEmailChar(text[end]))
        {
            var email = EmailLength(text, start);
            if (email > 0) return new TokenSpan(start, email, TokenKind.Email);
        }
        if (hasLetter && end + 1 < text.Length && IsHyphen(text[end]) && IsLetter(text[end + 1]))
        {
            var secondEnd = ReadWordPart(text, end + 1, out _);
            if (IsReduplication(text[start..end], text[(end + 1)..secondEnd]))
            {
                return new TokenSpan(start, secondEnd - start, TokenKind.Word, IsReduplication: true);
            }
        }
        return new TokenSpan(start, end - start, hasLetter ? TokenKind.Word : TokenKind.Number);
    }

    /// <summary>Letters, digits and marks; an apostrophe between letters (Jum'at, don't); <c>. , / :</c> between digits (1.000, 20.34, 23/4/2019).</summary>
    private static int ReadWordPart(ReadOnlySpan<char> text, int start, out bool hasLetter)
    {
        hasLetter = false;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (!hasLetter && !char.IsAsciiDigit(c)) hasLetter = true;
                i++;
                continue;
            }
            if (i + 1 < text.Length && i > start)
            {
                var previous = text[i - 1];
                var next = text[i + 1];
                if (IsApostrophe(c) && IsLetter(previous) && IsLetter(next)) { i++; continue; }
                if (IsDigitSeparator(c) && char.IsAsciiDigit(previous) && char.IsAsciiDigit(next)) { i++; continue; }
            }
            break;
        }
        return i;
    }

    /// <summary>Full (pabrik-pabrik), affixed (berlari-lari, anak-anaknya, kemerah-merahan) and sound-changing (sayur-mayur, bolak-balik) reduplication.</summary>
    internal static bool IsReduplication(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length < 2 || second.Length < 2 || HasDigit(first) || HasDigit(second)) return false;
        if (first.Equals(second, StringComparison.OrdinalIgnoreCase)) return true;
        if (first.Length >= 3 && second.StartsWith(first, StringComparison.OrdinalIgnoreCase)) return true;
        if (second.Length >= 3 && first.EndsWith(second, StringComparison.OrdinalIgnoreCase)) return true;
        for (var core = Math.Max(3, second.Length - 3); core < second.Length; core++)
        {
            if (first.EndsWith(second[..core], StringComparison.OrdinalIgnoreCase)) return true;
        }
        if (second.Length >= 6 && (second.StartsWith("me", StringComparison.OrdinalIgnoreCase) || second.StartsWith("be", StringComparison.OrdinalIgnoreCase)))
        {
            // Reciprocal reduplication with a prefixed second half: terus-menerus, tolong-menolong, bahu-membahu.
            for (var cut = 3; cut <= 4 && second.Length - cut >= 3; cut++)
            {
                if (first.EndsWith(second[cut..], StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        if (first.Length != second.Length || first.Length < 3) return false;
        var differences = 0;
        var sameConsonants = true;
        for (var i = 0; i < first.Length; i++)
        {
            var a = char.ToLowerInvariant(first[i]);
            var b = char.ToLowerInvariant(second[i]);
            if (a == b) continue;
            differences++;
            if (!IsVowel(a) || !IsVowel(b)) sameConsonants = false;
        }
        return differences == 1 || sameConsonants;
    }

    private static int UrlLength(ReadOnlySpan<char> text, int start)
    {
        // Cheap first-letter test: this runs at the start of every word.
        if (text[start] is not ('h' or 'H' or 'w' or 'W')) return 0;
        var rest = text[start..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }
        var end = 0;
        var open = 0;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && rest[end] is not ('<' or '>' or '"' or '“' or '”'))
        {
            if (rest[end] == '(') open++;
            end++;
        }
        while (end > 0 && rest[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '’' or ']' or '}' or ')')
        {
            if (rest[end - 1] == ')' && open > 0) break;
            end--;
        }
        return end;
    }

    /// <summary>local@domain.tld with a letter-only top-level domain of two or more letters; 0 when there is none.</summary>
    private static int EmailLength(ReadOnlySpan<char> text, int start)
    {
        var at = start;
        while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '.' or '_' or '%' or '+' or '-')) at++;
        if (at == start || at >= text.Length || text[at] != '@') return 0;
        var end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-')) end++;
        while (end > at + 1 && text[end - 1] is '.' or '-') end--;
        var dot = text[(at + 1)..end].LastIndexOf('.');
        if (dot <= 0) return 0;
        var lastDot = at + 1 + dot;
        if (end - lastDot - 1 < 2) return 0;
        for (var i = lastDot + 1; i < end; i++)
        {
            if (!char.IsAsciiLetter(text[i])) return 0;
        }
        return end - start;
    }

    internal static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || IsMark(c);

    private static bool IsLetter(char c) => c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c);

    private static bool IsTagChar(char c) => c == '_' || IsWordChar(c);

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsDigitSeparator(char c) => c is '.' or ',' or '/' or ':';

    private static bool IsEmailChar(char c) => c is '@' or '.' or '_' or '%' or '+' or '-';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool HasDigit(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsDigit(c)) return true;
        }
        return false;
    }
}
