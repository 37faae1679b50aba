using System.Text.Json;
using Warta.Core.Clustering;
using Warta.Core.Model;

namespace Warta.Testing;

/// <summary>The Indonesian hard-case reports (samples/hardcases: same-kind events told apart by their specifics), as articles.</summary>
public static class HardCases
{
    private static readonly DateTimeOffset Start = new(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>
    /// Clusterer settings under which every report joins the first story (threshold 0, no conflict checks), as a whole-topic
    /// join does, and the second look takes a look every 2 placements: a stream of two events becomes one story until the
    /// look splits it.
    /// </summary>
    public static readonly StoryClustererOptions JoinAllThenLook = new()
    {
        AssignThreshold = 0,
        PlaceConflictFactor = 1,
        PersonConflictFactor = 1,
        SplitMinMembers = StoryClustererOptions.MeasuredSplitMinMembers,
        SplitEvery = 2,
    };

    /// <summary>The Indonesian reports of the given stories, in that order, one hour apart, ids <c>{story}-{n}</c>; the second story's from another outlet.</summary>
    /// <remarks>The English wire reports (URLs under <c>/en/</c>) are left out: these streams test same-kind events in one language.</remarks>
    public static IReadOnlyList<Article> Reports(params string[] stories)
    {
        var records = File.ReadLines(RepoPaths.Combine("samples", "hardcases", "hardcases.jsonl"))
            .Select(static line => JsonDocument.Parse(line).RootElement)
            .ToList();
        var articles = new List<Article>();
        for (var s = 0; s < stories.Length; s++)
        {
            var n = 0;
            foreach (var record in records.Where(e => e.GetProperty("story").GetString() == stories[s]
                         && !e.GetProperty("url").GetString()!.Contains("/en/", StringComparison.Ordinal)))
            {
                var id = stories[s] + "-" + n++;
                articles.Add(new Article
                {
                    Id = id,
                    Title = record.GetProperty("title").GetString()!,
                    Outlet = s % 2 == 0 ? "contoh.id" : "lain.id",
                    Published = new PublicationTime(Start.AddHours(articles.Count), TimePrecision.Minute),
                    Language = "id",
                    Paragraphs = [record.GetProperty("text").GetString()!],
                    Source = id + ".txt",
                });
            }
        }
        return articles;
    }
}
