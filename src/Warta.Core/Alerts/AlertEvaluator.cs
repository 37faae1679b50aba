using System.Globalization;
using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Text;

namespace Warta.Core.Alerts;

/// <summary>Turns a stretch of the store's change sequence into the alerts the rules fire, reading the store as committed.</summary>
/// <remarks>
/// <para>Rules fire on new articles (<see cref="StoreChangeKind.ArticleAdded"/> changes after the rule was added), never
/// on the archive, on corrections or on deletions. An article's story is the one it was placed in, followed through merges
/// to the story that holds it now; a story's articles include those of stories merged into it.</para>
/// <para>Every alert's key names the rule and what fired, so evaluating the same changes again yields the same keys:
/// a query or entity rule fires once per article, and once per page for the revisions of a followed page (<see cref="ArticleKey"/>); a story-outlets rule once per story and threshold; an outlet-joins rule
/// once per story and outlet; a rate jump once per crossing (keyed by the article whose arrival crossed it).</para>
/// <para>Rate jump, precisely: for a story's dated articles in publication order (ties by id), an article at time t has
/// c = the articles up to and including it published in (t − 1 h, t], and the story's recent rate r = the articles
/// published in (t − 25 h, t − 1 h] divided by 24, at least one a day (1/24 an hour). The condition holds when the story
/// had an article at or before t − 1 h (a story of its own hour has no rate yet: that is what the outlets rule is for),
/// c ≥ <see cref="RateMinArticles"/> and c ≥ k·r. It fires at an article where the condition holds and did not hold at
/// the story's previous article, so a burst fires once, not with each of its articles.</para>
/// </remarks>
public sealed class AlertEvaluator(IArticleReader articles, IStoryReader stories, ITextAnalyzer analyzer, TimeProvider? time = null)
{
    /// <summary>Fewest articles in the last hour for a rate jump, so that one or two articles on a quiet story never fire it.</summary>
    public const int RateMinArticles = 5;

    /// <summary>The window a rate jump counts (c).</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    /// <summary>The window before <see cref="RateWindow"/> the recent rate is taken over.</summary>
    public static readonly TimeSpan RateBaseline = TimeSpan.FromHours(24);

    private readonly AlertQueryMatcher _matcher = new(analyzer);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The alerts <paramref name="rules"/> fire for <paramref name="changes"/> (in sequence order), in the order they fired.</summary>
    public async Task<IReadOnlyList<AlertEvent>> EvaluateAsync(IReadOnlyList<AlertRule> rules, IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(changes);
        var live = rules.Where(static r => r.Problem() is null).ToList();
        var added = new List<(long Sequence, string Id)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Kind == StoreChangeKind.ArticleAdded && seen.Add(change.ArticleId)) added.Add((change.Sequence, change.ArticleId));
        }
        if (live.Count == 0 || added.Count == 0) return [];
        live = [.. live.Where(r => r.SinceSequence < added[^1].Sequence)];
        if (live.Count == 0) return [];

        var now = _time.GetUtcNow();
        var read = (await articles.GetArticlesAsync([.. added.Select(static a => a.Id)], cancellationToken).ConfigureAwait(false))
            .ToDictionary(static a => a.Id, StringComparer.Ordinal);
        var merges = await stories.ListMergesAsync(cancellationToken).ConfigureAwait(false);
        var into = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var merge in merges) into[merge.FromStoryId] = merge.IntoStoryId;

        var fired = new List<AlertEvent>();
        // New articles still stored, with the story that holds each now, in sequence order.
        var fresh = new List<NewArticle>();
        foreach (var (sequence, id) in added)
        {
            if (!read.TryGetValue(id, out var article)) continue;
            var assignment = await stories.GetAssignmentAsync(id, cancellationToken).ConfigureAwait(false);
            fresh.Add(new NewArticle(sequence, article, assignment is null ? null : Current(assignment.StoryId, into)));
        }

        foreach (var item in fresh)
        {
            foreach (var rule in live)
            {
                if (item.Sequence <= rule.SinceSequence) continue;
                if (rule.Kind == AlertRuleKind.Query && _matcher.Matches(SearchQueryParser.Parse(rule.Query!), item.Article, item.StoryId))
                {
                    fired.Add(ArticleAlert(rule, item, now, $"New article matches {rule.Query}: {item.Article.Title}{From(item.Article.Outlet)}"));
                }
                else if (rule.Kind == AlertRuleKind.Entity && Mentions(item.Article, rule.Entity!) is { } name)
                {
                    fired.Add(ArticleAlert(rule, item, now, $"New article mentions {name}: {item.Article.Title}{From(item.Article.Outlet)}"));
                }
            }
        }

        var storyRules = live.Where(static r => r.Kind is AlertRuleKind.StoryOutlets or AlertRuleKind.RateJump or AlertRuleKind.OutletJoins).ToList();
        if (storyRules.Count == 0) return fired;
        var queries = new StoryQueries(articles, stories);
        foreach (var group in fresh.Where(static f => f.StoryId is not null).GroupBy(static f => f.StoryId!, StringComparer.Ordinal))
        {
            var storyId = group.Key;
            var story = await stories.GetStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
            var members = await queries.GetArticlesAsync(storyId, cancellationToken).ConfigureAwait(false);
            if (story is null || members is null) continue;
            var context = new StoryContext(story, [.. members.Select(static m => m.Article)], [.. group]);
            foreach (var rule in storyRules)
            {
                var news = context.New.Where(n => n.Sequence > rule.SinceSequence).ToList();
                if (news.Count == 0) continue;
                switch (rule.Kind)
                {
                    case AlertRuleKind.StoryOutlets:
                        if (StoryOutlets(rule, context, news, now) is { } reached) fired.Add(reached);
                        break;
                    case AlertRuleKind.RateJump:
                        fired.AddRange(RateJumps(rule, context, news, now));
                        break;
                    default:
                        fired.AddRange(OutletJoins(rule, context, news, now));
                        break;
                }
            }
        }
        return fired;
    }

    /// <summary>The idempotency key of a query or entity rule's alert on an article: by its page's canonical URL (<c>r-…:page:KEY</c>) when it has one, so every revision of a followed page shares one key and a rule fires once per page; by its id (<c>r-…:article:ID</c>) otherwise.</summary>
    /// <remarks>A revision is stored as a new article (its id is its content's hash), so a key by id would deliver the same
    /// alert again each time the outlet edits the page. A revision that newly matches a rule (the edit added the words)
    /// fires it then, once.</remarks>
    public static string ArticleKey(string ruleId, string articleId, string? url) =>
        url is not null && Sources.CanonicalUrl.KeyOf(url) is { } page ? $"{ruleId}:page:{page}" : $"{ruleId}:article:{articleId}";

    private static string Current(string storyId, Dictionary<string, string> into)
    {
        // Bounded: merges form chains, never cycles, but a damaged store must not hang the evaluator.
        for (var hops = 0; hops < 1000 && into.TryGetValue(storyId, out var next); hops++) storyId = next;
        return storyId;
    }

    private static string From(string outlet) => outlet.Length == 0 ? "" : $" ({outlet})";

    /// <summary>The canonical name of the entity the article mentions among those <paramref name="entity"/> stands for; null when it mentions none.</summary>
    private static string? Mentions(Article article, string entity)
    {
        var ids = EntityAliasExpansion.EntityIds(entity);
        return article.Annotations.Entities.FirstOrDefault(m => ids.Contains(m.EntityId, StringComparer.Ordinal))?.CanonicalName;
    }

    private static AlertEvent ArticleAlert(AlertRule rule, NewArticle item, DateTimeOffset now, string summary) =>
        new(ArticleKey(rule.Id, item.Article.Id, item.Article.Url), rule.Id, rule.Kind, item.Sequence, now, item.Article.Title, summary)
        {
            StoryId = item.StoryId,
            ArticleId = item.Article.Id,
            ArticleUrl = item.Article.Url,
            Outlet = item.Article.Outlet,
            Outlets = item.Article.Outlet.Length == 0 ? [] : [item.Article.Outlet],
        };

    private static AlertEvent? StoryOutlets(AlertRule rule, StoryContext context, List<NewArticle> news, DateTimeOffset now)
    {
        var dated = context.Dated;
        if (dated.Count == 0) return null;
        var end = dated[0].Time + rule.Within;
        var counted = dated.Where(d => d.Time <= end).ToList();
        var outlets = counted.Select(static d => d.Article.Outlet).Where(static o => o.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (outlets.Count < rule.Outlets) return null;
        // Only a new article inside the window makes the story reach it now; an old story reached it before the rule existed.
        var trigger = news.LastOrDefault(n => counted.Any(c => c.Article.Id == n.Article.Id));
        if (trigger is null) return null;
        var headline = context.Story.Headline;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Story \"{headline}\" reached {outlets.Count} outlets within {AlertRule.FormatWithin(rule.Within)} of its first article: {string.Join(", ", outlets)}");
        return StoryAlert(rule, context, trigger, now, string.Create(CultureInfo.InvariantCulture, $"{rule.Id}:story:{context.Story.Id}:outlets:{rule.Outlets}"), summary) with
        {
            Outlets = outlets,
            Count = outlets.Count,
        };
    }

    private static IEnumerable<AlertEvent> RateJumps(AlertRule rule, StoryContext context, List<NewArticle> news, DateTimeOffset now)
    {
        var dated = context.Dated;
        var newIds = news.Select(static n => n.Article.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < dated.Count; i++)
        {
            if (!newIds.Contains(dated[i].Article.Id)) continue;
            var (holds, count, rate) = RateCondition(dated, i, rule.Factor);
            if (!holds || (i > 0 && RateCondition(dated, i - 1, rule.Factor).Holds)) continue;
            var trigger = news.First(n => n.Article.Id == dated[i].Article.Id);
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"Story \"{context.Story.Headline}\" jumped to {count} articles in an hour, {count / rate:0.#}x its recent rate of {rate:0.##} an hour");
            yield return StoryAlert(rule, context, trigger, now, $"{rule.Id}:story:{context.Story.Id}:jump:{trigger.Article.Id}", summary) with { Count = count };
        }
    }

    /// <summary>Whether the rate-jump condition holds at <paramref name="dated"/>[<paramref name="i"/>] (see the class remarks), with c and r.</summary>
    private static (bool Holds, int Count, double Rate) RateCondition(List<DatedArticle> dated, int i, double factor)
    {
        var t = dated[i].Time;
        var windowStart = t - RateWindow;
        var baselineStart = windowStart - RateBaseline;
        var count = 0;
        for (var j = i; j >= 0 && dated[j].Time > windowStart; j--) count++;
        var baseline = 0;
        var history = false;
        foreach (var d in dated)
        {
            if (d.Time > windowStart) break;
            history = true;
            if (d.Time > baselineStart) baseline++;
        }
        var rate = Math.Max(baseline, 1) / RateBaseline.TotalHours;
        return (history && count >= RateMinArticles && count >= factor * rate, count, rate);
    }

    private static IEnumerable<AlertEvent> OutletJoins(AlertRule rule, StoryContext context, List<NewArticle> news, DateTimeOffset now)
    {
        var newIds = news.Select(static n => n.Article.Id).ToHashSet(StringComparer.Ordinal);
        var earlier = context.Articles.Where(a => !newIds.Contains(a.Id)).ToList();
        var outlets = earlier.Select(static a => a.Outlet).Where(static o => o.Length > 0).ToHashSet(StringComparer.Ordinal);
        var reported = earlier.Count;
        foreach (var item in news)
        {
            if (!context.Articles.Any(a => a.Id == item.Article.Id)) continue;
            var outlet = item.Article.Outlet;
            // A story's first article starts it; only a later one can join it.
            if (reported > 0 && outlet.Length > 0 && (rule.Outlet is null || rule.Outlet == outlet) && !outlets.Contains(outlet))
            {
                var all = outlets.Append(outlet).Order(StringComparer.Ordinal).ToList();
                var summary = string.Create(CultureInfo.InvariantCulture, $"{outlet} joined story \"{context.Story.Headline}\" ({all.Count} outlets now): {item.Article.Title}");
                yield return StoryAlert(rule, context, item, now, $"{rule.Id}:story:{context.Story.Id}:outlet:{outlet}", summary) with { Outlets = all, Count = all.Count };
            }
            if (outlet.Length > 0) outlets.Add(outlet);
            reported++;
        }
    }

    private static AlertEvent StoryAlert(AlertRule rule, StoryContext context, NewArticle trigger, DateTimeOffset now, string key, string summary) =>
        new(key, rule.Id, rule.Kind, trigger.Sequence, now, context.Story.Headline, summary)
        {
            StoryId = context.Story.Id,
            StoryHeadline = context.Story.Headline,
            ArticleId = trigger.Article.Id,
            ArticleUrl = trigger.Article.Url,
            Outlet = trigger.Article.Outlet,
            Outlets = context.Outlets,
        };

    private sealed record NewArticle(long Sequence, Article Article, string? StoryId);

    private sealed record DatedArticle(DateTimeOffset Time, Article Article);

    /// <summary>A story touched by new articles: its articles (merged stories' included) and the new ones, in sequence order.</summary>
    private sealed class StoryContext(Story story, List<Article> articles, List<NewArticle> news)
    {
        public Story Story { get; } = story;

        public List<Article> Articles { get; } = articles;

        public List<NewArticle> New { get; } = news;

        /// <summary>The distinct outlets of the story's articles, sorted.</summary>
        public IReadOnlyList<string> Outlets { get; } = [.. articles.Select(static a => a.Outlet).Where(static o => o.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        /// <summary>The dated articles in publication order, ties by id.</summary>
        public List<DatedArticle> Dated { get; } = [.. articles
            .Where(static a => a.Published is not null)
            .Select(static a => new DatedArticle(a.Published!.Value.Value, a))
            .OrderBy(static d => d.Time)
            .ThenBy(static d => d.Article.Id, StringComparer.Ordinal)];
    }
}
