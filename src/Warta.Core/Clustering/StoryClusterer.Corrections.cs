using Warta.Core.Model;

namespace Warta.Core.Clustering;

/// <summary>Removal, editors' corrections and the replay of stored placements: the clusterer kept in step with a store whose stories changed after placement.</summary>
/// <remarks>
/// <para>An article leaves its story with the vector it is worth now (its features weighted by the current statistics): the
/// vector it added is not kept, to keep the working set small, so the centroid loses about, not exactly, what it gained.
/// Its features' document counts go down by one and the near-duplicate index forgets it. A story left with no article leaves
/// the working set. The summary of a story a member left is made again from the members that remain, by the rules the store
/// uses (<see cref="Storage.IPlacementStore.DeleteArticleAsync"/>), so the two agree.</para>
/// <para>A story split by an editor is kept apart from the story it was split from (and from any story either later joins):
/// the clusterer's merge step skips the pair. A merge by an editor of two live stories is the clusterer's own merge; with
/// a story no longer live, the live one leaves the working set too (its centroid could not stand for the merged story).</para>
/// </remarks>
public sealed partial class StoryClusterer
{
    /// <summary>Whether the story is in the working set.</summary>
    public bool IsLive(string storyId) => _stories.ContainsKey(storyId);

    /// <summary>The live story the article is in (after merges), or null when it is not in the working set.</summary>
    public string? LiveStoryOf(string articleId) => _articles.TryGetValue(articleId, out var live) ? live.Story.Id : null;

    /// <summary>The stories a live story is kept apart from (editors' splits), in ordinal order; empty for a story not live.</summary>
    public IReadOnlyCollection<string> ApartFrom(string storyId) => _stories.TryGetValue(storyId, out var story) ? story.Apart : [];

    /// <summary>Takes an article out of the working set (a deletion): see the remarks on the class.</summary>
    public ClustererChange Remove(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!_articles.TryGetValue(article.Article.Id, out var live)) return ClustererChange.None;
        var story = live.Story;
        Detach(article, live);
        return Settle([story]);
    }

    /// <summary>Moves an article to <paramref name="targetStoryId"/> (an editor's correction), or takes it out of the working set when that story is not live.</summary>
    /// <param name="article">The article, analysed.</param>
    /// <param name="copyOfArticleId">The original it copies, as stored; a copy adds nothing to its new story's centroid.</param>
    /// <param name="targetStoryId">The story it joins.</param>
    public ClustererChange Move(AnalyzedArticle article, string? copyOfArticleId, string targetStoryId)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(targetStoryId);
        var touched = new List<LiveStory>();
        if (_articles.TryGetValue(article.Article.Id, out var live))
        {
            touched.Add(live.Story);
            Detach(article, live);
        }
        if (_stories.TryGetValue(targetStoryId, out var target))
        {
            Attach(article, copyOfArticleId, target);
            touched.Add(target);
        }
        return Settle(touched);
    }

    /// <summary>Splits <paramref name="articles"/> off <paramref name="storyId"/> into a new story <paramref name="newStoryId"/>, kept apart from it.</summary>
    /// <param name="storyId">The story split (as live: after merges).</param>
    /// <param name="newStoryId">The new story's id.</param>
    /// <param name="articles">The articles that leave, with the originals they copy (as stored).</param>
    /// <param name="headline">The new story's headline.</param>
    public ClustererChange Split(string storyId, string newStoryId, IReadOnlyList<(AnalyzedArticle Article, string? CopyOf)> articles, string headline)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(newStoryId);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(headline);
        if (!_stories.TryGetValue(storyId, out var source)) return ClustererChange.None;
        var created = LiveOrNew(newStoryId, headline);
        var touched = new List<LiveStory> { source, created };
        foreach (var (article, copyOf) in articles)
        {
            if (_articles.TryGetValue(article.Article.Id, out var live))
            {
                // The planner takes the articles from the story; a replay after a deletion may find one elsewhere, and moves it all the same.
                touched.Add(live.Story);
                Detach(article, live);
            }
            Attach(article, copyOf, created);
        }
        source.Apart.Add(created.Id);
        created.Apart.Add(source.Id);
        return Settle(touched);
    }

    /// <summary>Merges <paramref name="fromStoryId"/> into <paramref name="intoStoryId"/> (an editor's correction); see the remarks on the class.</summary>
    public ClustererChange MergeStories(string fromStoryId, string intoStoryId)
    {
        ArgumentNullException.ThrowIfNull(fromStoryId);
        ArgumentNullException.ThrowIfNull(intoStoryId);
        if (string.Equals(fromStoryId, intoStoryId, StringComparison.Ordinal)) return ClustererChange.None;
        _stories.TryGetValue(fromStoryId, out var from);
        _stories.TryGetValue(intoStoryId, out var into);
        if (from is not null && into is not null)
        {
            // The editor's word overrides an earlier split between them.
            from.Apart.Remove(into.Id);
            into.Apart.Remove(from.Id);
            Merge(from, into);
            return new ClustererChange([into.ToSummary()], [from.Id]);
        }
        var dropped = new List<string>();
        foreach (var story in new[] { from, into })
        {
            if (story is null) continue;
            Evict(story);
            dropped.Add(story.Id);
        }
        return new ClustererChange([], dropped);
    }

    /// <summary>Places an article again where the store has it (recovery): in <paramref name="placed"/>'s story, after the merges its arrival decided.</summary>
    /// <remarks>
    /// The state changes exactly as <see cref="Add"/> changed it when it placed the article there (the same sweep, term ids,
    /// centroid sums and statistics, in the same order), so replaying an unchanged store gives the uninterrupted state bit
    /// for bit; and a store changed since (an article deleted, an editor's correction) is followed as it is, story ids included.
    /// </remarks>
    /// <param name="article">The article, analysed.</param>
    /// <param name="placed">Its stored assignment, with the story it was placed in then.</param>
    /// <param name="merges">The merges its arrival decided, in order; those naming a story not live are skipped.</param>
    public ClusteringResult Replay(AnalyzedArticle article, StoryAssignment placed, IReadOnlyList<StoryMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(placed);
        ArgumentNullException.ThrowIfNull(merges);
        var a = article.Article;
        if (_articles.TryGetValue(a.Id, out var known)) return new ClusteringResult(known.Assignment, [], [], []);
        var time = a.Published?.Value ?? (_streamTime == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : _streamTime);
        if (time > _streamTime) _streamTime = time;
        var evicted = Sweep();
        var fingerprint = NearDuplicateDetector.Fingerprint(article.Title, article.Body);
        if (placed.CopyOfArticleId is not null)
        {
            // Add extracted features (creating term ids) unless the copy was found before scoring: so must the replay.
            if (_copies.Find(fingerprint) is not { } match || !_articles.ContainsKey(match.OriginalArticleId)) _extractor.Extract(a, article.Title, article.Body);
            var story = LiveOrNew(placed.StoryId, a.Title);
            story.Touch(a);
            _articles.Add(a.Id, LiveArticle.Of(a, placed, story));
            return new ClusteringResult(placed, [story.ToSummary()], [], evicted);
        }
        var features = _extractor.Extract(a, article.Title, article.Body);
        var vector = Vectorize(features);
        var applied = new List<StoryMerge>();
        foreach (var merge in merges)
        {
            if (!_stories.TryGetValue(merge.FromStoryId, out var from) || !_stories.TryGetValue(merge.IntoStoryId, out var into) || from == into) continue;
            Merge(from, into);
            applied.Add(merge);
        }
        var target = LiveOrNew(placed.StoryId, a.Title);
        AddToCentroid(target, vector);
        AddMember(target, a.Id, features);
        target.Touch(a);
        TouchedForLook(target.Id);
        _articles.Add(a.Id, LiveArticle.Of(a, placed, target));
        _copies.Add(a.Id, fingerprint);
        var day = Day(time);
        foreach (var (entry, _) in features) TermStatistics.AddDocument(entry, day);
        return new ClusteringResult(placed, [target.ToSummary()], applied, evicted);
    }

    private LiveStory LiveOrNew(string storyId, string headline)
    {
        if (_stories.TryGetValue(storyId, out var story)) return story;
        story = new LiveStory(storyId, headline);
        _stories.Add(story.Id, story);
        return story;
    }

    /// <summary>Takes a member out of its story: centroid, statistics, near-duplicate index, members.</summary>
    private void Detach(AnalyzedArticle article, LiveArticle live)
    {
        var story = live.Story;
        var id = article.Article.Id;
        if (live.Assignment.CopyOfArticleId is null)
        {
            var features = _extractor.Extract(article.Article, article.Title, article.Body);
            foreach (var (entry, _) in features)
            {
                if (entry.DocumentFrequency > 0) entry.DocumentFrequency--;
            }
            SubtractFromCentroid(story, Vectorize(features));
        }
        _copies.Remove(id);
        _articles.Remove(id);
        story.Members.RemoveAll(m => string.Equals(m.ArticleId, id, StringComparison.Ordinal));
        story.ArticleIds.Remove(id);
        story.ArticleCount--;
    }

    /// <summary>Adds an article to a live story as a member; an original adds its current vector and counts in the statistics.</summary>
    private void Attach(AnalyzedArticle article, string? copyOf, LiveStory story)
    {
        var a = article.Article;
        if (copyOf is null)
        {
            var features = _extractor.Extract(a, article.Title, article.Body);
            AddToCentroid(story, Vectorize(features));
            AddMember(story, a.Id, features);
            var day = Day(a.Published?.Value ?? (_streamTime == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : _streamTime));
            foreach (var (entry, _) in features) TermStatistics.AddDocument(entry, day);
            _copies.Add(a.Id, NearDuplicateDetector.Fingerprint(article.Title, article.Body));
        }
        story.Touch(a);
        _articles.Add(a.Id, LiveArticle.Of(a, new StoryAssignment(a.Id, story.Id, copyOf, 1.0), story));
    }

    private void SubtractFromCentroid(LiveStory story, ReadOnlySpan<(int Id, double Weight)> vector)
    {
        foreach (var (id, weight) in vector)
        {
            if (!story.Centroid.TryGetValue(id, out var old)) continue;
            // What is left of a term this article brought alone is rounding: the term leaves, and its posting with it.
            if (old - weight <= 1e-9 * Math.Max(1.0, old))
            {
                story.Centroid.Remove(id);
                RemovePosting(id, story);
            }
            else
            {
                story.Centroid[id] = old - weight;
            }
        }
        (story.NormSquared, story.SpecificNormSquared, story.PlaceNormSquared, story.PersonNormSquared, story.FactNormSquared) = NormSquaredInIdOrder(story.Centroid);
        story.Originals--;
    }

    /// <summary>Drops the touched stories left with no member and makes the others' summaries again from their members.</summary>
    private ClustererChange Settle(IReadOnlyList<LiveStory> touched)
    {
        var changed = new List<Story>();
        var dropped = new List<string>();
        foreach (var story in touched.Distinct())
        {
            if (!_stories.ContainsKey(story.Id)) continue;
            if (story.ArticleIds.Count == 0)
            {
                Evict(story);
                dropped.Add(story.Id);
                continue;
            }
            Resummarise(story);
            changed.Add(story.ToSummary());
        }
        return new ClustererChange(changed, dropped);
    }

    /// <summary>The story's count, outlets, languages and times from its members; a headline no member has any more becomes the earliest member's title.</summary>
    private void Resummarise(LiveStory story)
    {
        story.ClearSummary();
        story.ArticleCount = story.ArticleIds.Count;
        LiveArticle? earliest = null;
        var headlineKept = false;
        foreach (var id in story.ArticleIds)
        {
            var member = _articles[id];
            story.Count(member.Outlet, member.Published, member.Language);
            headlineKept |= string.Equals(member.Title, story.Headline, StringComparison.Ordinal);
            if (earliest is null || IsEarlier(member, earliest)) earliest = member;
        }
        if (!headlineKept && earliest is not null) story.Headline = earliest.Title;
    }

    /// <summary>The store's order of a story's articles: dated before undated, by publication instant, then by id.</summary>
    private static bool IsEarlier(LiveArticle a, LiveArticle b)
    {
        if (a.Published is null != b.Published is null) return a.Published is not null;
        if (a.Published is { } at && b.Published is { } bt && at.UtcTicks != bt.UtcTicks) return at.UtcTicks < bt.UtcTicks;
        return string.CompareOrdinal(a.Assignment.ArticleId, b.Assignment.ArticleId) < 0;
    }
}
