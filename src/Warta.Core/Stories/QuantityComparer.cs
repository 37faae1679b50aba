using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Stories;

/// <summary>Finds the quantities a story's articles state differently: corrections by the outlet that gave a figure, and disagreements between outlets reporting at the same time.</summary>
/// <remarks>
/// Quantities compare when they count the same thing (<see cref="Quantity.Counts"/>, money apart from counts). Two values
/// agree when equal, or when one is approximate and within 10 % of the other (<c>sekitar 800</c> and 812). A value stated
/// as a change (<c>bertambah menjadi 10 orang</c>) or looking back (<c>sebelumnya … tujuh orang</c>) is an update of the story,
/// not a claim about the same moment, so it takes no part in a disagreement. A disagreement is two outlets stating different
/// values in reports published within <see cref="SameTimeHours"/> hours of each other, or an earlier value restated by another outlet after a different one was reported. A correction is a later report of the
/// same outlet with a correction word (<c>ralat</c>, <c>meralat</c>, <c>koreksi</c>) whose sentence, or the one next to it,
/// gives another value than the outlet's earlier report.
/// </remarks>
internal static class QuantityComparer
{
    public const double SameTimeHours = 72;

    private static readonly string[] ChangeWords = ["menjadi", "bertambah", "berkurang", "naik", "turun", "sebelumnya", "awal", "ralat", "meralat", "diperbarui", "rose", "risen", "revised"];

    private static readonly string[] CorrectionWords = ["ralat", "meralat", "koreksi", "mengoreksi", "correction"];

    /// <summary>The quantities an article states (from its annotation, else extracted from its body tokens and sentences), keyed by what they count.</summary>
    public static List<StoryArticleAnalysis.QuantityStatement> Statements(Article article, TokenizedText tokens, IReadOnlyList<BodySentence> sentences)
    {
        var statements = new List<StoryArticleAnalysis.QuantityStatement>();
        var quantities = article.Annotations.Quantities.Count > 0 ? article.Annotations.Quantities : QuantityExtractor.Extract(tokens, sentences);
        foreach (var quantity in quantities)
        {
            if (quantity.Counts is null || quantity.Sentence < 0 || quantity.Sentence >= sentences.Count) continue;
            var span = sentences[quantity.Sentence];
            var sentence = tokens.Text.Substring(span.Start, span.Length).ToLowerInvariant();
            var key = (quantity.Unit is "Rp" or "USD" ? quantity.Unit + " " : "") + quantity.Counts;
            statements.Add(new StoryArticleAnalysis.QuantityStatement(quantity, key, HasWord(sentence, ChangeWords), HasWord(sentence, CorrectionWords)));
        }
        return statements;
    }

    /// <summary>The disputed quantities of articles given in story order.</summary>
    public static List<QuantityDisagreement> Compare(IReadOnlyList<StoryArticleAnalysis> docs)
    {
        var claims = new List<Claim>();
        for (var order = 0; order < docs.Count; order++)
        {
            var article = docs[order];
            foreach (var statement in article.Quantities)
            {
                claims.Add(new Claim(order, article, statement.Quantity, statement.Key, statement.IsChange, statement.InCorrection));
            }
        }
        var found = new List<QuantityDisagreement>();
        foreach (var byKey in claims.GroupBy(static c => c.Key, StringComparer.Ordinal).OrderBy(static g => g.Min(static c => c.Order)))
        {
            var list = byKey.ToList();
            Corrections(list, found);
            var disputed = new HashSet<Claim>();
            var current = list.Where(static c => !c.IsChange).ToList();
            for (var a = 0; a < current.Count; a++)
            {
                for (var b = a + 1; b < current.Count; b++)
                {
                    var (x, y) = (current[a], current[b]);
                    if (string.Equals(x.Article.Outlet, y.Article.Outlet, StringComparison.Ordinal) || Agree(x.Quantity, y.Quantity)) continue;
                    if (x.Article.Published is not { } px || y.Article.Published is not { } py || Math.Abs((px.Value - py.Value).TotalHours) > SameTimeHours) continue;
                    disputed.Add(x);
                    disputed.Add(y);
                }
            }
            // A value restated by another outlet after a different one was reported is a conflict, not an update
            // (an old peak repeated in a recap after the count was reported to have risen).
            foreach (var older in current)
            {
                foreach (var newer in list.Where(n => n.Order > older.Order && !Agree(n.Quantity, older.Quantity)))
                {
                    var again = current.FirstOrDefault(c => c.Order > newer.Order && Agree(c.Quantity, older.Quantity)
                        && !string.Equals(c.Article.Outlet, newer.Article.Outlet, StringComparison.Ordinal));
                    if (again is null) continue;
                    disputed.Add(older);
                    disputed.Add(again);
                    disputed.Add(newer);
                }
            }
            if (disputed.Count == 0) continue;
            // Every current statement of a disputed value is shown with it, not only the pair that was compared.
            var values = Values(list.Where(c => (!c.IsChange || disputed.Contains(c)) && disputed.Any(d => Agree(d.Quantity, c.Quantity))));
            if (values.Count >= 2) found.Add(new QuantityDisagreement(byKey.Key, "disagreement", values));
        }
        return found;
    }

    private static void Corrections(List<Claim> list, List<QuantityDisagreement> found)
    {
        foreach (var later in list.Where(static c => c.InCorrection).Select(static c => c.Order).Distinct())
        {
            var revising = list.First(c => c.Order == later);
            foreach (var earlier in list.Where(c => c.Order < later && !c.IsChange && string.Equals(c.Article.Outlet, revising.Article.Outlet, StringComparison.Ordinal)))
            {
                // The new figure: stated in the correction sentence or next to it, and not the old one.
                var correctionSentences = list.Where(c => c.Order == later && c.InCorrection).Select(static c => c.Quantity.Sentence).ToHashSet();
                var replacement = list.FirstOrDefault(c => c.Order == later && !Agree(c.Quantity, earlier.Quantity)
                    && correctionSentences.Any(s => Math.Abs(s - c.Quantity.Sentence) <= 1));
                if (replacement is null) continue;
                found.Add(new QuantityDisagreement(earlier.Key, "correction", [.. Values([earlier]), .. Values([replacement])]));
                return;
            }
        }
    }

    private static List<QuantityClaim> Values(IEnumerable<Claim> claims)
    {
        var values = new List<(Claim First, List<Claim> All)>();
        foreach (var claim in claims.OrderBy(static c => c.Order))
        {
            var same = values.FindIndex(v => Agree(v.First.Quantity, claim.Quantity));
            if (same < 0) values.Add((claim, [claim]));
            else values[same].All.Add(claim);
        }
        return [.. values.Select(static v => new QuantityClaim(v.First.Quantity.Text, v.First.Quantity.Value,
            [.. v.All.Select(static c => c.Article).DistinctBy(static a => a.ArticleId)
                .Select(static a => new StoryCitation(a.ArticleId, a.Outlet, a.Published?.ToString()))]))];
    }

    private static bool Agree(Quantity x, Quantity y)
    {
        if (x.Value == y.Value) return true;
        if (!x.IsApproximate && !y.IsApproximate) return false;
        var larger = Math.Max(x.Value, y.Value);
        return larger > 0 && Math.Abs(x.Value - y.Value) / larger <= 0.1m;
    }

    private static bool HasWord(string sentence, string[] words)
    {
        foreach (var word in words)
        {
            var at = sentence.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var startOk = at == 0 || !char.IsLetter(sentence[at - 1]);
                var endOk = at + word.Length >= sentence.Length || !char.IsLetter(sentence[at + word.Length]);
                if (startOk && endOk) return true;
                at = sentence.IndexOf(word, at + 1, StringComparison.Ordinal);
            }
        }
        return false;
    }

    private sealed record Claim(int Order, StoryArticleAnalysis Article, Quantity Quantity, string Key, bool IsChange, bool InCorrection);
}
