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

    /// <summary>How much a match of the word as written weighs beside its stem's match (summed with it).</summary>
    /// <remarks>Measured with <c>warta eval search</c> (k1 1.2): 0.5/1/2/3 gave the hard cases 0.946/0.955/0.963/0.963 MRR, the
    /// Kompas threads 0.945 at each, ECB+ 0.924–0.926; dis-max of the two (tie 0.1/0.5) instead of the sum gained less.</remarks>
    public const float FormBoost = 2.0f;

    /// <summary>How much more a word written with a capital inside the query weighs (a name: <c>Pertamina</c>, <c>Solo</c>).</summary>
    /// <remarks>Measured with <c>warta eval search</c> (with <see cref="FormBoost"/> and k1 1.5): 1.5 took the Kompas threads
    /// from 0.958 to 0.972 MRR, the hard cases from 0.963 to 0.989, ECB+ from 0.925 to 0.927 (README, search relevance).</remarks>
    public const float NameBoost = 1.5f;

    /// <summary>Articles a stem must be in for its word to be searched by its stems only, without the words-as-written
    /// clauses beside them.</summary>
    /// <remarks>The cost of a word is the length of the postings read for it; a word in this many articles has a low
    /// inverse document frequency, so what its written form adds to the score is least worth reading a second pair of long
    /// postings for. An index smaller than this (every relevance set of <c>warta eval search</c>) never drops them.</remarks>
    public const int CommonWordArticles = 10_000;

    /// <summary>Filters kept as cached sets of documents (per segment) before the cache is emptied.</summary>
    private const int CachedFilters = 256;

    // Filter (its query text) → the same filter caching its documents per segment: a filter on an outlet, a language or a
    // story reads that term's postings once per segment instead of once per query.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    /// <summary>The scoring part (terms, after alias expansion) and the filters, which do not score.</summary>
    /// <param name="query">The parsed query.</param>
    /// <param name="buckets">The analysis buckets the searched index holds articles of (<see cref="IndexFields.Buckets"/>
    /// when unknown): a term is analysed and looked up only in those.</param>
    /// <param name="reader">The searched index, to tell common words (<see cref="CommonWordArticles"/>); null: every word
    /// is searched as stems and as written.</param>
    /// <returns>The scoring query, the filter, and whether the query is broad: a word or phrase of it is common
    /// (<see cref="CommonWordArticles"/>), so scoring it reads long postings (known only when <paramref name="reader"/> is given).</returns>
    public (Query Text, Filter? Filter, bool Broad) Build(SearchQuery query, IReadOnlyList<string>? buckets = null, IndexReader? reader = null)
    {
        buckets ??= IndexFields.Buckets;
        ArgumentNullException.ThrowIfNull(query);
        // What was typed is searched as typed; only aliases added to a required word may be left out as redundant (SingleTerms).
        var typed = query.Required.SelectMany(static g => g.Terms).ToHashSet();
        // The plain baseline knows no aliases: it searches for what was typed.
        if (analysis == SearchAnalysis.Warta) query = EntityAliasExpansion.Expand(query);
        var text = new BooleanQuery();
        var anyRequired = false;
        var broad = false;
        foreach (var group in query.Required)
        {
            var alternatives = new BooleanQuery();
            var singles = SingleTerms(group.Terms, buckets, reader);
            foreach (var term in group.Terms)
            {
                if (TermQuery(term, buckets, reader, typed.Contains(term) ? null : singles, out var common) is not { } clause) continue;
                broad |= common;
                if (analysis == SearchAnalysis.Warta && IsName(term, ReferenceEquals(term, query.Required[0].Terms[0]))) clause.Boost = NameBoost;
                alternatives.Add(clause, Occur.SHOULD);
            }
            // A group of stopwords only (`yang`) asks for nothing, like a search engine ignoring it.
            if (alternatives.Clauses.Count == 0) continue;
            text.Add(alternatives, Occur.MUST);
            anyRequired = true;
        }
        if (!anyRequired)
        {
            // Only filters (and exclusions) were given: every article they let through. Terms that were all stopwords: nothing.
            if (!query.HasNoTerms) return (new BooleanQuery(), null, false);
            text.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        foreach (var term in query.Excluded)
        {
            if (TermQuery(term, buckets, null, null, out _) is { } clause) text.Add(clause, Occur.MUST_NOT);
        }
        return (text, CachedFilter(BuildFilter(query)), broad);
    }

    /// <summary>A word with a capital letter that does not open the query: a name, which says more about what is searched for
    /// than the common words around it (the first word of a query is capitalised as a sentence's would be).</summary>
    private static bool IsName(SearchTerm term, bool opensQuery) =>
        !opensQuery && !term.IsPhrase && term.Text.Length > 1 && char.IsUpper(term.Text[0]);

    /// <summary>A word or phrase in every bucket's title and body, as stems and as written (Warta's analysis); null when
    /// analysis leaves nothing of it (stopwords).</summary>
    /// <remarks>The stems decide what matches; the words as written (their own field, with their own statistics) only add
    /// to the score, so an article with the form typed ranks above one sharing only its stem (<c>bersubsidi</c> above
    /// <c>disubsidi</c>), and a rare form weighs as rare as it is. The forms are looked at only in articles the stems
    /// matched (required stems, optional forms: BM25's coordination factor is 1, so the score is the same sum), and a
    /// phrase's forms are its words in any order: those fields keep no positions, the stems' phrase already placed them.
    /// Those fields hold only the words that differ from their stem, so a word typed as its own stem (<c>banjir</c>, a name)
    /// has no form clause: its stems are boosted by the form's weight instead. That scores an article holding only
    /// <c>kebanjiran</c> as one holding <c>banjir</c>; <c>warta eval search</c> moved by at most 0.003 MRR on each set
    /// (ECB+ 0.927 → 0.926, Kompas threads 0.972 both, hard cases 0.989 → 0.992), and leaving such words without the
    /// weight instead lost 0.011 and 0.032.</remarks>
    /// <param name="term">The word or phrase.</param>
    /// <param name="buckets">The analysis buckets searched.</param>
    /// <param name="reader">The searched index, to tell common words; null: none is.</param>
    /// <param name="covered">Per bucket, the one-term alternatives beside this term (<see cref="SingleTerms"/>): a phrase
    /// holding one of them finds nothing that alternative does not, and is left out of that bucket.</param>
    /// <param name="common">Set when the word is common in a bucket's bodies (<see cref="IsCommon"/>).</param>
    public Query? TermQuery(SearchTerm term, IReadOnlyList<string> buckets, IndexReader? reader, IReadOnlyDictionary<string, HashSet<string>>? covered, out bool common)
    {
        common = false;
        var any = new BooleanQuery();
        foreach (var bucket in buckets)
        {
            var terms = analysis == SearchAnalysis.Warta ? AnalyzedTerms.Of(analyzer, term.Text, bucket) : AnalyzedTerms.Plain(term.Text);
            if (terms.Count == 0) continue;
            if (terms.Count > 1 && covered is not null && covered.TryGetValue(bucket, out var singles) && terms.Exists(t => singles.Contains(t.Text))) continue;
            // A one-term word's body postings are looked up once, in every segment, for both the common-word test and the query.
            var body = reader is not null && terms.Count == 1 ? TermContext.Build(reader.Context, new Term(IndexFields.Body(bucket), terms[0].Text)) : null;
            var stems = new BooleanQuery
            {
                { FieldQuery(IndexFields.Title(bucket), terms, TitleBoost), Occur.SHOULD },
                { FieldQuery(IndexFields.Body(bucket), terms, 1.0f, context: body), Occur.SHOULD },
            };
            // The plain baseline has no stems: its one field already holds the words as written.
            if (IsCommon(reader, IndexFields.Body(bucket), terms, body))
            {
                common = true;
                any.Add(stems, Occur.SHOULD);
                continue;
            }
            if (analysis != SearchAnalysis.Warta)
            {
                any.Add(stems, Occur.SHOULD);
                continue;
            }
            // The form fields hold only words that differ from their stem (IndexFields.HasOwnForm): a word typed as its own
            // stem is written as typed wherever its stem is, so its stems weigh what stems and form weighed together.
            var forms = terms.FindAll(IndexFields.HasOwnForm).ConvertAll(static t => t with { Text = t.Form! });
            if (forms.Count == 0)
            {
                stems.Boost = 1 + FormBoost;
                any.Add(stems, Occur.SHOULD);
                continue;
            }
            var written = new BooleanQuery
            {
                { FieldQuery(IndexFields.TitleForms(bucket), forms, TitleBoost, positions: false), Occur.SHOULD },
                { FieldQuery(IndexFields.BodyForms(bucket), forms, 1.0f, positions: false), Occur.SHOULD },
            };
            written.Boost = FormBoost;
            any.Add(new BooleanQuery { { stems, Occur.MUST }, { written, Occur.SHOULD } }, Occur.SHOULD);
        }
        return any.Clauses.Count == 0 ? null : any;
    }

    /// <summary>Per bucket, the terms of the alternatives that analyse to one common term (<see cref="IsCommon"/>): an alias
    /// phrase that holds one (<c>Amerika Serikat</c> beside <c>Amerika</c>, <c>DKI Jakarta</c> beside <c>Jakarta</c>) matches
    /// a subset of what that term matches, and in a large index is a phrase of two common words, the slowest thing a query
    /// of one word could ask for (`amerika` at a million articles). Only common ones: the phrase still adds to the score of
    /// the articles that hold it, which kept one more relevant hit in a top ten of the Kompas threads (P@10 0.906 against
    /// 0.904 with every such phrase left out). Null when there is at most one alternative, no index to tell common words,
    /// or the analysis is the plain baseline's.</summary>
    private Dictionary<string, HashSet<string>>? SingleTerms(IReadOnlyList<SearchTerm> alternatives, IReadOnlyList<string> buckets, IndexReader? reader)
    {
        if (alternatives.Count < 2 || analysis != SearchAnalysis.Warta || reader is null || reader.MaxDoc < CommonWordArticles) return null;
        var singles = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in alternatives)
            {
                var terms = AnalyzedTerms.Of(analyzer, term.Text, bucket);
                if (terms.Count == 1 && IsCommon(reader, IndexFields.Body(bucket), terms, null)) set.Add(terms[0].Text);
            }
            if (set.Count > 0) singles.Add(bucket, set);
        }
        return singles;
    }

    /// <summary>True when every stem of the word is in at least <see cref="CommonWordArticles"/> articles' <paramref name="field"/>.</summary>
    private static bool IsCommon(IndexReader? reader, string field, List<IndexedTerm> terms, TermContext? single)
    {
        if (reader is null || reader.MaxDoc < CommonWordArticles) return false;
        if (single is not null) return single.DocFreq >= CommonWordArticles;
        foreach (var term in terms)
        {
            if (reader.DocFreq(new Term(field, term.Text)) < CommonWordArticles) return false;
        }
        return true;
    }

    private Filter? CachedFilter(QueryWrapperFilter? filter)
    {
        if (filter is null) return null;
        var key = filter.Query.ToString();
        if (_filters.TryGetValue(key, out var cached)) return cached;
        if (_filters.Count >= CachedFilters) _filters.Clear();
        return _filters.GetOrAdd(key, _ => new BitSetCachingFilter(filter));
    }

    /// <summary>A filter cached per segment as a bit set rather than Lucene's default compressed set.</summary>
    /// <remarks>A set that offers random access lets the filtered search hand it to the postings as the accepted documents
    /// (Lucene's random-access filter strategy: the query's own scorer, out of order where it can, skips what the filter
    /// refuses); the compressed set has no random access, so every filtered query was a leap-frog of the filter's iterator
    /// and the query's in-order scorer, advancing both in turn. One bit per document: 125 KB per filter per million.</remarks>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new global::Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    private static Query FieldQuery(string field, List<IndexedTerm> terms, float boost, bool positions = true, TermContext? context = null)
    {
        Query query;
        if (terms.Count == 1)
        {
            query = context is null ? new TermQuery(new Term(field, terms[0].Text)) : new KnownTermQuery(new Term(field, terms[0].Text), context);
        }
        else if (!positions)
        {
            var all = new BooleanQuery();
            foreach (var term in terms) all.Add(new TermQuery(new Term(field, term.Text)), Occur.MUST);
            query = all;
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

    /// <summary>A term query whose term was already looked up in every segment, kept where the scoring can read it again
    /// (<see cref="DisjunctionTop"/>) instead of looking the term up once more.</summary>
    internal sealed class KnownTermQuery(Term term, TermContext context) : TermQuery(term, context)
    {
        public TermContext Context { get; } = context;
    }
}
