using System.Text.Json;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string ArticleColumns =
        "id, title, outlet, language, url, source, published_utc_ticks, published_offset_minutes, published_precision, " +
        "authors_json, paragraphs_json, provenance_json, annotations_json";

    private const string ArticleOrder = "ORDER BY published_utc_ticks IS NULL, published_utc_ticks, id";

    public bool TryAdd(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return TryAddRange([article])[0];
    }

    /// <summary>Stores the articles in one transaction: either all new ones are stored or, on failure, none.</summary>
    public IReadOnlyList<bool> TryAddRange(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var results = new bool[articles.Count];
        if (articles.Count == 0) return results;
        using var transaction = _connection.BeginTransaction();
        using var insert = Command(
            $"INSERT INTO articles ({ArticleColumns}) VALUES " +
            "($id, $title, $outlet, $language, $url, $source, $ticks, $offset, $precision, $authors, $paragraphs, $provenance, $annotations) " +
            "ON CONFLICT (id) DO NOTHING",
            transaction);
        foreach (var name in new[] { "$id", "$title", "$outlet", "$language", "$url", "$source", "$ticks", "$offset", "$precision", "$authors", "$paragraphs", "$provenance", "$annotations" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        insert.Prepare();
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i] ?? throw new ArgumentException("the batch holds a null article", nameof(articles));
            var p = insert.Parameters;
            p["$id"].Value = article.Id;
            p["$title"].Value = article.Title;
            p["$outlet"].Value = article.Outlet;
            p["$language"].Value = article.Language;
            p["$url"].Value = (object?)article.Url ?? DBNull.Value;
            p["$source"].Value = article.Source;
            p["$ticks"].Value = (object?)article.Published?.Value.UtcTicks ?? DBNull.Value;
            p["$offset"].Value = (object?)article.Published?.Value.TotalOffsetMinutes ?? DBNull.Value;
            p["$precision"].Value = (object?)article.Published?.Precision.ToString() ?? DBNull.Value;
            p["$authors"].Value = JsonSerializer.Serialize(article.Authors.ToList(), StoreJsonContext.Default.ListString);
            p["$paragraphs"].Value = JsonSerializer.Serialize(article.Paragraphs.ToList(), StoreJsonContext.Default.ListString);
            p["$provenance"].Value = JsonSerializer.Serialize(
                new SortedDictionary<string, string>(article.Provenance.ToDictionary(), StringComparer.Ordinal),
                StoreJsonContext.Default.SortedDictionaryStringString);
            p["$annotations"].Value = JsonSerializer.Serialize(article.Annotations, StoreJsonContext.Default.ArticleAnnotations);
            results[i] = insert.ExecuteNonQuery() == 1;
        }
        transaction.Commit();
        return results;
    }

    public Article? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var command = Command($"SELECT {ArticleColumns} FROM articles WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadArticle(reader) : null;
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var command = Command("SELECT EXISTS (SELECT 1 FROM articles WHERE id = $id)");
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    public IReadOnlyList<Article> List()
    {
        using var command = Command($"SELECT {ArticleColumns} FROM articles {ArticleOrder}");
        using var reader = command.ExecuteReader();
        var articles = new List<Article>();
        while (reader.Read()) articles.Add(ReadArticle(reader));
        return articles;
    }

    public int Count()
    {
        using var command = Command("SELECT count(*) FROM articles");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Ids that start with <paramref name="prefix"/> (ordinal), sorted, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> IdsStartingWith(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        using var command = Command("SELECT id FROM articles WHERE substr(id, 1, length($prefix)) = $prefix ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static Article ReadArticle(SqliteDataReader reader)
    {
        PublicationTime? published = null;
        if (!reader.IsDBNull(6))
        {
            var offset = TimeSpan.FromMinutes(reader.GetInt64(7));
            var instant = new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero).ToOffset(offset);
            published = new PublicationTime(instant, Enum.Parse<TimePrecision>(reader.GetString(8)));
        }
        return new Article
        {
            Id = reader.GetString(0),
            Title = reader.GetString(1),
            Outlet = reader.GetString(2),
            Language = reader.GetString(3),
            Url = reader.IsDBNull(4) ? null : reader.GetString(4),
            Source = reader.GetString(5),
            Published = published,
            Authors = Deserialize(reader.GetString(9), StoreJsonContext.Default.ListString),
            Paragraphs = Deserialize(reader.GetString(10), StoreJsonContext.Default.ListString),
            Provenance = Deserialize(reader.GetString(11), StoreJsonContext.Default.SortedDictionaryStringString),
            Annotations = Deserialize(reader.GetString(12), StoreJsonContext.Default.ArticleAnnotations),
        };
    }

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"stored JSON '{json}' reads as null");
}
