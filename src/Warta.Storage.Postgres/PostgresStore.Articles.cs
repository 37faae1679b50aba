using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string ArticleColumns =
        "id, title, outlet, language, url, source, published_utc_ticks, published_offset_minutes, published_precision, " +
        "authors_json, paragraphs_json, provenance_json, annotations_json";

    private const string ArticleOrder = "ORDER BY published_utc_ticks NULLS LAST, id";

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
        return InTransaction((connection, transaction) =>
        {
            using var changes = new ChangeWriter(connection, transaction);
            var results = InsertArticles(articles, changes, connection, transaction);
            changes.Finish();
            return results;
        });
    }

    private static bool[] InsertArticles(IReadOnlyList<Article> articles, ChangeWriter changes, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var results = new bool[articles.Count];
        if (articles.Count == 0) return results;
        using var insert = Prepared(connection, transaction,
            $"INSERT INTO articles ({ArticleColumns}) VALUES " +
            "(@id, @title, @outlet, @language, @url, @source, @ticks, @offset, @precision, @authors, @paragraphs, @provenance, @annotations) " +
            "ON CONFLICT (id) DO NOTHING",
            ("id", NpgsqlDbType.Text), ("title", NpgsqlDbType.Text), ("outlet", NpgsqlDbType.Text), ("language", NpgsqlDbType.Text),
            ("url", NpgsqlDbType.Text), ("source", NpgsqlDbType.Text), ("ticks", NpgsqlDbType.Bigint), ("offset", NpgsqlDbType.Integer),
            ("precision", NpgsqlDbType.Text), ("authors", NpgsqlDbType.Text), ("paragraphs", NpgsqlDbType.Text), ("provenance", NpgsqlDbType.Text),
            ("annotations", NpgsqlDbType.Text));
        var p = insert.Parameters;
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i] ?? throw new ArgumentException("the batch holds a null article", nameof(articles));
            p[0].Value = article.Id;
            p[1].Value = article.Title;
            p[2].Value = article.Outlet;
            p[3].Value = article.Language;
            p[4].Value = Nullable(article.Url);
            p[5].Value = article.Source;
            p[6].Value = Nullable(article.Published?.Value.UtcTicks);
            p[7].Value = Nullable(article.Published is { } published ? (int)published.Value.TotalOffsetMinutes : null);
            p[8].Value = Nullable(article.Published?.Precision.ToString());
            p[9].Value = StoreJson.Strings(article.Authors);
            p[10].Value = StoreJson.Strings(article.Paragraphs);
            p[11].Value = StoreJson.SortedMap(article.Provenance);
            p[12].Value = StoreJson.Annotations(article.Annotations);
            results[i] = insert.ExecuteNonQuery() == 1;
            if (results[i]) changes.Append(StoreChangeKind.ArticleAdded, article.Id, null, null);
        }
        return results;
    }

    public Article? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Query($"SELECT {ArticleColumns} FROM articles WHERE id = @id", ReadArticle, P("id", id)).FirstOrDefault();
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Run(connection => Scalar<bool>(connection, null, "SELECT EXISTS (SELECT 1 FROM articles WHERE id = @id)", P("id", id)));
    }

    public IReadOnlyList<Article> List() => Query($"SELECT {ArticleColumns} FROM articles {ArticleOrder}", ReadArticle);

    public int Count() => Run(connection => (int)Scalar<long>(connection, null, "SELECT count(*) FROM articles"));

    private static Article ReadArticle(NpgsqlDataReader reader) => ReadArticle(reader, 0);

    /// <summary>A row of <see cref="ArticleColumns"/> from column <paramref name="first"/> on.</summary>
    private static Article ReadArticle(NpgsqlDataReader reader, int first)
    {
        PublicationTime? published = null;
        if (!reader.IsDBNull(first + 6))
        {
            var offset = TimeSpan.FromMinutes(reader.GetInt32(first + 7));
            var instant = new DateTimeOffset(reader.GetInt64(first + 6), TimeSpan.Zero).ToOffset(offset);
            published = new PublicationTime(instant, Enum.Parse<TimePrecision>(reader.GetString(first + 8)));
        }
        return new Article
        {
            Id = reader.GetString(first),
            Title = reader.GetString(first + 1),
            Outlet = reader.GetString(first + 2),
            Language = reader.GetString(first + 3),
            Url = reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
            Source = reader.GetString(first + 5),
            Published = published,
            Authors = Deserialize(reader.GetString(first + 9), StoreJsonContext.Default.ListString),
            Paragraphs = Deserialize(reader.GetString(first + 10), StoreJsonContext.Default.ListString),
            Provenance = Deserialize(reader.GetString(first + 11), StoreJsonContext.Default.SortedDictionaryStringString),
            Annotations = Deserialize(reader.GetString(first + 12), StoreJsonContext.Default.ArticleAnnotations),
        };
    }

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"stored JSON '{json}' reads as null");
}
