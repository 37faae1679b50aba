using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Replaces the one checkpoint row, or deletes it when <paramref name="checkpoint"/> is null; inside the batch's transaction.</summary>
    private void WriteCheckpoint(ClustererCheckpoint? checkpoint, SqliteTransaction transaction)
    {
        if (checkpoint is null)
        {
            using var delete = Command("DELETE FROM clusterer_checkpoint", transaction);
            delete.ExecuteNonQuery();
            return;
        }
        using var upsert = Command(
            "INSERT OR REPLACE INTO clusterer_checkpoint (id, format_version, options_fingerprint, article_count, last_article_id, snapshot) " +
            "VALUES (1, $version, $fingerprint, $count, $last, $snapshot)",
            transaction);
        upsert.Parameters.AddWithValue("$version", checkpoint.FormatVersion);
        upsert.Parameters.AddWithValue("$fingerprint", checkpoint.OptionsFingerprint);
        upsert.Parameters.AddWithValue("$count", checkpoint.ArticleCount);
        upsert.Parameters.AddWithValue("$last", checkpoint.LastArticleId);
        upsert.Parameters.Add("$snapshot", SqliteType.Blob).Value = checkpoint.Snapshot.ToArray();
        upsert.ExecuteNonQuery();
    }

    public ClustererCheckpoint? GetCheckpoint()
    {
        using var command = Command(
            "SELECT format_version, options_fingerprint, article_count, last_article_id, snapshot FROM clusterer_checkpoint WHERE id = 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new ClustererCheckpoint(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), (byte[])reader.GetValue(4));
    }

    public int CountPlaced()
    {
        using var command = Command("SELECT count(*) FROM story_assignments");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<Article> ListUnplaced()
    {
        using var command = Command(
            $"SELECT {ArticleColumns} FROM articles WHERE NOT EXISTS (SELECT 1 FROM story_assignments s WHERE s.article_id = articles.id) {ArticleOrder}");
        using var reader = command.ExecuteReader();
        var articles = new List<Article>();
        while (reader.Read()) articles.Add(ReadArticle(reader));
        return articles;
    }
}
