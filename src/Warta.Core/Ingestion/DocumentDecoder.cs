using System.Text;
using System.Text.Unicode;
using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>Turns raw bytes into text: a byte-order mark first, then the server's charset (<see cref="RawDocument.Charset"/>), otherwise UTF-8, line by line with Windows-1252 for the lines that are not UTF-8; refuses empty and binary input.</summary>
/// <remarks>A header naming a single-byte charset (<c>ISO-8859-1</c>, <c>windows-1252</c>) on bytes that are valid UTF-8 with
/// multibyte characters is taken as a mislabelled UTF-8 page (a server default), as such bytes almost never occur in Latin
/// text; a UTF-16 header is what lets a page without a byte-order mark be read at all.</remarks>
public static class DocumentDecoder
{
    /// <summary>How many leading bytes are inspected for control characters when deciding whether an input is binary.</summary>
    private const int BinaryProbeBytes = 8192;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Decodes <paramref name="document"/>; on failure returns null and an error naming the source.</summary>
    public static DecodedDocument? Decode(RawDocument document, out IngestError? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = document.Content.Span;
        error = null;
        if (bytes.IsEmpty) return Fail(document, "file is empty", out error);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryStrict(StrictUtf8, bytes[3..], out var text)
                ? new DecodedDocument(text, "utf-8")
                : Fail(document, "starts with a UTF-8 byte-order mark but contains invalid UTF-8", out error);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var littleEndian = bytes[0] == 0xFF;
            var name = littleEndian ? "utf-16le" : "utf-16be";
            if (bytes.Length % 2 != 0) return Fail(document, $"{name} text with an odd number of bytes (truncated file?)", out error);
            return TryStrict(littleEndian ? StrictUtf16Le : StrictUtf16Be, bytes[2..], out var text)
                ? new DecodedDocument(text, name)
                : Fail(document, $"starts with a {name} byte-order mark but contains invalid UTF-16", out error);
        }

        if (HeaderEncoding(document.Charset) is { } named && DecodeAsNamed(document, named, bytes, out error) is { } decodedAsNamed) return decodedAsNamed;
        if (error is not null) return null;

        if (LooksBinary(bytes, out var reason)) return Fail(document, reason, out error);

        if (TryStrict(StrictUtf8, bytes, out var utf8)) return new DecodedDocument(utf8, "utf-8");
        if (EndsInTruncatedUtf8(bytes))
        {
            return Fail(document, "ends in the middle of a UTF-8 character (truncated file?)", out error);
        }
        return DecodeByLine(bytes);
    }

    /// <summary>
    /// Each line that is valid UTF-8 is read as UTF-8, every other line as Windows-1252: one stray 0x96 in a UTF-8
    /// page costs only its own line, while a page written in Windows-1252 throughout (Kompas TimeML dashes and quotes)
    /// still reads right, since its non-ASCII lines are never valid UTF-8.
    /// </summary>
    private static DecodedDocument DecodeByLine(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        var utf8Lines = 0;
        var cp1252Lines = 0;
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..(end + 1)];
            bytes = bytes[line.Length..];
            if (TryStrict(StrictUtf8, line, out var decoded))
            {
                if (!Ascii.IsValid(line)) utf8Lines++;
                text.Append(decoded);
            }
            else
            {
                cp1252Lines++;
                text.Append(Windows1252.Value.GetString(line));
            }
        }
        return new DecodedDocument(text.ToString(), utf8Lines > 0 ? $"utf-8 ({cp1252Lines} line{(cp1252Lines == 1 ? "" : "s")} windows-1252)" : "windows-1252");
    }

    /// <summary>The encoding the charset names, when it is one that changes how the bytes read (not UTF-8, which is read as without a header); null for none or an unknown name.</summary>
    private static Encoding? HeaderEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "utf-8" or "utf8") return null;
        try
        {
            // Reading the Windows-1252 table registers the code-page provider, which knows the names beyond .NET's few built-in ones.
            _ = Windows1252.Value;
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DecodedDocument? DecodeAsNamed(RawDocument document, Encoding named, ReadOnlySpan<byte> bytes, out IngestError? error)
    {
        error = null;
        var name = named.WebName;
        if (named.IsSingleByte)
        {
            // Mislabelled UTF-8 (see the remarks) reads as UTF-8; real single-byte text is read whole with the named table.
            if (!Ascii.IsValid(bytes) && TryStrict(StrictUtf8, bytes, out var utf8)) return new DecodedDocument(utf8, $"utf-8 (header said {name})");
            if (LooksBinary(bytes, out var reason)) return Fail(document, reason, out error);
            return new DecodedDocument(named.GetString(bytes), name + " (header)");
        }
        if (named is UnicodeEncoding)
        {
            if (bytes.Length % 2 != 0) return Fail(document, $"{name} text (from the header) with an odd number of bytes (truncated?)", out error);
            var strict = named.CodePage == 1201 ? StrictUtf16Be : StrictUtf16Le;
            return TryStrict(strict, bytes, out var text)
                ? new DecodedDocument(text, name + " (header)")
                : Fail(document, $"the header says {name} but the bytes are not valid {name}", out error);
        }
        // Other multibyte charsets (GBK, Shift_JIS, EUC-KR): decoded as named; bytes that do not fit become U+FFFD.
        return LooksBinary(bytes, out var why) ? Fail(document, why, out error) : new DecodedDocument(named.GetString(bytes), name + " (header)");
    }

    private static DecodedDocument? Fail(RawDocument document, string message, out IngestError? error)
    {
        error = new IngestError(document.Source, null, message);
        return null;
    }

    private static bool TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        if (encoding == StrictUtf8 && !Utf8.IsValid(bytes))
        {
            // Checked first: a thrown DecoderFallbackException per line would make a long cp1252 page slow.
            text = "";
            return false;
        }
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes, out string reason)
    {
        var probe = bytes[..Math.Min(bytes.Length, BinaryProbeBytes)];
        if (probe.Contains((byte)0))
        {
            reason = "contains NUL bytes: binary data, or UTF-16 text without a byte-order mark";
            return true;
        }
        var controls = 0;
        foreach (var b in probe)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) || b == 0x7F) controls++;
        }
        // Text files carry at most a stray form feed or escape; 2 % control bytes means an image, archive or executable.
        if (controls > 2 && controls * 50 > probe.Length)
        {
            reason = $"looks binary ({controls} control bytes in the first {probe.Length})";
            return true;
        }
        reason = "";
        return false;
    }

    /// <summary>
    /// True when everything but the last few bytes is valid UTF-8 and those bytes start a multibyte sequence that never
    /// finishes. A single trailing lead byte after pure ASCII stays Windows-1252 (e.g. a final <c>é</c> = 0xE9).
    /// </summary>
    private static bool EndsInTruncatedUtf8(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.Length - 1;
        while (start > 0 && bytes.Length - start < 4 && (bytes[start] & 0xC0) == 0x80) start--;
        var lead = bytes[start];
        var needed = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
        var tail = bytes.Length - start;
        if (lead < 0xC2 || lead > 0xF4 || tail >= needed) return false;
        var head = bytes[..start];
        if (!TryStrict(StrictUtf8, head, out _)) return false;
        var headHasMultibyte = false;
        foreach (var b in head)
        {
            if (b >= 0x80) { headHasMultibyte = true; break; }
        }
        return headHasMultibyte || tail >= 2;
    }
}
