namespace Warta.Evaluation.Stories;

/// <summary>The scores of one story's generated brief and of its lead baseline against the reference.</summary>
/// <param name="Story">The story key.</param>
/// <param name="ReferenceSentences">Sentences of the reference (the lead baseline takes as many).</param>
/// <param name="BriefSentences">Sentences of the generated brief.</param>
/// <param name="Brief">The generated brief's ROUGE.</param>
/// <param name="Lead">The lead baseline's ROUGE.</param>
public sealed record BriefStoryScore(string Story, int ReferenceSentences, int BriefSentences, RougeScore Brief, RougeScore Lead);
