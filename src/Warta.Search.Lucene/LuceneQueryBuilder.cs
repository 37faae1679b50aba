using Lucene.Net.Index;
using Lucene.Net.Search;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Search.Lucene;

/// <summary>Turns a parsed <see cref="SearchQuery"/> into Lucene queries, analysing each term the way the articles were analysed.</summary>
/// <remarks>Built from Warta's own query model rather than Lucene's query parser, so the user syntax is parsed once, in Core.</remarks>
internal sealed class LuceneQueryBuilder(ITextAnalyzer analyzer, SearchAnalysis analysis = SearchAnalysis.Warta)
{
    /// <summary>How much more a title match weighs than a body match.</summary>
    public const float TitleBoost = 2.0f;

    /// <summary>The scoring part (terms, after alias expansion) and the filters, which do not score.</summary>
    public (Query Text, Filter? Filter) Build(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The plain baseline knows no aliases: it searches for what was typed.
        if (analysis == SearchAnalysis.Warta) query = EntityAliasExpansion.Expand(query);
        var text = new BooleanQuery();
        var anyRequired = false;
        foreach (var group in query.Required)
        {
            var alternatives = new BooleanQuery();
            foreach (var term in group.Terms)
            {
                if (TermQuery(term) is { } clause) alternatives.Add(clause, Occur.SHOULD);
            }
            // A group of stopwords only (`yang`) asks for nothing, like a search engine ignoring it.
            if (alternatives.Clauses.Count == 0) continue;
            text.Add(alternatives, Occur.MUST);
            anyRequired = true;
        }
        if (!anyRequired)
        {
            // Only filters (and exclusions) were given: every article they let through. Terms that were all stopwords: nothing.
            if (!query.HasNoTerms) return (new BooleanQuery(), null);
            text.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        foreach (var term in query.Excluded)
        {
            if (TermQuery(term) is { } clause) text.Add(clause, Occur.MUST_NOT);
        }
        return (text, BuildFilter(query));
    }

    /// <summary>A word or phrase in every bucket's title and body; null when analysis leaves nothing of it (stopwords).</summary>
    public Query? TermQuery(SearchTerm term)
    {
        var any = new BooleanQuery();
        foreach (var bucket in IndexFields.Buckets)
        {
            var terms = analysis == SearchAnalysis.Warta ? AnalyzedTerms.Of(analyzer, term.Text, bucket) : AnalyzedTerms.Plain(term.Text);
            if (terms.Count == 0) continue;
            any.Add(FieldQuery(IndexFields.Title(bucket), terms, TitleBoost), Occur.SHOULD);
            any.Add(FieldQuery(IndexFields.Body(bucket), terms, 1.0f), Occur.SHOULD);
        }
        return any.Clauses.Count == 0 ? null : any;
    }

    private static Query FieldQuery(string field, List<IndexedTerm> terms, float boost)
    {
        Query query;
        if (terms.Count == 1)
        {
            query = new TermQuery(new Term(field, terms[0].Text));
        }
        else
        {
            // A word the tokenizer splits (`Jong-un`) is a phrase too; stopword gaps keep their positions.
            var phrase = new PhraseQuery();
            var position = -1;
            foreach (var term in terms)
            {
                position += term.PositionIncrement;
                phrase.Add(new Term(field, term.Text), position);
            }
            query = phrase;
        }
        query.Boost = boost;
        return query;
    }

    private static QueryWrapperFilter? BuildFilter(SearchQuery query)
    {
        var filter = new BooleanQuery();
        AddAnyOf(filter, IndexFields.Outlet, query.Outlets);
        AddAnyOf(filter, IndexFields.Language, query.Languages);
        AddAnyOf(filter, IndexFields.Story, query.Stories);
        foreach (var entity in query.Entities) AddAnyOf(filter, IndexFields.Entity, EntityAliasExpansion.EntityIds(entity));
        if (query.Since is not null || query.Until is not null)
        {
            filter.Add(NumericRangeQuery.NewInt32Range(IndexFields.Day, query.Since?.DayNumber, query.Until?.DayNumber, true, true), Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private static void AddAnyOf(BooleanQuery filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        filter.Add(any, Occur.MUST);
    }
}
