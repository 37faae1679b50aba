using System.Runtime.Intrinsics;

namespace Warta.Core.Entities;

/// <summary>The summed weights of a word's word-local NER features (<see cref="EntityFeatureExtractor.WordLocal"/>), by word as
/// written, for one thread. Two generations: when the current one is full it becomes the previous and a new one starts, so
/// words read since the last turn survive it and the cache stays bounded on a vocabulary that keeps growing.</summary>
internal sealed class WordScoreCache(int generationSize)
{
    private Dictionary<string, Vector256<float>> _current = [];
    private Dictionary<string, Vector256<float>> _previous = [];

    public bool TryGet(string word, out Vector256<float> sum)
    {
        if (_current.TryGetValue(word, out sum)) return true;
        if (!_previous.TryGetValue(word, out sum)) return false;
        Add(word, sum);
        return true;
    }

    public void Add(string word, Vector256<float> sum)
    {
        if (_current.Count >= generationSize)
        {
            _previous = _current;
            _current = new Dictionary<string, Vector256<float>>(generationSize);
        }
        _current[word] = sum;
    }

    /// <summary>Words held, both generations (for tests of the bound).</summary>
    public int Count => _current.Count + _previous.Count;
}
