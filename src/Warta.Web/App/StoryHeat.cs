using Warta.Core.Model;

namespace Warta.Web.App;

/// <summary>How "developing now" a story is, for Beranda's order.</summary>
/// <remarks>
/// heat = (articles of the last <see cref="RecentDays"/> days + 1) × outlets × 0.5^(days since its last article / <see cref="HalfLifeDays"/>).
/// Recent articles say it is moving, outlets that more than one newsroom follows it; the decay lets a quiet story sink
/// by itself. "Now" is the newest publication time in the store (or the clock, if earlier), so an archive or the
/// sample corpus ranks as it did on its last day instead of every story looking equally stale.
/// </remarks>
internal static class StoryHeat
{
    public const int RecentDays = 7;
    public const double HalfLifeDays = 7;

    /// <summary>The reference time: the latest publication among <paramref name="stories"/>, at most <paramref name="clock"/>.</summary>
    public static DateTimeOffset Now(IEnumerable<Story> stories, DateTimeOffset clock)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var latest = stories.Select(static s => s.LastPublished).Where(static t => t is not null).Max();
        return latest is { } l && l < clock ? l : clock;
    }

    public static double Of(Story story, int recentArticles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(story);
        var ageDays = story.LastPublished is { } last ? Math.Max(0, (now - last).TotalDays) : 365;
        return (recentArticles + 1) * Math.Max(1, story.Outlets.Count) * Math.Pow(0.5, ageDays / HalfLifeDays);
    }
}
