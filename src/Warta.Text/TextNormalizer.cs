using System.Globalization;
using System.Text;

namespace Warta.Text;

/// <summary>Folds text to one comparable form: lower case, no diacritics, plain quotes/dashes/apostrophes, single spaces; idempotent.</summary>
public static class TextNormalizer
{
    /// <summary>The normal form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(text.AsSpan());
    }

    /// <summary>The normal form of <paramref name="text"/>.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        if (System.Text.Ascii.IsValid(text)) return NormalizeAscii(text);

        // Case mapping and decomposition can each expose work for the other (U+212B Å lower-cases to a
        // precomposed å); repeating the pass until nothing changes keeps the function idempotent.
        var current = NormalizeOnce(text);
        for (var pass = 0; pass < 4; pass++)
        {
            var next = NormalizeOnce(current);
            if (string.Equals(next, current, StringComparison.Ordinal)) break;
            current = next;
        }
        return current;
    }

    private static string NormalizeAscii(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }
            buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }

    private static string NormalizeOnce(ReadOnlySpan<char> text)
    {
        var mapped = new StringBuilder(text.Length);
        foreach (var c in text) AppendUnified(mapped, c);
        var decomposed = mapped.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);

        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(c);
        }
        return result.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    private static void AppendUnified(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u301D' or '\u301E' or '\uFF02':
                builder.Append('"');
                break;
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\uFF07':
                builder.Append('\'');
                break;
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D':
                builder.Append('-');
                break;
            case '\u2026':
                builder.Append("...");
                break;
            case '\u00AD' or '\u200B' or '\u2060' or '\uFEFF':
                // Soft hyphen and zero-width characters are invisible: drop them.
                break;
            default:
                builder.Append(c);
                break;
        }
    }
}
