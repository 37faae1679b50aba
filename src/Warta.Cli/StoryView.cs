using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Cli;

/// <summary>Reads stories back for display: merged-away stories are folded into the story that absorbed them.</summary>
internal static class StoryView
{
    /// <summary>Stories that were not absorbed by a merge, most recently updated first.</summary>
    public static IReadOnlyList<Story> Current(IStoryStore store)
    {
        var absorbed = store.ListMerges().Select(static m => m.FromStoryId).ToHashSet(StringComparer.Ordinal);
        return [.. store.ListStories().Where(s => !absorbed.Contains(s.Id))];
    }

    /// <summary>Assignments of a story and of every story merged into it, in publication order of the articles.</summary>
    public static IReadOnlyList<(StoryAssignment Assignment, Article Article)> Articles(IStoryStore stories, IArticleStore articles, string storyId)
    {
        var ids = new List<string> { storyId };
        var merges = stories.ListMerges();
        for (var i = 0; i < ids.Count; i++)
        {
            ids.AddRange(merges.Where(m => m.IntoStoryId == ids[i]).Select(static m => m.FromStoryId).Where(id => !ids.Contains(id)));
        }
        return [.. ids.SelectMany(stories.GetAssignments)
            .Select(a => (a, articles.Get(a.ArticleId)))
            .Where(static p => p.Item2 is not null)
            .Select(static p => (p.a, p.Item2!))
            .OrderBy(static p => p.Item2.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(static p => p.Item2.Id, StringComparer.Ordinal)];
    }

    /// <summary>The story an id or unique id prefix names, or null with a message on <paramref name="error"/>.</summary>
    public static Story? Find(IStoryStore store, string idOrPrefix, TextWriter error)
    {
        if (store.GetStory(idOrPrefix) is { } exact) return exact;
        var matches = Current(store).Where(s => s.Id.StartsWith(idOrPrefix, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1) return matches[0];
        error.WriteLine(matches.Count == 0 ? $"warta: no story '{idOrPrefix}'" : $"warta: '{idOrPrefix}' names {matches.Count} stories: {string.Join(", ", matches.Select(static s => s.Id))}");
        return null;
    }

    public static string Time(DateTimeOffset? value) => value is { } v ? ArticleJson.FormatInstant(v) : "-";
}
