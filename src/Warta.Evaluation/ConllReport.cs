namespace Warta.Evaluation;

/// <summary>Entity-level scores of a tagged corpus: overall and per entity type (keys like <c>PER</c>).</summary>
public sealed record ConllReport(ChunkScore Overall, IReadOnlyDictionary<string, ChunkScore> ByType, int Sentences, int Tokens);
