using System.Text.Json;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

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
        if (articles.Count == 0) return [];
        return Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            var changes = new ChangeWriter(this, transaction);
            var results = InsertArticles(articles, changes, transaction);
            changes.Flush();
            transaction.Commit();
            return results;
        });
    }

    private bool[] InsertArticles(IReadOnlyList<Article> articles, ChangeWriter changes, SqliteTransaction transaction)
    {
        var results = new bool[articles.Count];
        if (articles.Count == 0) return results;
        // Bound by position (see PositionalStatement), inside the caller's transaction on this connection.
        using var insert = new PositionalStatement(transaction.Connection ?? _connection,
            $"INSERT INTO articles ({ArticleColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (id) DO NOTHING");
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i] ?? throw new ArgumentException("the batch holds a null article", nameof(articles));
            insert.Bind(1, article.Id);
            insert.Bind(2, article.Title);
            insert.Bind(3, article.Outlet);
            insert.Bind(4, article.Language);
            insert.Bind(5, article.Url);
            insert.Bind(6, article.Source);
            insert.Bind(7, article.Published?.Value.UtcTicks);
            insert.Bind(8, article.Published?.Value.TotalOffsetMinutes);
            insert.Bind(9, article.Published?.Precision.ToString());
            insert.Bind(10, StoreJson.Strings(article.Authors));
            insert.Bind(11, StoreJson.Strings(article.Paragraphs));
            insert.Bind(12, StoreJson.SortedMap(article.Provenance));
            insert.Bind(13, StoreJson.Annotations(article.Annotations));
            results[i] = insert.Execute() == 1;
            if (results[i]) changes.Append(StoreChangeKind.ArticleAdded, article.Id, null, null);
        }
        return results;
    }

    public Article? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Guard(() =>
        {
            using var command = Command($"SELECT {ArticleColumns} FROM articles WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadArticle(reader) : null;
        });
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Guard(() =>
        {
            using var command = Command("SELECT EXISTS (SELECT 1 FROM articles WHERE id = $id)");
            command.Parameters.AddWithValue("$id", id);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        });
    }

    public IReadOnlyList<Article> List()
    {
        return Guard(() =>
        {
            using var command = Command($"SELECT {ArticleColumns} FROM articles {ArticleOrder}");
            using var reader = command.ExecuteReader();
            var articles = new List<Article>();
            while (reader.Read()) articles.Add(ReadArticle(reader));
            return articles;
        });
    }

    public int Count()
    {
        return Guard(() =>
        {
            using var command = Command("SELECT count(*) FROM articles");
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Ids that start with <paramref name="prefix"/> (ordinal), sorted, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> IdsStartingWith(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Guard(() =>
        {
            // "id >= $prefix" lets the primary key index start the scan at the prefix (substr alone read every id).
            using var command = Command("SELECT id FROM articles WHERE id >= $prefix AND substr(id, 1, length($prefix)) = $prefix ORDER BY id LIMIT $limit");
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read()) ids.Add(reader.GetString(0));
            return ids;
        });
    }

    private static Article ReadArticle(SqliteDataReader reader)
    {
        var published = ReadPublished(reader);
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

    /// <summary>The columns of <see cref="ArticleColumns"/> but the body and provenance, in the same order.</summary>
    private const string ArticleHeadColumns =
        "id, title, outlet, language, url, source, published_utc_ticks, published_offset_minutes, published_precision, " +
        "authors_json, annotations_json";

    /// <summary>An article read from <see cref="ArticleHeadColumns"/>: no paragraphs, no provenance.</summary>
    private static Article ReadArticleHead(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Title = reader.GetString(1),
        Outlet = reader.GetString(2),
        Language = reader.GetString(3),
        Url = reader.IsDBNull(4) ? null : reader.GetString(4),
        Source = reader.GetString(5),
        Published = ReadPublished(reader),
        Authors = Deserialize(reader.GetString(9), StoreJsonContext.Default.ListString),
        Paragraphs = [],
        Annotations = Deserialize(reader.GetString(10), StoreJsonContext.Default.ArticleAnnotations),
    };

    private static PublicationTime? ReadPublished(SqliteDataReader reader)
    {
        if (reader.IsDBNull(6)) return null;
        var offset = TimeSpan.FromMinutes(reader.GetInt64(7));
        var instant = new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero).ToOffset(offset);
        return new PublicationTime(instant, Enum.Parse<TimePrecision>(reader.GetString(8)));
    }

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"stored JSON '{json}' reads as null");
}
