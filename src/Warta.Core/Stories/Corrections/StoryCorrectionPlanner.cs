using System.Globalization;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Stories.Corrections;

/// <summary>Turns an editor's request (ids or unique prefixes) into a <see cref="StoryCorrection"/> on current stories, or refuses it with a <see cref="StoryCorrectionException"/>.</summary>
/// <remarks>
/// Stories are taken as they read: a story merged into another stands for the story it joined, so a correction always
/// names current stories. A split's new story is <c>s-</c> + the id of its earliest article (publication, then id), with
/// <c>-2</c>, <c>-3</c>… when a story of that id exists already.
/// </remarks>
public sealed class StoryCorrectionPlanner(IArticleReader articles, IStoryReader stories)
{
    private readonly StoryQueries _queries = new(articles, stories);

    /// <summary>Merge <paramref name="from"/> into <paramref name="into"/>.</summary>
    public async Task<StoryCorrection> MergeAsync(string from, string into, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var fromId = Current(await StoryAsync(from, cancellationToken).ConfigureAwait(false), merges);
        var intoId = Current(await StoryAsync(into, cancellationToken).ConfigureAwait(false), merges);
        if (fromId == intoId) throw new StoryCorrectionException(StoryCorrectionError.Invalid, $"story {fromId} cannot be merged into itself");
        return new StoryCorrection(0, StoryCorrectionKind.Merge, fromId, intoId, [], by, at);
    }

    /// <summary>Split <paramref name="articleIds"/> off <paramref name="story"/> into a new story.</summary>
    public async Task<StoryCorrection> SplitAsync(string story, IReadOnlyList<string> articleIds, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        ArgumentNullException.ThrowIfNull(by);
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var storyId = Current(await StoryAsync(story, cancellationToken).ConfigureAwait(false), merges);
        if (articleIds.Count == 0) throw new StoryCorrectionException(StoryCorrectionError.Invalid, $"a split of story {storyId} needs at least one of its articles");
        var members = await _queries.GetArticlesAsync(storyId, cancellationToken).ConfigureAwait(false) ?? [];
        var memberIds = members.Select(static m => m.Article.Id).ToHashSet(StringComparer.Ordinal);
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var wanted in articleIds)
        {
            var article = await ArticleAsync(wanted, cancellationToken).ConfigureAwait(false);
            if (!memberIds.Contains(article.Id)) throw new StoryCorrectionException(StoryCorrectionError.Invalid, $"article {article.Id} is not in story {storyId}");
            chosen.Add(article.Id);
        }
        if (chosen.Count == memberIds.Count)
        {
            throw new StoryCorrectionException(StoryCorrectionError.Invalid, $"a split must leave story {storyId} at least one of its {memberIds.Count} articles");
        }
        var earliest = members.Select(static m => m.Article).Where(a => chosen.Contains(a.Id))
            .OrderBy(static a => a.Published is null).ThenBy(static a => a.Published?.Value.UtcTicks).ThenBy(static a => a.Id, StringComparer.Ordinal).First();
        var newId = await FreeStoryIdAsync("s-" + earliest.Id, merges, cancellationToken).ConfigureAwait(false);
        return new StoryCorrection(0, StoryCorrectionKind.Split, storyId, newId, [.. chosen], by, at);
    }

    /// <summary>Move <paramref name="article"/> to <paramref name="story"/>.</summary>
    public async Task<StoryCorrection> MoveAsync(string article, string story, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var moved = await ArticleAsync(article, cancellationToken).ConfigureAwait(false);
        var targetId = Current(await StoryAsync(story, cancellationToken).ConfigureAwait(false), merges);
        var assignment = await stories.GetAssignmentAsync(moved.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new StoryCorrectionException(StoryCorrectionError.Invalid, $"article {moved.Id} is not placed in a story yet");
        var fromId = Current(assignment.StoryId, merges);
        if (fromId == targetId) throw new StoryCorrectionException(StoryCorrectionError.Invalid, $"article {moved.Id} is in story {targetId} already");
        return new StoryCorrection(0, StoryCorrectionKind.Move, fromId, targetId, [moved.Id], by, at);
    }

    /// <summary>The story a merged one joined, followed to the end (a story merged into a story merged in turn…).</summary>
    public static string Current(string storyId, IReadOnlyList<StoryMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(merges);
        var into = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var merge in merges) into.TryAdd(merge.FromStoryId, merge.IntoStoryId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = storyId;
        while (into.TryGetValue(id, out var next) && seen.Add(id)) id = next;
        return id;
    }

    private async Task<string> StoryAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var resolved = await _queries.ResolveAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return resolved.Kind switch
        {
            IdResolutionKind.Found => resolved.Value!.Id,
            IdResolutionKind.Ambiguous => throw new StoryCorrectionException(
                StoryCorrectionError.Invalid, $"story id prefix '{idOrPrefix}' matches several stories: {string.Join(", ", resolved.Candidates)}"),
            _ => throw new StoryCorrectionException(StoryCorrectionError.NotFound, $"no story with id or id prefix '{idOrPrefix}'"),
        };
    }

    private async Task<Article> ArticleAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        var resolved = await new ArticleQueries(articles).ResolveAsync(idOrPrefix, cancellationToken).ConfigureAwait(false);
        return resolved.Kind switch
        {
            IdResolutionKind.Found => resolved.Value!,
            IdResolutionKind.Ambiguous => throw new StoryCorrectionException(
                StoryCorrectionError.Invalid, $"article id prefix '{idOrPrefix}' matches several articles: {string.Join(", ", resolved.Candidates)}"),
            _ => throw new StoryCorrectionException(StoryCorrectionError.NotFound, $"no article with id or id prefix '{idOrPrefix}'"),
        };
    }

    private async Task<string> FreeStoryIdAsync(string wanted, IReadOnlyList<StoryMerge> merges, CancellationToken cancellationToken)
    {
        var named = merges.SelectMany(static m => new[] { m.FromStoryId, m.IntoStoryId }).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var id = n == 1 ? wanted : string.Create(CultureInfo.InvariantCulture, $"{wanted}-{n}");
            if (!named.Contains(id) && await stories.GetStoryAsync(id, cancellationToken).ConfigureAwait(false) is null) return id;
        }
    }
}
