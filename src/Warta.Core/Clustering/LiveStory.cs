using Warta.Core.Model;

namespace Warta.Core.Clustering;

/// <summary>A story in the working set: its summary fields plus the centroid (sum of its originals' unit vectors).</summary>
internal sealed class LiveStory(string id, string headline)
{
    private static int _created;

    // Posting sets and the score map hash stories on every article: a stored number is cheaper than the runtime's identity hash.
    private readonly int _hash = Interlocked.Increment(ref _created);

    private readonly SortedSet<string> _outlets = new(StringComparer.Ordinal);

    // The sorted outlets as last summarised: most articles add no new outlet, so summaries share one array until one does.
    private string[]? _outletList;

    // Members per detected language: a story rarely holds more than two, so a list beats a dictionary.
    private readonly List<(string Language, int Count)> _languages = [];

    public string Id { get; } = id;
    public string Headline { get; set; } = headline;
    public int ArticleCount { get; set; }
    public DateTimeOffset? FirstPublished { get; set; }
    public DateTimeOffset? LastPublished { get; set; }
    public List<string> ArticleIds { get; } = [];

    /// <summary>Its members' near-duplicate entries found so far (derived from <see cref="ArticleIds"/>; never in a snapshot).</summary>
    public NearDuplicateDetector.StoryMembers Fingerprints { get; } = new();
    public Dictionary<int, double> Centroid { get; } = [];

    /// <summary>The latest members' terms (at most <see cref="StoryClustererOptions.MemberSample"/>, oldest first) for the average-link score; empty when it is off.</summary>
    public List<StoryMember> Members { get; } = [];
    public double NormSquared { get; set; }

    /// <summary>Stories an editor split from this one: the clusterer never merges this story with them.</summary>
    public SortedSet<string> Apart { get; } = new(StringComparer.Ordinal);

    /// <summary>The part of <see cref="NormSquared"/> on specific terms (names, places, numbers).</summary>
    public double SpecificNormSquared { get; set; }

    /// <summary>The part of <see cref="SpecificNormSquared"/> on places.</summary>
    public double PlaceNormSquared { get; set; }

    /// <summary>The part of <see cref="SpecificNormSquared"/> on people.</summary>
    public double PersonNormSquared { get; set; }

    /// <summary>The part of <see cref="SpecificNormSquared"/> on stated facts (dates, counts).</summary>
    public double FactNormSquared { get; set; }

    /// <summary>Originals when the second look last judged the story (0: never); in the snapshot's look state.</summary>
    public int LookedAtOriginals { get; set; }

    /// <summary>Originals whose vectors the centroid sums (copies add none), so the centroid over it is the members' mean.</summary>
    public int Originals { get; set; }

    public void Touch(Article article)
    {
        ArticleCount++;
        ArticleIds.Add(article.Id);
        Count(article.Outlet, article.Published?.Value, article.Language);
    }

    public void AddOutletsOf(LiveStory other)
    {
        _outlets.UnionWith(other._outlets);
        _outletList = null;
        foreach (var (language, count) in other._languages) CountLanguage(language, count);
    }

    /// <summary>The language most of its members are in (ties: ordinal order), or null when none of them has a detected language.</summary>
    public string? Language
    {
        get
        {
            string? best = null;
            var most = 0;
            foreach (var (language, count) in _languages)
            {
                if (count > most || (count == most && string.CompareOrdinal(language, best) < 0)) (best, most) = (language, count);
            }
            return best;
        }
    }

    /// <summary>Whether the language is one a detector named: <c>und</c> (undetermined) and empty are not.</summary>
    public static bool IsKnownLanguage(string? language) => language is { Length: > 0 } && language != "und";

    private void CountLanguage(string language, int count)
    {
        if (!IsKnownLanguage(language)) return;
        for (var i = 0; i < _languages.Count; i++)
        {
            if (_languages[i].Language != language) continue;
            _languages[i] = (language, _languages[i].Count + count);
            return;
        }
        _languages.Add((language, count));
    }

    /// <summary>The outlets seen, in ordinal order (for a snapshot).</summary>
    public IReadOnlyCollection<string> Outlets => _outlets;

    /// <summary>Adds an outlet without an article (when a snapshot is restored).</summary>
    public void AddOutlet(string outlet)
    {
        if (_outlets.Add(outlet)) _outletList = null;
    }

    /// <summary>Forgets the outlets, languages, first and last publication, so that they can be summed again from the members that remain.</summary>
    public void ClearSummary()
    {
        _outlets.Clear();
        _outletList = null;
        _languages.Clear();
        FirstPublished = null;
        LastPublished = null;
    }

    /// <summary>Counts one more member's outlet, time and language, as <see cref="Touch"/> does, without adding it to the members.</summary>
    public void Count(string outlet, DateTimeOffset? published, string language)
    {
        if (outlet.Length > 0 && _outlets.Add(outlet)) _outletList = null;
        CountLanguage(language, 1);
        if (published is { } value)
        {
            if (FirstPublished is null || value < FirstPublished) FirstPublished = value;
            if (LastPublished is null || value > LastPublished) LastPublished = value;
        }
    }

    public override int GetHashCode() => _hash;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public Story ToSummary() => new(Id, Headline, ArticleCount, _outletList ??= [.. _outlets], FirstPublished, LastPublished);
}
