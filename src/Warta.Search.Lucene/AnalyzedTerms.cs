using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The terms Warta's analysis gives a text, as the index stores them: stems of words (normal forms of numbers and
/// the like), stopwords and punctuation left out, stopwords still counted in positions so phrases keep their gaps.</summary>
internal static class AnalyzedTerms
{
    /// <summary>The analyzer of <see cref="SearchAnalysis.Plain"/>: standard tokens, lower case, no stopwords.</summary>
    public static Analyzer PlainAnalyzer { get; } = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);

    /// <summary>One indexed term, its offsets into the text and how many positions it advances.</summary>
    public readonly record struct Term(string Text, int Start, int End, int PositionIncrement);

    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="text">The field's text or a query term.</param>
    /// <param name="bucket">The analysis bucket (<see cref="IndexFields.Buckets"/>).</param>
    public static List<Term> Of(ITextAnalyzer analyzer, string text, string bucket)
    {
        var analyzed = analyzer.Analyze(Warta.Text.Tokenizer.Tokenize(text), IndexFields.AnalysisLanguage(bucket));
        var terms = new List<Term>(analyzed.Tokens.Count);
        var increment = 1;
        foreach (var token in analyzed.Tokens)
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            if (token.IsStopword)
            {
                increment++;
                continue;
            }
            if (token.Stem.Length == 0) continue;
            terms.Add(new Term(token.Stem, token.Start, token.End, increment));
            increment = 1;
        }
        return terms;
    }

    /// <summary>The terms <see cref="PlainAnalyzer"/> gives a query term (the same in every bucket).</summary>
    public static List<Term> Plain(string text)
    {
        var terms = new List<Term>();
        using var stream = PlainAnalyzer.GetTokenStream("query", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(new Term(term.ToString(), offset.StartOffset, offset.EndOffset, position.PositionIncrement));
        stream.End();
        return terms;
    }
}
