namespace Warta.Text;

/// <summary>The one tokenisation of a text that every annotator and the clustering analysis read: tokens as offsets into the original string.</summary>
/// <remarks>
/// Made once per text by <see cref="Tokenizer.Tokenize"/> (after Catalyst's <c>TokenData</c> and Lucene's single analysis
/// chain). Tokens are a struct array, never substrings; a consumer that needs a token as a string asks
/// <see cref="Word"/> or <see cref="Lower"/>, which are computed on first use and kept, so NER, time expressions and quotes
/// share one copy. A number such as <c>23/4/2019</c> or <c>3.000</c> is one token whose <see cref="Parts"/> still show the
/// digit groups and separators. Reading is safe from several threads; the string caches may then compute a form twice, never a wrong one.
/// </remarks>
public sealed class TokenizedText
{
    private readonly TokenSpan[] _tokens;
    private string?[]? _words;
    private string?[]? _lower;

    internal TokenizedText(string text, TokenSpan[] tokens, int count)
    {
        Text = text;
        _tokens = tokens;
        Count = count;
    }

    /// <summary>The original text the offsets point into.</summary>
    public string Text { get; }

    /// <summary>Number of tokens.</summary>
    public int Count { get; }

    /// <summary>All tokens in text order.</summary>
    public ReadOnlySpan<TokenSpan> Tokens => _tokens.AsSpan(0, Count);

    /// <summary>Token <paramref name="index"/>.</summary>
    public TokenSpan this[int index] => Tokens[index];

    /// <summary>The characters of token <paramref name="index"/>, in place.</summary>
    public ReadOnlySpan<char> Surface(int index)
    {
        var token = Tokens[index];
        return Text.AsSpan(token.Start, token.Length);
    }

    /// <summary>Token <paramref name="index"/> as a string, made on first use and kept.</summary>
    public string Word(int index)
    {
        var words = _words ??= new string?[Count];
        return words[index] ??= Surface(index).ToString();
    }

    /// <summary>Token <paramref name="index"/> lower-cased (invariant culture), made on first use and kept; the <see cref="Word"/> itself when already lower case.</summary>
    public string Lower(int index)
    {
        var lower = _lower ??= new string?[Count];
        if (lower[index] is { } known) return known;
        var surface = Surface(index);
        string result;
        if (IsLowerInvariant(surface))
        {
            result = Word(index);
        }
        else
        {
            Span<char> buffer = surface.Length <= 128 ? stackalloc char[surface.Length] : new char[surface.Length];
            surface.ToLowerInvariant(buffer);
            result = new string(buffer);
        }
        return lower[index] = result;
    }

    /// <summary>The same text with only the tokens <paramref name="keep"/> marks, for analysing a few tokens of a long text
    /// (a snippet's highlighter needs the stems of the words that can match a query, not of every word).</summary>
    /// <param name="keep">One flag per token.</param>
    public TokenizedText Only(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != Count) throw new ArgumentException($"one flag per token: {Count} tokens, {keep.Length} flags", nameof(keep));
        var kept = new TokenSpan[Count];
        var count = 0;
        for (var i = 0; i < Count; i++)
        {
            if (keep[i]) kept[count++] = _tokens[i];
        }
        return new TokenizedText(Text, kept, count);
    }

    /// <summary>Drops the strings <see cref="Word"/> and <see cref="Lower"/> kept; they are made again when asked.</summary>
    /// <remarks>For a layer that outlives its annotators: the kept strings cost several times the token spans (about
    /// 14 KB of an article of 150 tokens against 2.4 KB), and a layer waiting in the placer's reorder window needs none
    /// of them, since the analyser reads token spans. A reader holding the old arrays still finishes correctly.</remarks>
    public void ReleaseStrings()
    {
        _words = null;
        _lower = null;
    }

    /// <summary>The pieces of token <paramref name="index"/>: digit groups, letter runs and separators of a token that
    /// starts with a digit (<c>23/4/2019</c> → <c>23 / 4 / 2019</c>, <c>2019an</c> → <c>2019 an</c>), the halves and hyphen of a
    /// reduplication (<c>Juni-Juli</c>), else the token itself.</summary>
    public TokenPartEnumerator Parts(int index) => new(Text, Tokens[index]);

    /// <summary>True when <paramref name="text"/> has no upper-case char (what <see cref="string.ToLowerInvariant"/> would change).</summary>
    private static bool IsLowerInvariant(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c < 128 ? char.IsAsciiLetterUpper(c) : char.ToLowerInvariant(c) != c) return false;
        }
        return true;
    }
}
