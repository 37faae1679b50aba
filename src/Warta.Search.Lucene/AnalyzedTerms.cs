using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The terms Warta's analysis gives a text, as the index stores them: stems of words (normal forms of numbers and
/// the like), stopwords and punctuation left out, stopwords still counted in positions so phrases keep their gaps.</summary>
internal static class AnalyzedTerms
{
    /// <summary>The analyzer of <see cref="SearchAnalysis.Plain"/>: standard tokens, lower case, no stopwords.</summary>
    public static Analyzer PlainAnalyzer { get; } = new StandardAnalyzer(LuceneVersion.LUCENE_48, CharArraySet.Empty);

    /// <param name="analyzer">The process's text analysis.</param>
    /// <param name="text">The field's text or a query term.</param>
    /// <param name="bucket">The analysis bucket (<see cref="IndexFields.Buckets"/>).</param>
    /// <remarks>The one rule in Core (<see cref="IndexTerms"/>), which the PostgreSQL search follows too, so both find the same.</remarks>
    public static List<IndexedTerm> Of(ITextAnalyzer analyzer, string text, string bucket) =>
        IndexTerms.Of(analyzer, text, IndexFields.AnalysisLanguage(bucket));

    /// <summary>The same, into <paramref name="terms"/> (emptied first).</summary>
    public static List<IndexedTerm> Of(ITextAnalyzer analyzer, string text, string bucket, List<IndexedTerm> terms) =>
        IndexTerms.Of(analyzer, text, IndexFields.AnalysisLanguage(bucket), terms);

    /// <summary>The next term a stem field or a form field indexes from <paramref name="terms"/>, from <paramref name="next"/> on.</summary>
    /// <param name="terms">A text's terms.</param>
    /// <param name="next">The index of the next term to look at; moved past the one returned.</param>
    /// <param name="forms">The form field: only the words that differ from their stem (<see cref="IndexFields.HasOwnForm"/>), as written.</param>
    /// <param name="term">The term.</param>
    /// <param name="text">What the field indexes of it: its stem, or its word as written.</param>
    /// <returns>False when no term is left.</returns>
    public static bool TryNext(List<IndexedTerm> terms, ref int next, bool forms, out IndexedTerm term, out string text)
    {
        while (next < terms.Count)
        {
            term = terms[next++];
            if (!forms)
            {
                text = term.Text;
                return true;
            }
            if (IndexFields.HasOwnForm(term))
            {
                text = term.Form!;
                return true;
            }
        }
        (term, text) = (default, "");
        return false;
    }

    /// <summary>The terms <see cref="PlainAnalyzer"/> gives a query term (the same in every bucket).</summary>
    public static List<IndexedTerm> Plain(string text)
    {
        var terms = new List<IndexedTerm>();
        using var stream = PlainAnalyzer.GetTokenStream("query", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(new IndexedTerm(term.ToString(), offset.StartOffset, offset.EndOffset, position.PositionIncrement));
        stream.End();
        return terms;
    }
}
