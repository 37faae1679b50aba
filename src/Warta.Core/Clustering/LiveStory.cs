using Warta.Core.Model;

namespace Warta.Core.Clustering;

/// <summary>A story in the working set: its summary fields plus the centroid (sum of its originals' unit vectors).</summary>
internal sealed class LiveStory(string id, string headline)
{
    public string Id { get; } = id;
    public string Headline { get; } = headline;
    public int ArticleCount { get; set; }
    public SortedSet<string> Outlets { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset? FirstPublished { get; set; }
    public DateTimeOffset? LastPublished { get; set; }
    public List<string> ArticleIds { get; } = [];
    public Dictionary<int, double> Centroid { get; } = [];
    public double NormSquared { get; set; }

    public void Touch(Article article)
    {
        ArticleCount++;
        ArticleIds.Add(article.Id);
        if (article.Outlet.Length > 0) Outlets.Add(article.Outlet);
        if (article.Published is { } published)
        {
            var value = published.Value;
            if (FirstPublished is null || value < FirstPublished) FirstPublished = value;
            if (LastPublished is null || value > LastPublished) LastPublished = value;
        }
    }

    public Story ToSummary() => new(Id, Headline, ArticleCount, [.. Outlets], FirstPublished, LastPublished);
}
