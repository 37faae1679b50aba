namespace Warta.Text;

/// <summary>Allocation-free enumerator over the tokens of a span, for <c>foreach</c> on the hot path.</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    public TokenSpan Current { get; private set; }

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!Tokenizer.TryRead(_text, ref _position, out var token)) return false;
        Current = token;
        return true;
    }
}
