namespace Warta.Hosting.Tests.Soak;

/// <summary>One of the soak's outlets: its name, host name (resolved to loopback by the test), feed format, and what it published so far.</summary>
internal sealed class SoakOutlet(string name, string host, string feedPath)
{
    /// <summary>Items a feed lists (the newest), as outlets' feeds list their latest 20 to 50.</summary>
    public const int FeedLength = 40;

    private readonly Lock _gate = new();
    private readonly List<SoakArticle> _published = [];
    private readonly Dictionary<string, SoakArticle> _byPath = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public string Host { get; } = host;

    /// <summary><c>/rss.xml</c>, <c>/atom.xml</c> or <c>/feed.json</c>.</summary>
    public string FeedPath { get; } = feedPath;

    public void Publish(SoakArticle article)
    {
        lock (_gate)
        {
            _published.Add(article);
            _byPath[article.Path] = article;
        }
    }

    /// <summary>The newest <see cref="FeedLength"/> items, newest first.</summary>
    public IReadOnlyList<SoakArticle> Latest()
    {
        lock (_gate) return [.. Enumerable.Reverse(_published).Take(FeedLength)];
    }

    public IReadOnlyList<SoakArticle> All()
    {
        lock (_gate) return [.. _published];
    }

    public SoakArticle? Find(string path)
    {
        lock (_gate) return _byPath.GetValueOrDefault(path);
    }
}
