using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Warta.Core.Search;

namespace Warta.Search.Lucene;

/// <summary>A token stream over terms already analysed (<see cref="AnalyzedTerms"/>): their stems, or those of their words as
/// written that differ from their stem, with the offsets <see cref="WartaTokenizer"/> gives the same text.</summary>
/// <remarks>The indexer hands a title's or body's terms to its stem field and its form field from one analysis, without the
/// analyzer reading the text out again (a copy of it per field) and comparing it with the last one to reuse that analysis.
/// Reusable: <see cref="Set"/> points it at the next text's terms.</remarks>
internal sealed class AnalyzedTokenStream : TokenStream
{
    private readonly bool _forms;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private List<IndexedTerm> _terms = [];
    private int _next;
    private int _length;

    /// <param name="forms">The words as written (<see cref="IndexedTerm.Form"/>) instead of the stems.</param>
    public AnalyzedTokenStream(bool forms)
    {
        _forms = forms;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <param name="terms">The text's terms.</param>
    /// <param name="length">The text's length, the final offset.</param>
    public void Set(List<IndexedTerm> terms, int length)
    {
        _terms = terms;
        _length = length;
        _next = 0;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }

    public override bool IncrementToken()
    {
        if (!AnalyzedTerms.TryNext(_terms, ref _next, _forms, out var term, out var text)) return false;
        ClearAttributes();
        _term.SetEmpty().Append(text);
        _offset.SetOffset(term.Start, term.End);
        _position.PositionIncrement = term.PositionIncrement;
        return true;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_length, _length);
    }
}
