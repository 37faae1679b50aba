using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The terms Warta's analysis gives a text, as the index stores them: stems of words (normal forms of numbers and
/// the like), stopwords and punctuation left out, stopwords still counted in positions so phrases keep their gaps.</summary>
internal static class AnalyzedTerms
{
    /// <summary>One indexed term, its offsets into the text and how many positions it advances.</summary>
    public readonly record struct Term(string Text, int Start, int End, int PositionIncrement);

    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="text">The field's text or a query term.</param>
    /// <param name="bucket">The analysis bucket (<see cref="IndexFields.Buckets"/>).</param>
    /// <param name="stemmed">False for the unanalysed baseline: lower-cased normal forms, no stemming, no stopwords.</param>
    public static List<Term> Of(ITextAnalyzer analyzer, string text, string bucket, bool stemmed = true)
    {
        var analyzed = analyzer.Analyze(Tokenizer.Tokenize(text), IndexFields.AnalysisLanguage(bucket));
        var terms = new List<Term>(analyzed.Tokens.Count);
        var increment = 1;
        foreach (var token in analyzed.Tokens)
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            if (stemmed && token.IsStopword)
            {
                increment++;
                continue;
            }
            var value = stemmed ? token.Stem : token.Normal;
            if (value.Length == 0) continue;
            terms.Add(new Term(value, token.Start, token.End, increment));
            increment = 1;
        }
        return terms;
    }
}
