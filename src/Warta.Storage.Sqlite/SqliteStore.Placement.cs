using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore : IPlacementStore
{
    /// <summary>Articles, stories, placements, merges and the checkpoint in one transaction, each change numbered in the batch's order.</summary>
    /// <remarks>Every story saved in one batch gets the same, next update sequence number; listing sorts by it.</remarks>
    public Task<long> CommitAsync(PlacementBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            var changes = new ChangeWriter(this, transaction);
            InsertArticles(batch.Articles, changes, transaction);
            WriteStories(batch.Assignments, batch.Stories, batch.Merges, changes, transaction);
            WriteSupersessions(batch.Supersessions, changes, transaction);
            WriteOutletPairings(batch.OutletPairings, transaction);
            changes.Flush();
            var last = changes.Last == 0 ? LatestSequence(transaction) : changes.Last;
            if (batch.Checkpoint is { } checkpoint) WriteCheckpoint(checkpoint, last, transaction);
            transaction.Commit();
            return last;
        }));
    }

    public Task<IReadOnlySet<string>> FindPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0) return Task.FromResult<IReadOnlySet<string>>(found);
        // One statement for the whole list: the ids travel as one JSON array parameter.
        using var command = Command("SELECT article_id FROM story_assignments WHERE article_id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", StoreJson.Strings([.. ids]));
        return Task.FromResult(Guard<IReadOnlySet<string>>(() =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) found.Add(reader.GetString(0));
            return found;
        }));
    }

    /// <remarks>Each comes with the story it was placed in then (before an editor moved it) and the merges its arrival decided, so a replay follows the store.</remarks>
    public Task<IReadOnlyList<PlacedArticle>> ListPlacedSinceAsync(long sequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command(
            $"SELECT {ArticleColumns}, s.placed_seq, coalesce(s.placed_story_id, s.story_id), s.copy_of_article_id, s.similarity " +
            "FROM story_assignments s JOIN articles ON articles.id = s.article_id WHERE s.placed_seq > $seq ORDER BY s.placed_seq LIMIT $limit");
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$limit", limit);
        return Task.FromResult(Guard<IReadOnlyList<PlacedArticle>>(() =>
        {
            var placed = new List<PlacedArticle>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read()) placed.Add(ReadPlaced(reader));
            }
            var merges = MergesDecidedBy(placed.Select(static p => p.Article.Id).ToList());
            return placed.ConvertAll(p => merges.TryGetValue(p.Article.Id, out var decided) ? p with { Merges = decided } : p);
        }));
    }

    /// <summary>A row of <see cref="ArticleColumns"/> followed by placed_seq, story id, copy of and similarity.</summary>
    private static PlacedArticle ReadPlaced(SqliteDataReader reader)
    {
        var article = ReadArticle(reader);
        var assignment = new StoryAssignment(article.Id, reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15), reader.GetDouble(16));
        return new PlacedArticle(reader.GetInt64(13), article, assignment, []);
    }

    /// <summary>The merges each of <paramref name="articleIds"/> decided on arrival, in order.</summary>
    private Dictionary<string, List<StoryMerge>> MergesDecidedBy(List<string> articleIds)
    {
        var merges = new Dictionary<string, List<StoryMerge>>(StringComparer.Ordinal);
        if (articleIds.Count == 0) return merges;
        using var command = Command(
            "SELECT from_story_id, into_story_id, article_id, similarity FROM story_merges WHERE article_id IN (SELECT value FROM json_each($ids)) ORDER BY seq");
        command.Parameters.AddWithValue("$ids", StoreJson.Strings([.. articleIds]));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var merge = new StoryMerge(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));
            if (!merges.TryGetValue(merge.ArticleId, out var list)) merges.Add(merge.ArticleId, list = []);
            list.Add(merge);
        }
        return merges;
    }

    public Task<int> CountPlacedUpToAsync(long sequence, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command("SELECT count(*) FROM story_assignments WHERE placed_seq <= $seq");
        command.Parameters.AddWithValue("$seq", sequence);
        return Task.FromResult(Guard(() => Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture)));
    }
}
