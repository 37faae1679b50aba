using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Replaces the one checkpoint row inside the batch's transaction; it reflects the changes up to <paramref name="sequence"/>.</summary>
    private void WriteCheckpoint(ClustererCheckpoint checkpoint, long sequence, SqliteTransaction transaction)
    {
        using var upsert = Command(
            "INSERT OR REPLACE INTO clusterer_checkpoint (id, format_version, options_fingerprint, article_count, last_article_id, snapshot, change_seq) " +
            "VALUES (1, $version, $fingerprint, $count, $last, $snapshot, $seq)",
            transaction);
        upsert.Parameters.AddWithValue("$version", checkpoint.FormatVersion);
        upsert.Parameters.AddWithValue("$fingerprint", checkpoint.OptionsFingerprint);
        upsert.Parameters.AddWithValue("$count", checkpoint.ArticleCount);
        upsert.Parameters.AddWithValue("$last", checkpoint.LastArticleId);
        upsert.Parameters.Add("$snapshot", SqliteType.Blob).Value = WholeArray(checkpoint.Snapshot);
        upsert.Parameters.AddWithValue("$seq", sequence);
        upsert.ExecuteNonQuery();
    }

    /// <summary>The bytes as an array, without a copy when they already are one whole (a snapshot of 85 MB was copied once more here).</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : bytes.ToArray();

    public Task<ClustererCheckpoint?> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(GetCheckpoint));
    }

    public ClustererCheckpoint? GetCheckpoint()
    {
        using var command = Command(
            "SELECT format_version, options_fingerprint, article_count, last_article_id, snapshot, change_seq FROM clusterer_checkpoint WHERE id = 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new ClustererCheckpoint(
            reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), (byte[])reader.GetValue(4), reader.GetInt64(5));
    }

    public int CountPlaced()
    {
        return Guard(() =>
        {
            using var command = Command("SELECT count(*) FROM story_assignments");
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
    }

    public IReadOnlyList<Article> ListUnplaced()
    {
        return Guard(() =>
        {
            using var command = Command(
                $"SELECT {ArticleColumns} FROM articles WHERE NOT EXISTS (SELECT 1 FROM story_assignments s WHERE s.article_id = articles.id) {ArticleOrder}");
            using var reader = command.ExecuteReader();
            var articles = new List<Article>();
            while (reader.Read()) articles.Add(ReadArticle(reader));
            return articles;
        });
    }
}
