namespace Warta.Evaluation;

/// <summary>Scores and speed of one clustering evaluation run.</summary>
/// <param name="Articles">Articles streamed.</param>
/// <param name="GoldStories">Distinct gold labels.</param>
/// <param name="PredictedStories">Distinct stories after merges.</param>
/// <param name="Copies">Articles linked as copies.</param>
/// <param name="Merges">Merges decided.</param>
/// <param name="Pair">Pair-counting precision/recall.</param>
/// <param name="BCubed">B-cubed precision/recall.</param>
/// <param name="ArticlesPerSecond">Analysis plus clustering.</param>
/// <param name="ClusteringArticlesPerSecond">Placing alone: analysis and clustering, without reading, ordering or the rest of the pipeline.</param>
public sealed record ClusteringReport(
    int Articles,
    int GoldStories,
    int PredictedStories,
    int Copies,
    int Merges,
    PrecisionRecall Pair,
    PrecisionRecall BCubed,
    double ArticlesPerSecond,
    double ClusteringArticlesPerSecond);
