using Lucene.Net.Analysis.TokenAttributes;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>A Lucene tokenizer that emits <see cref="AnalyzedTerms"/>: Warta's one token layer and analysis, not Lucene's.</summary>
/// <remarks>A field of words as written (<see cref="IndexFields.IsFormField"/>) gets the forms of the same terms that differ
/// from their stems (<see cref="IndexFields.HasOwnForm"/>). It follows its stem field in the document, so the analysis of
/// the text just before is reused, not repeated.</remarks>
internal sealed class WartaTokenizer : global::Lucene.Net.Analysis.Tokenizer
{
    // The last text each indexing thread analysed, its bucket and its terms: the stem field and the form field of a title or
    // body hold the same text, one after the other.
    [ThreadStatic]
    private static string? _lastText;
    [ThreadStatic]
    private static string? _lastBucket;
    [ThreadStatic]
    private static List<IndexedTerm>? _lastTerms;

    private readonly ITextAnalyzer _analyzer;
    private readonly string _bucket;
    private readonly bool _forms;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private List<IndexedTerm> _terms = [];
    private int _next;
    private int _length;

    public WartaTokenizer(TextReader input, ITextAnalyzer analyzer, string bucket, bool forms = false) : base(input)
    {
        _analyzer = analyzer;
        _bucket = bucket;
        _forms = forms;
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
        if (_lastTerms is not null && string.Equals(_lastBucket, _bucket, StringComparison.Ordinal) && string.Equals(_lastText, text, StringComparison.Ordinal))
        {
            _terms = _lastTerms;
        }
        else
        {
            _terms = AnalyzedTerms.Of(_analyzer, text, _bucket);
            (_lastText, _lastBucket, _lastTerms) = (text, _bucket, _terms);
        }
        _next = 0;
    }

    public override bool IncrementToken()
    {
        if (!AnalyzedTerms.TryNext(_terms, ref _next, _forms, out var term, out var text)) return false;
        ClearAttributes();
        _term.SetEmpty().Append(text);
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
