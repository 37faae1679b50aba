namespace Warta.Evaluation.Search;

/// <summary>The relevance of one index over a labeled set: the means over its queries.</summary>
/// <param name="Mrr">Mean reciprocal rank of the first article of the query's own story (0 for a query that finds none in its top <see cref="RelevanceEvaluator.Depth"/>).</param>
/// <param name="PrecisionAt10">Mean share of the top 10 that belongs to the query's own story.</param>
/// <param name="FirstHit">Share of queries whose first hit belongs to their own story.</param>
public sealed record RelevanceScore(double Mrr, double PrecisionAt10, double FirstHit);
