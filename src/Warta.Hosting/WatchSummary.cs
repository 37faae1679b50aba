namespace Warta.Hosting;

/// <summary>What one pass of the <see cref="FeedWatcher"/> over its sources did.</summary>
/// <param name="Sources">Sources polled.</param>
/// <param name="Documents">Feeds and sitemaps fetched (a 304 counts).</param>
/// <param name="NewArticles">Pages stored as new articles.</param>
/// <param name="Revisions">Pages found changed and stored as a new revision.</param>
/// <param name="Retractions">Pages found withdrawn.</param>
/// <param name="Unchanged">Pages or feeds re-fetched and found unchanged (304 or the same content).</param>
/// <param name="Failures">Feeds or pages that failed (each logged with its URL and why).</param>
public sealed record WatchSummary(int Sources, int Documents, int NewArticles, int Revisions, int Retractions, int Unchanged, int Failures)
{
    public static WatchSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public static WatchSummary operator +(WatchSummary left, WatchSummary right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Sources + right.Sources, left.Documents + right.Documents, left.NewArticles + right.NewArticles,
            left.Revisions + right.Revisions, left.Retractions + right.Retractions, left.Unchanged + right.Unchanged, left.Failures + right.Failures);
    }

    public static WatchSummary Add(WatchSummary left, WatchSummary right) => left + right;

    public override string ToString() =>
        $"sources {Sources}, feeds {Documents}, new {NewArticles}, revised {Revisions}, retracted {Retractions}, unchanged {Unchanged}, failed {Failures}";
}
