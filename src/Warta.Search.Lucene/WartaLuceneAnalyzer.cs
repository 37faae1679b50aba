using Lucene.Net.Analysis;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The Lucene analyzer of Warta's index: each title/body field analysed by Warta's own text analysis in the field's
/// language (<c>body.id</c> with the hunspell-backed Indonesian stemmer, <c>body.en</c> with the English one), so what
/// matches in search is what matches in clustering.</summary>
public sealed class WartaLuceneAnalyzer : Analyzer
{
    private readonly ITextAnalyzer _analyzer;
    private readonly bool _stemmed;

    /// <param name="analyzer">The process's text analysis (the one the placer clusters with).</param>
    /// <param name="stemmed">False only for the relevance baseline: normal forms, no stems, no stopwords.</param>
    public WartaLuceneAnalyzer(ITextAnalyzer analyzer, bool stemmed = true) : base(PER_FIELD_REUSE_STRATEGY)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
        _stemmed = stemmed;
    }

    /// <summary>The text analysis behind it.</summary>
    public ITextAnalyzer TextAnalyzer => _analyzer;

    /// <summary>Whether words are stemmed and stopwords left out.</summary>
    public bool Stemmed => _stemmed;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WartaTokenizer(reader, _analyzer, IndexFields.BucketOfField(fieldName) ?? "und", _stemmed));
}
