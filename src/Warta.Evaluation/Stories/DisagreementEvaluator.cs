using Warta.Core.Model;
using Warta.Core.Stories;

namespace Warta.Evaluation.Stories;

/// <summary>Scores the disagreements and corrections of story views against a hand-made list (<c>eval/disagreements/</c>).</summary>
/// <remarks>A detection matches a listed case of its story and kind when two of its values are cited by articles that the list
/// gives two different values of that case: the detection splits the articles as the list does. Values are not compared as
/// written, since the list words them freely (<c>sekitar 3.000</c>, <c>3.420 jiwa di 17 titik</c>). A detection matching an
/// <c>update</c> or <c>approximation</c> case, or nothing listed, is wrong.</remarks>
public static class DisagreementEvaluator
{
    /// <summary>Scores the views built from <paramref name="articles"/> per gold story against <paramref name="gold"/>.</summary>
    public static DisagreementEvaluation Evaluate(IReadOnlyList<DisagreementGold> gold, IReadOnlyList<(string Key, Article Article)> articles,
        IReadOnlyDictionary<string, string> storyOf)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(storyOf);
        var keyOf = articles.ToDictionary(static a => a.Article.Id, static a => a.Key, StringComparer.Ordinal);
        var cases = gold.GroupBy(static g => g.Case, StringComparer.Ordinal).ToList();
        var listed = cases.Where(static c => c.First().Kind is "disagreement" or "correction").Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        int detected = 0, right = 0;
        var builder = new StoryViewBuilder();
        foreach (var story in gold.Select(static g => g.Story).Distinct(StringComparer.Ordinal))
        {
            var members = articles.Where(a => storyOf.TryGetValue(a.Key, out var s) && s == story).Select(static a => a.Article).ToList();
            if (members.Count == 0) continue;
            foreach (var d in builder.Build(story, members, 0).Disagreements)
            {
                detected++;
                var splitting = cases.Where(c => c.First().Story == story && Splits(d, [.. c], keyOf)).ToList();
                var match = splitting.Find(c => c.First().Kind == d.Kind) ?? splitting.FirstOrDefault();
                var kind = match?.First().Kind;
                if (match is not null && kind == d.Kind)
                {
                    right++;
                    found.Add(match.Key);
                }
                else
                {
                    var values = string.Join(" / ", d.Values.Select(v => $"{v.Value} ({string.Join(", ", v.Citations.Select(c => keyOf.GetValueOrDefault(c.ArticleId, c.ArticleId)))})"));
                    errors.Add($"detected {d.Kind} of {d.Counts} in {story}: {values}" + (match is null ? " (not listed)" : $" (listed as {kind}: {match.Key})"));
                }
            }
        }
        foreach (var c in listed.Where(c => !found.Contains(c))) errors.Add($"not found: {c}");
        return new DisagreementEvaluation(detected, right, listed.Count, found.Count, errors);
    }

    /// <summary>Whether two values of <paramref name="detection"/> are cited by articles of two different values of <paramref name="rows"/>;
    /// a correction is one row (<c>7 -> 9</c>) whose two articles, old and new, are the two values.</summary>
    private static bool Splits(QuantityDisagreement detection, List<DisagreementGold> rows, Dictionary<string, string> keyOf)
    {
        List<string[]> slots = rows.Count == 1 ? [.. rows[0].Sources.Select(static s => new[] { s })] : [.. rows.Select(static r => r.Sources.ToArray())];
        var hit = new HashSet<int>();
        foreach (var value in detection.Values)
        {
            var keys = value.Citations.Select(c => keyOf.GetValueOrDefault(c.ArticleId, "")).ToHashSet(StringComparer.Ordinal);
            var slot = slots.FindIndex(s => s.Any(keys.Contains));
            if (slot >= 0) hit.Add(slot);
        }
        return hit.Count >= 2;
    }
}
