namespace Warta.Core.Extraction.Quantities;

/// <summary>One sentence of a tokenised text: its place among the text's sentences, its characters and its tokens.</summary>
/// <param name="Index">Zero-based position among the text's sentences.</param>
/// <param name="Start">Offset of its first char.</param>
/// <param name="Length">Length in chars, up to and including its closing punctuation or quote.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="TokenCount">Number of its tokens.</param>
public readonly record struct BodySentence(int Index, int Start, int Length, int FirstToken, int TokenCount)
{
    /// <summary>Offset just past its last char.</summary>
    public int End => Start + Length;
}
