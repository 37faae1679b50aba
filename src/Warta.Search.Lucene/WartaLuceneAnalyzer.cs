using Lucene.Net.Analysis;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>The Lucene analyzer of Warta's index: each title/body field analysed by Warta's own text analysis in the field's
/// language (<c>body.id</c> with the hunspell-backed Indonesian stemmer, <c>body.en</c> with the English one), so what
/// matches in search is what matches in clustering.</summary>
public sealed class WartaLuceneAnalyzer : Analyzer
{
    private readonly ITextAnalyzer _analyzer;

    /// <param name="analyzer">The process's text analysis (the one the placer clusters with).</param>
    public WartaLuceneAnalyzer(ITextAnalyzer analyzer) : base(PER_FIELD_REUSE_STRATEGY)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
    }

    /// <summary>The text analysis behind it.</summary>
    public ITextAnalyzer TextAnalyzer => _analyzer;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WartaTokenizer(reader, _analyzer, IndexFields.BucketOfField(fieldName) ?? "und", IndexFields.IsFormField(fieldName)));
}
