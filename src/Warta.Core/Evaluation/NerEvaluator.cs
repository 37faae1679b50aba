using Warta.Core.Entities;

namespace Warta.Core.Evaluation;

/// <summary>Scores an <see cref="EntityTagger"/> on labeled sentences with the CoNLL entity-level measure.</summary>
public static class NerEvaluator
{
    public static ConllReport Evaluate(EntityTagger tagger, IEnumerable<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        var scorer = new ConllScorer();
        foreach (var sentence in sentences) scorer.Add(sentence.Labels, tagger.Predict(sentence.Tokens));
        return scorer.Report();
    }
}
