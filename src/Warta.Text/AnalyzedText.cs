namespace Warta.Text;

/// <summary>A text with its tokens; tokens are offsets into <see cref="Text"/>, never copies of it.</summary>
public sealed record AnalyzedText(string Text, string Language, IReadOnlyList<Token> Tokens)
{
    /// <summary>The original characters of a token.</summary>
    public ReadOnlySpan<char> Surface(Token token) => Text.AsSpan(token.Start, token.Length);
}
