namespace Warta.Core.Extraction;

/// <summary>Outlet names learned from the articles read so far, each with the domain it was seen with, so that a page naming only <c>(Antarprov)</c> gets <c>antarprov.com</c>.</summary>
/// <remarks>
/// A name is learned only from an article that shows both the name and a domain whose first label is the name's first
/// word (a record with <c>outlet: Antarprov</c> and a URL on <c>antarprov.com</c>). A name seen with two domains
/// (<c>kompas.com</c>, <c>kompas.id</c>) is ambiguous and resolves to nothing. Safe to share between threads.
/// The pairings are kept in the store (<see cref="Load"/> at the start of a run, <see cref="TakeUnsaved"/> with each
/// commit), so a page gets the same key whether the page that taught the pairing came in the same run or an earlier one.
/// </remarks>
public sealed class OutletDirectory
{
    private readonly Dictionary<string, HashSet<string>> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<OutletPairing> _known = [];
    private readonly List<OutletPairing> _unsaved = [];
    private readonly Lock _lock = new();

    /// <summary>Records that the normalised <paramref name="name"/> (and its first word) was seen with <paramref name="domain"/>.</summary>
    public void Learn(string name, string domain)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(domain);
        if (name.Length == 0 || domain.Length == 0) return;
        lock (_lock)
        {
            if (Remember(new OutletPairing(name, domain))) _unsaved.Add(new OutletPairing(name, domain));
        }
    }

    /// <summary>Adds pairings learned in earlier runs (read from the store); they are not handed out again by <see cref="TakeUnsaved"/>.</summary>
    public void Load(IEnumerable<OutletPairing> pairings)
    {
        ArgumentNullException.ThrowIfNull(pairings);
        lock (_lock)
        {
            foreach (var pairing in pairings)
            {
                if (pairing.Name.Length > 0 && pairing.Domain.Length > 0) Remember(pairing);
            }
        }
    }

    /// <summary>The pairings learned since the last call (not loaded ones), in the order learned, to be stored.</summary>
    public IReadOnlyList<OutletPairing> TakeUnsaved()
    {
        lock (_lock)
        {
            if (_unsaved.Count == 0) return [];
            OutletPairing[] taken = [.. _unsaved];
            _unsaved.Clear();
            return taken;
        }
    }

    /// <summary>Adds the pairing (and its first word's); false when it was known already.</summary>
    private bool Remember(OutletPairing pairing)
    {
        if (!_known.Add(pairing)) return false;
        Add(pairing.Name, pairing.Domain);
        var firstWord = pairing.Name.Split(' ')[0];
        if (firstWord != pairing.Name) Add(firstWord, pairing.Domain);
        return true;
    }

    /// <summary>The one domain seen with <paramref name="name"/> (or, failing that, with its first word).</summary>
    public bool TryResolve(string name, out string domain)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            if (_domains.TryGetValue(name, out var exact))
            {
                domain = exact.Count == 1 ? exact.First() : "";
                return domain.Length > 0;
            }
            domain = _domains.TryGetValue(name.Split(' ')[0], out var byWord) && byWord.Count == 1 ? byWord.First() : "";
            return domain.Length > 0;
        }
    }

    private void Add(string name, string domain)
    {
        if (!_domains.TryGetValue(name, out var domains)) _domains[name] = domains = new HashSet<string>(StringComparer.Ordinal);
        domains.Add(domain);
    }
}
