using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.TokenAttributes;
using LuceneTokenizer = Lucene.Net.Analysis.Tokenizer;

namespace Warta.Text;

/// <summary>Lucene.Net's Hunspell stemming of one word at a time (its <c>Stemmer</c> is internal, so the public token filter is driven directly); one instance per thread.</summary>
internal sealed class HunspellStemming : IDisposable
{
    private readonly ReusableStringReader _reader = new();
    private readonly LuceneTokenizer _tokenizer;
    private readonly TokenStream _stream;
    private readonly ICharTermAttribute _term;

    public HunspellStemming(Dictionary dictionary)
    {
        Dictionary = dictionary;
        _tokenizer = new KeywordTokenizer(_reader);
        _stream = new HunspellStemFilter(_tokenizer, dictionary, dedup: true, longestOnly: false);
        _term = _stream.AddAttribute<ICharTermAttribute>();
    }

    /// <summary>The dictionary it stems with.</summary>
    public Dictionary Dictionary { get; }

    /// <summary>Distinct stems of <paramref name="word"/>; the word itself is among them when it is a root or has no stem.</summary>
    public List<string> Stems(string word)
    {
        var stems = new List<string>(2);
        _reader.Set(word);
        _tokenizer.SetReader(_reader);
        _stream.Reset();
        try
        {
            while (_stream.IncrementToken()) stems.Add(_term.ToString());
            _stream.End();
        }
        finally
        {
            _stream.Dispose();
        }
        return stems;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>A reader over a string that can be pointed at the next word without allocating a new reader.</summary>
    private sealed class ReusableStringReader : TextReader
    {
        private string _text = string.Empty;
        private int _position;

        public void Set(string text)
        {
            _text = text;
            _position = 0;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, _text.Length - _position);
            if (n <= 0) return 0;
            _text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        public override int Read() => _position < _text.Length ? _text[_position++] : -1;

        public override int Peek() => _position < _text.Length ? _text[_position] : -1;
    }
}
