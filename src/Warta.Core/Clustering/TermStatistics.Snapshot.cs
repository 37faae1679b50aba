namespace Warta.Core.Clustering;

internal sealed partial class TermStatistics
{
    /// <summary>The id the next new term gets; ids are never reused, so a restore must carry it on.</summary>
    public int NextId => _nextId;

    /// <summary>Every term with its entry, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, TermEntry>> Entries => _terms;

    /// <summary>Puts back a term as a snapshot recorded it; throws <see cref="ArgumentException"/> for a term already present.</summary>
    public void Restore(string term, int id, long documentFrequency, long lastSeenDay) =>
        _terms.Add(term, new TermEntry(id) { DocumentFrequency = documentFrequency, LastSeenDay = lastSeenDay });

    public void RestoreNextId(int nextId) => _nextId = nextId;

    /// <summary>Makes room for this many terms before a restore adds them.</summary>
    public void EnsureCapacity(int count) => _terms.EnsureCapacity(count);
}
