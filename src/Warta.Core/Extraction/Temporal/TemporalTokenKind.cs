namespace Warta.Core.Extraction.Temporal;

/// <summary>Coarse class of a <see cref="TemporalToken"/>.</summary>
internal enum TemporalTokenKind
{
    Word,
    Number,
    Punctuation,
}
