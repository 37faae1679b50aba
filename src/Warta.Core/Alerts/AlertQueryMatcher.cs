using Warta.Core.Model;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Core.Alerts;

/// <summary>Decides whether one article matches a search query, the way the search index would find it, without an index.</summary>
/// <remarks>
/// Mirrors the Lucene index's analysis (Warta.Search.Lucene): title and body are analysed as the article's language
/// (<c>id</c>, <c>en</c>, anything else normalised only), stems of words are the terms, stopwords are left out but keep
/// their positions so phrases keep their gaps, and a query term is analysed the same way. Every required group must have
/// a term in the title or the body, no excluded term may be in either, and the filters (<c>outlet:</c>, <c>lang:</c>,
/// <c>since:</c>, <c>until:</c>, <c>entity:</c>, <c>story:</c>) apply as in search; entity names are expanded with their
/// aliases. An alert looks at a handful of new articles per commit, so analysing each one here costs less than asking the index.
/// </remarks>
public sealed class AlertQueryMatcher(ITextAnalyzer analyzer)
{
    /// <summary>Whether <paramref name="article"/>, placed in <paramref name="storyId"/> (null: not placed), matches <paramref name="query"/>.</summary>
    public bool Matches(SearchQuery query, Article article, string? storyId)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(article);
        if (!PassesFilters(query, article, storyId)) return false;
        var language = AnalysisLanguage(article.Language);
        var fields = new[] { Terms(article.Title, language), Terms(article.Body, language) };
        query = EntityAliasExpansion.Expand(query);
        var anyRequired = false;
        foreach (var group in query.Required)
        {
            var phrases = group.Terms.Select(t => Terms(t.Text, language)).Where(static p => p.Count > 0).ToList();
            // A group of stopwords only asks for nothing, as in search.
            if (phrases.Count == 0) continue;
            anyRequired = true;
            if (!phrases.Any(p => fields.Any(f => f.Contains(p)))) return false;
        }
        // Terms that were all stopwords find nothing; only filters (and exclusions) find what they let through.
        if (!anyRequired && !query.HasNoTerms) return false;
        foreach (var term in query.Excluded)
        {
            var phrase = Terms(term.Text, language);
            if (phrase.Count > 0 && fields.Any(f => f.Contains(phrase))) return false;
        }
        return true;
    }

    private static bool PassesFilters(SearchQuery query, Article article, string? storyId)
    {
        if (query.Outlets.Count > 0 && !query.Outlets.Contains(article.Outlet, StringComparer.Ordinal)) return false;
        if (query.Languages.Count > 0 && !query.Languages.Contains(article.Language, StringComparer.Ordinal)) return false;
        if (query.Since is not null || query.Until is not null)
        {
            if (article.Published is not { } published) return false;
            // The article's own date, at its outlet's offset, as the index keeps it.
            var day = DateOnly.FromDateTime(published.Value.DateTime);
            if (day < query.Since || day > query.Until) return false;
        }
        if (query.Stories.Count > 0 && (storyId is null || !query.Stories.Contains(storyId, StringComparer.Ordinal))) return false;
        foreach (var entity in query.Entities)
        {
            var ids = EntityAliasExpansion.EntityIds(entity);
            if (!article.Annotations.Entities.Any(m => ids.Contains(m.EntityId, StringComparer.Ordinal))) return false;
        }
        return true;
    }

    private static string AnalysisLanguage(string language) => language is "id" or "en" ? language : "und";

    private FieldTerms Terms(string text, string language)
    {
        var analyzed = analyzer.Analyze(Tokenizer.Tokenize(text), language);
        var terms = new FieldTerms();
        var position = -1;
        foreach (var token in analyzed.Tokens)
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            position++;
            if (token.IsStopword || token.Stem.Length == 0) continue;
            terms.Add(token.Stem, position);
        }
        return terms;
    }

    /// <summary>A field's terms with their positions (stopwords counted, not kept).</summary>
    private sealed class FieldTerms
    {
        private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);
        private readonly List<(string Term, int Position)> _sequence = [];

        public int Count => _sequence.Count;

        public void Add(string term, int position)
        {
            if (!_positions.TryGetValue(term, out var list)) _positions[term] = list = [];
            list.Add(position);
            _sequence.Add((term, position));
        }

        /// <summary>Whether <paramref name="phrase"/>'s terms stand here in order with the same gaps.</summary>
        public bool Contains(FieldTerms phrase)
        {
            var (first, origin) = phrase._sequence[0];
            if (!_positions.TryGetValue(first, out var starts)) return false;
            foreach (var start in starts)
            {
                var all = true;
                for (var i = 1; i < phrase._sequence.Count && all; i++)
                {
                    var (term, position) = phrase._sequence[i];
                    all = _positions.TryGetValue(term, out var at) && at.Contains(start + position - origin);
                }
                if (all) return true;
            }
            return false;
        }
    }
}
