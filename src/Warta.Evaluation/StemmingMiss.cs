namespace Warta.Evaluation;

/// <summary>A word the stemmer got wrong, with how often it occurred.</summary>
public sealed record StemmingMiss(string Form, string Expected, string Actual, int Count);
