namespace Warta.Core.Extraction;

/// <summary>Outlet names learned from the articles read so far, each with the domain it was seen with, so that a page naming only <c>(Antarprov)</c> gets <c>antarprov.com</c>.</summary>
/// <remarks>
/// A name is learned only from an article that shows both the name and a domain whose first label is the name's first
/// word (a record with <c>outlet: Antarprov</c> and a URL on <c>antarprov.com</c>). A name seen with two domains
/// (<c>kompas.com</c>, <c>kompas.id</c>) is ambiguous and resolves to nothing. Safe to share between threads.
/// </remarks>
public sealed class OutletDirectory
{
    private readonly Dictionary<string, HashSet<string>> _domains = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Records that the normalised <paramref name="name"/> (and its first word) was seen with <paramref name="domain"/>.</summary>
    public void Learn(string name, string domain)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(domain);
        if (name.Length == 0 || domain.Length == 0) return;
        lock (_lock)
        {
            Add(name, domain);
            var firstWord = name.Split(' ')[0];
            if (firstWord != name) Add(firstWord, domain);
        }
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
