namespace Warta.Evaluation.Entities;

/// <summary>One labeled sentence of a NER corpus: tokens with BIO labels over <c>PER</c>, <c>LOC</c> and <c>ORG</c>.</summary>
public sealed record NerSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Labels);
