namespace Warta.Evaluation;

/// <summary>One syntactic word of a CoNLL-U file: its form, lemma and universal part of speech.</summary>
public sealed record ConlluWord(string Form, string Lemma, string UniversalTag);
