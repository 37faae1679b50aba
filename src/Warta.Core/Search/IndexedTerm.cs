namespace Warta.Core.Search;

/// <summary>One term a full-text index stores for a text: a stem (or normal form) with its offsets and the positions it advances.</summary>
/// <param name="Text">The stem as analysis gives it.</param>
/// <param name="Start">Offset of its token in the text.</param>
/// <param name="End">Offset after its token.</param>
/// <param name="PositionIncrement">Positions since the previous term: 1, plus one for each stopword left out between them, so phrases keep their gaps.</param>
/// <param name="Form">The word as written, case-folded and normalised but not stemmed (<see cref="Warta.Text.Token.Normal"/>); null when not known.</param>
public readonly record struct IndexedTerm(string Text, int Start, int End, int PositionIncrement, string? Form = null);
