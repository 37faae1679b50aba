using System.Globalization;
using System.Text;

namespace Warta.Cli;

/// <summary>
/// Stored text made safe to print to a terminal: control characters (C0, DEL, C1) are shown as <c>\u001b</c>-style
/// escapes, so a title carrying an ANSI CSI/OSC sequence cannot recolour the screen, retitle the window or hide text.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with its control characters escaped; tabs and line feeds are kept (paragraphs, indented blocks).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe)) return text ?? "";
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c)) escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>The text on one line (line breaks as spaces, so a table row does not split), control characters escaped.</summary>
    public static string OneLine(string? text) => Escape((text ?? "").ReplaceLineEndings(" "));

    private static bool IsUnsafe(char c) => char.IsControl(c) && c is not '\t' and not '\n';
}
