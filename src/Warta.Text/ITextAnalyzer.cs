namespace Warta.Text;

/// <summary>Gives the tokens of a text their normal forms, stems and stopword flags, for one or more languages.</summary>
public interface ITextAnalyzer
{
    /// <param name="tokens">The text's token layer (<see cref="Tokenizer.Tokenize"/>), the same one the annotators read.</param>
    /// <param name="language">ISO 639-1 code (<c>id</c>, <c>en</c>); unknown codes get language-neutral analysis.</param>
    AnalyzedText Analyze(TokenizedText tokens, string language);
}
