namespace Warta.Text;

/// <summary>A token found by <see cref="Tokenizer"/>: where it is in the text and what kind it is, without any copy of its characters.</summary>
/// <param name="Start">Offset of the first char.</param>
/// <param name="Length">Number of chars.</param>
/// <param name="Kind">Coarse class of the token.</param>
/// <param name="IsReduplication">True for a hyphenated reduplication such as <c>pabrik-pabrik</c> or <c>sayur-mayur</c>.</param>
public readonly record struct TokenSpan(int Start, int Length, TokenKind Kind, bool IsReduplication = false)
{
    public int End => Start + Length;
}
