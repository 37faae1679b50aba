namespace Warta.Text;

/// <summary>Gives the tokens of a text their normal forms, stems and stopword flags, for one or more languages.</summary>
public interface ITextAnalyzer
{
    /// <param name="tokens">The text's token layer (<see cref="Tokenizer.Tokenize"/>), the same one the annotators read.</param>
    /// <param name="language">ISO 639-1 code (<c>id</c>, <c>en</c>); unknown codes get language-neutral analysis.</param>
    AnalyzedText Analyze(TokenizedText tokens, string language);

    /// <summary>The same tokens as <see cref="Analyze"/>, written into <paramref name="into"/> (at least
    /// <see cref="TokenizedText.Count"/> long) rather than a new array: for a caller that reads them once and keeps none.</summary>
    void AnalyzeInto(TokenizedText tokens, string language, Span<Token> into)
    {
        var analyzed = Analyze(tokens, language).Tokens;
        for (var i = 0; i < analyzed.Count; i++) into[i] = analyzed[i];
    }
}
