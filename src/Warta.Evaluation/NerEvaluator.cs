using Warta.Core.Entities;
using Warta.Evaluation.Entities;

namespace Warta.Evaluation;

/// <summary>Scores an <see cref="EntityTagger"/> on labeled sentences with the CoNLL entity-level measure.</summary>
public static class NerEvaluator
{
    /// <param name="tagger">The model scored.</param>
    /// <param name="sentences">Gold-labeled sentences.</param>
    /// <param name="onPrediction">Receives each sentence with the labels predicted for it (for error analysis).</param>
    public static ConllReport Evaluate(EntityTagger tagger, IEnumerable<NerSentence> sentences, Action<NerSentence, string[]>? onPrediction = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        var scorer = new ConllScorer();
        foreach (var sentence in sentences)
        {
            var predicted = tagger.Predict(sentence.Tokens);
            scorer.Add(sentence.Labels, predicted);
            onPrediction?.Invoke(sentence, predicted);
        }
        return scorer.Report();
    }
}
