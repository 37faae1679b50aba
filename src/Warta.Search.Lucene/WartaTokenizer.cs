using Lucene.Net.Analysis.TokenAttributes;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>A Lucene tokenizer that emits <see cref="AnalyzedTerms"/>: Warta's one token layer and analysis, not Lucene's.</summary>
internal sealed class WartaTokenizer : global::Lucene.Net.Analysis.Tokenizer
{
    private readonly ITextAnalyzer _analyzer;
    private readonly string _bucket;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private List<IndexedTerm> _terms = [];
    private int _next;
    private int _length;

    public WartaTokenizer(TextReader input, ITextAnalyzer analyzer, string bucket) : base(input)
    {
        _analyzer = analyzer;
        _bucket = bucket;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        // Warta's tokenizer works on the whole text (offsets, reduplication, numbers), so the field is read at once.
        var text = m_input.ReadToEnd();
        _length = text.Length;
        _terms = AnalyzedTerms.Of(_analyzer, text, _bucket);
        _next = 0;
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        var term = _terms[_next++];
        _term.SetEmpty().Append(term.Text);
        _offset.SetOffset(CorrectOffset(term.Start), CorrectOffset(term.End));
        _position.PositionIncrement = term.PositionIncrement;
        return true;
    }

    public override void End()
    {
        base.End();
        var end = CorrectOffset(_length);
        _offset.SetOffset(end, end);
    }
}
