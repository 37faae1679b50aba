namespace Warta.Text;

/// <summary>Turns text into tokens with normal forms and stems, for one or more languages.</summary>
public interface ITextAnalyzer
{
    /// <param name="text">The text to analyse.</param>
    /// <param name="language">ISO 639-1 code (<c>id</c>, <c>en</c>); unknown codes get language-neutral analysis.</param>
    AnalyzedText Analyze(string text, string language);
}
