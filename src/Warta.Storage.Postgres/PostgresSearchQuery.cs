using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Storage.Postgres;

/// <summary>A parsed <see cref="SearchQuery"/> as SQL over <c>search_articles</c>: the condition, the rank expression and
/// their parameters, with each term analysed per bucket the way the articles were (as the Lucene query builder does).</summary>
/// <remarks>
/// An article matches in its own bucket: every required group has a term whose lexemes (or phrase) are in its vector, and
/// no excluded term is; a group that analysis leaves empty in every bucket (stopwords only) asks for nothing, and a query
/// whose groups are all such finds nothing, as in the Lucene index. Rank is <c>ts_rank</c> with title lexemes weighing
/// double: the same hits as Lucene's BM25, not the same order.
/// </remarks>
internal sealed class PostgresSearchQuery
{
    /// <summary><c>ts_rank</c> weights {D, C, B, A}: body lexemes are written D, title lexemes A (a title match weighs double).</summary>
    private const string RankWeights = "'{0.5, 0, 0, 1}'";

    private readonly List<NpgsqlParameter> _parameters = [];

    private PostgresSearchQuery()
    {
    }

    /// <summary>The condition on <c>search_articles</c> (alias-free column names).</summary>
    public string Where { get; private set; } = "false";

    /// <summary>The rank of a matching row (a <c>real</c>).</summary>
    public string Rank { get; private set; } = "0::real";

    /// <summary>Per bucket, the lexemes of the query's terms, which a snippet marks.</summary>
    public Dictionary<string, HashSet<string>> Stems { get; } = new(StringComparer.Ordinal);

    /// <summary>Fresh copies of the parameters, for one command (a parameter belongs to one command).</summary>
    public NpgsqlParameter[] Parameters() => [.. _parameters.Select(static p => p.Clone())];

    public static PostgresSearchQuery Build(SearchQuery query, ITextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(query);
        query = EntityAliasExpansion.Expand(query);
        var built = new PostgresSearchQuery();
        var filters = built.Filters(query);
        var buckets = new List<string>();
        var ranks = new List<string>();
        var anyRequired = false;
        // Per bucket: the groups' tsquery texts (null: some group has nothing in this bucket, so no article of it matches).
        var required = IndexTerms.Buckets.ToDictionary(static b => b, static _ => (List<string>?)[], StringComparer.Ordinal);
        foreach (var group in query.Required)
        {
            var perBucket = IndexTerms.Buckets.ToDictionary(b => b, b => Alternatives(analyzer, group.Terms, b, built.StemsOf(b)), StringComparer.Ordinal);
            if (perBucket.Values.All(static q => q is null)) continue;
            anyRequired = true;
            foreach (var (bucket, alternatives) in perBucket)
            {
                if (alternatives is null) required[bucket] = null;
                else required[bucket]?.Add(alternatives);
            }
        }
        if (!anyRequired && !query.HasNoTerms) return built;
        foreach (var bucket in IndexTerms.Buckets)
        {
            if (required[bucket] is not { } groups) continue;
            var condition = new StringBuilder("bucket = ").Append(built.Bind(bucket));
            if (groups.Count > 0)
            {
                var tsquery = built.Bind(string.Join(" & ", groups.Select(static g => "(" + g + ")")));
                condition.Append(" AND terms @@ ").Append(tsquery).Append("::tsquery");
                ranks.Add($"WHEN bucket = {built.Bind(bucket)} THEN ts_rank({RankWeights}, terms, {tsquery}::tsquery)");
            }
            if (Alternatives(analyzer, query.Excluded, bucket, null) is { } excluded)
            {
                condition.Append(" AND NOT terms @@ ").Append(built.Bind(excluded)).Append("::tsquery");
            }
            buckets.Add("(" + condition + ")");
        }
        if (buckets.Count == 0) return built;
        built.Where = string.Join(" AND ", [(buckets.Count == 1 ? buckets[0] : "(" + string.Join(" OR ", buckets) + ")"), .. filters]);
        built.Rank = ranks.Count == 0 ? "0::real" : "CASE " + string.Join(" ", ranks) + " ELSE 0::real END";
        return built;
    }

    /// <summary>The tsquery text matching any of <paramref name="terms"/> in <paramref name="bucket"/>; null when none analyses to anything there.</summary>
    private static string? Alternatives(ITextAnalyzer analyzer, IEnumerable<SearchTerm> terms, string bucket, ISet<string>? stems)
    {
        var queries = terms.Select(t => SearchVectors.QueryOf(analyzer, t.Text, bucket, stems)).OfType<string>().ToList();
        return queries.Count == 0 ? null : string.Join(" | ", queries);
    }

    private HashSet<string> StemsOf(string bucket)
    {
        if (!Stems.TryGetValue(bucket, out var stems)) Stems[bucket] = stems = new HashSet<string>(StringComparer.Ordinal);
        return stems;
    }

    private List<string> Filters(SearchQuery query)
    {
        var filters = new List<string>();
        if (query.Outlets.Count > 0) filters.Add($"outlet = ANY({Bind(query.Outlets)})");
        if (query.Languages.Count > 0) filters.Add($"language = ANY({Bind(query.Languages)})");
        if (query.Stories.Count > 0) filters.Add($"story_id = ANY({Bind(query.Stories)})");
        foreach (var entity in query.Entities) filters.Add($"entities && {Bind(EntityAliasExpansion.EntityIds(entity))}");
        if (query.Since is { } since) filters.Add($"day >= {Bind(since.DayNumber)}");
        if (query.Until is { } until) filters.Add($"day <= {Bind(until.DayNumber)}");
        return filters;
    }

    private string Bind(string value) => Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = value });

    private string Bind(int value) => Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = value });

    private string Bind(IEnumerable<string> values) => Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() });

    private string Add(NpgsqlParameter parameter)
    {
        parameter.ParameterName = "q" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(parameter);
        return "@" + parameter.ParameterName;
    }
}
