namespace Warta.Evaluation;

/// <summary>The score of a TIMEX3 evaluation and every disagreement behind it.</summary>
public sealed record TimexEvaluation(TimexScore Score, IReadOnlyList<TimexError> Errors);
