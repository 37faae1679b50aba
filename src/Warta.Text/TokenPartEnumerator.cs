namespace Warta.Text;

/// <summary>Allocation-free enumerator over the pieces of one token (see <see cref="TokenizedText.Parts"/>).</summary>
public ref struct TokenPartEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly TokenSpan _token;
    private readonly bool _split;
    private int _position;

    internal TokenPartEnumerator(string text, TokenSpan token)
    {
        _text = text.AsSpan();
        _token = token;
        _position = token.Start;
        var first = text[token.Start];
        _split = token.IsReduplication || (token.Kind is TokenKind.Number or TokenKind.Word && char.IsAsciiDigit(first));
        Current = default;
    }

    public TokenSpan Current { get; private set; }

    public readonly TokenPartEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var end = _token.End;
        if (_position >= end) return false;
        if (!_split)
        {
            Current = _token;
            _position = end;
            return true;
        }
        var start = _position;
        var c = _text[start];
        TokenKind kind;
        if (char.IsAsciiDigit(c))
        {
            while (_position < end && char.IsAsciiDigit(_text[_position])) _position++;
            kind = TokenKind.Number;
        }
        else if (Tokenizer.IsWordChar(c))
        {
            // Letters with any digits after them (a reduplication half, the "an" of 2019an), as a word token would run.
            while (_position < end && Tokenizer.IsWordChar(_text[_position]) && !(_position > start && char.IsAsciiDigit(_text[_position]) && !_token.IsReduplication)) _position++;
            kind = TokenKind.Word;
        }
        else
        {
            _position++;
            kind = TokenKind.Punctuation;
        }
        Current = new TokenSpan(start, _position - start, kind);
        return true;
    }
}
