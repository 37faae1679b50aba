using System.Globalization;
using Warta.Core.Search;
using Warta.Search.Lucene;
using Warta.Text;

namespace Warta.Evaluation.Search;

/// <summary><c>warta eval search</c>: indexes every article of a labeled set twice, with Warta's analysis and without it, and
/// asks each index for every article's first sentence; an article of the query's own story is a relevant hit.</summary>
/// <remarks>The query's own article is left out of its ranking: it holds its own first sentence, so counting it would
/// put it first nearly always and measure nothing. A query whose story has no other article is not scored.</remarks>
public static class RelevanceEvaluator
{
    /// <summary>Hits read per query: a first relevant article below this rank counts as not found (reciprocal rank under 0.01).</summary>
    public const int Depth = 100;

    public static async Task<RelevanceReport> RunAsync(IReadOnlyList<LabeledArticle> set, ITextAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(analyzer);
        // Ids by position: content ids of a labeled set may repeat (a wire report copied), and each record is one query.
        var articles = set.Select(static (l, i) => (Article: l.Article with { Id = i.ToString(CultureInfo.InvariantCulture) }, StoryId: (string?)l.Gold)).ToList();
        var sizes = set.GroupBy(static l => l.Gold, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
        using var warta = LuceneSearchIndex.BuildInMemory(articles, analyzer, SearchAnalysis.Warta);
        using var plain = LuceneSearchIndex.BuildInMemory(articles, analyzer, SearchAnalysis.Plain);
        var wartaScores = new Tally();
        var plainScores = new Tally();
        foreach (var (article, gold) in articles)
        {
            if (sizes[gold!] < 2 || FirstSentenceQuery.For(FirstSentenceQuery.FirstSentence(article), Depth + 1) is not { } query) continue;
            wartaScores.Add(await RankAsync(warta, query, article.Id, cancellationToken).ConfigureAwait(false), gold!);
            plainScores.Add(await RankAsync(plain, query, article.Id, cancellationToken).ConfigureAwait(false), gold!);
        }
        return new RelevanceReport(articles.Count, wartaScores.Count, wartaScores.Score(), plainScores.Score());
    }

    private static async Task<List<string?>> RankAsync(LuceneSearchIndex index, SearchQuery query, string self, CancellationToken cancellationToken)
    {
        var results = await index.SearchArticlesAsync(query, cancellationToken).ConfigureAwait(false);
        return [.. results.Hits.Where(h => h.ArticleId != self).Take(Depth).Select(static h => h.StoryId)];
    }

    private sealed class Tally
    {
        private double _reciprocalRanks;
        private double _precisions;
        private int _firstHits;

        public int Count { get; private set; }

        public void Add(List<string?> ranked, string gold)
        {
            var reciprocal = RankingMetrics.ReciprocalRank(ranked, gold);
            _reciprocalRanks += reciprocal;
            _precisions += RankingMetrics.PrecisionAt(ranked, gold, 10);
            if (reciprocal >= 1) _firstHits++;
            Count++;
        }

        public RelevanceScore Score() => Count == 0
            ? new RelevanceScore(0, 0, 0)
            : new RelevanceScore(_reciprocalRanks / Count, _precisions / Count, (double)_firstHits / Count);
    }
}
