using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore : IStoryCorrectionStore
{
    private const string CorrectionColumns = "seq, kind, story_id, target_story_id, article_ids_json, by_name, at_utc_ticks, at_offset_minutes";

    public Task<IReadOnlyList<PlacedArticle>> GetPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        if (ids.Count == 0) return Task.FromResult<IReadOnlyList<PlacedArticle>>([]);
        using var command = Command(
            $"SELECT {ArticleColumns}, s.placed_seq, s.story_id, s.copy_of_article_id, s.similarity " +
            "FROM story_assignments s JOIN articles ON articles.id = s.article_id WHERE s.article_id IN (SELECT value FROM json_each($ids)) ORDER BY s.placed_seq");
        command.Parameters.AddWithValue("$ids", StoreJson.Strings([.. ids]));
        return Task.FromResult(Guard<IReadOnlyList<PlacedArticle>>(() =>
        {
            using var reader = command.ExecuteReader();
            var placed = new List<PlacedArticle>();
            while (reader.Read()) placed.Add(ReadPlaced(reader));
            return placed;
        }));
    }

    /// <remarks>
    /// A merge adds a merge record (with no deciding article) so that reads fold the merged story as they fold the
    /// clusterer's, and a <see cref="StoreChangeKind.StoriesMerged"/> change; a split or a move reassigns the articles (the
    /// story they were placed in is kept for a replay) with an <see cref="StoreChangeKind.ArticlePlaced"/> change each. Then
    /// the <see cref="StoreChangeKind.StoryCorrected"/> change, whose number is the correction's. A split's new story is
    /// made with the earliest split article's title as its headline.
    /// </remarks>
    public Task<StoryCorrection> ApplyCorrectionAsync(
        StoryCorrection correction, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(stories);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            var changes = new ChangeWriter(this, transaction);
            string? leavingHeadline = null;
            if (correction.Kind == StoryCorrectionKind.Merge)
            {
                using var merge = Command(
                    "INSERT INTO story_merges (from_story_id, into_story_id, article_id, similarity) VALUES ($from, $into, '', 1.0)", transaction);
                merge.Parameters.AddWithValue("$from", correction.StoryId);
                merge.Parameters.AddWithValue("$into", correction.TargetStoryId);
                merge.ExecuteNonQuery();
                changes.Append(StoreChangeKind.StoriesMerged, "", correction.TargetStoryId, correction.StoryId);
            }
            else
            {
                if (correction.Kind == StoryCorrectionKind.Split)
                {
                    using var create = Command(
                        $"INSERT INTO stories ({StoryColumns}, updated_seq) VALUES ($id, '', 0, '[]', NULL, NULL, NULL, NULL, 0)", transaction);
                    create.Parameters.AddWithValue("$id", correction.TargetStoryId);
                    create.ExecuteNonQuery();
                }
                leavingHeadline = HeadlineLeaving(correction, transaction);
                using var move = Command(
                    "UPDATE story_assignments SET placed_story_id = coalesce(placed_story_id, story_id), story_id = $target WHERE article_id = $article",
                    transaction);
                var article = move.Parameters.Add("$article", SqliteType.Text);
                move.Parameters.AddWithValue("$target", correction.TargetStoryId);
                foreach (var id in correction.ArticleIds)
                {
                    article.Value = id;
                    if (move.ExecuteNonQuery() != 1) throw new InvalidOperationException($"article {id} is not placed");
                    changes.Append(StoreChangeKind.ArticlePlaced, id, correction.TargetStoryId, null);
                }
            }
            var sequence = changes.Append(
                StoreChangeKind.StoryCorrected, correction.Kind == StoryCorrectionKind.Move ? correction.ArticleIds[0] : "", correction.TargetStoryId, correction.StoryId);
            using (var insert = Command(
                $"INSERT INTO story_corrections ({CorrectionColumns}) VALUES ($seq, $kind, $story, $target, $articles, $by, $ticks, $offset)", transaction))
            {
                insert.Parameters.AddWithValue("$seq", sequence);
                insert.Parameters.AddWithValue("$kind", (int)correction.Kind);
                insert.Parameters.AddWithValue("$story", correction.StoryId);
                insert.Parameters.AddWithValue("$target", correction.TargetStoryId);
                insert.Parameters.AddWithValue("$articles", StoreJson.Strings(correction.ArticleIds));
                insert.Parameters.AddWithValue("$by", correction.By);
                insert.Parameters.AddWithValue("$ticks", correction.At.UtcTicks);
                insert.Parameters.AddWithValue("$offset", (int)correction.At.Offset.TotalMinutes);
                insert.ExecuteNonQuery();
            }
            long updated;
            using (var next = Command("SELECT coalesce(max(updated_seq), 0) + 1 FROM stories", transaction))
            {
                updated = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            var given = stories.Select(static s => s.Id).ToHashSet(StringComparer.Ordinal);
            // A merge leaves the merged story's row as it was (reads fold it); the stories that gained or lost articles are made again.
            if (correction.Kind != StoryCorrectionKind.Merge && !given.Contains(correction.StoryId)) RecomputeStory(correction.StoryId, leavingHeadline, updated, transaction);
            if (!given.Contains(correction.TargetStoryId)) RecomputeStory(correction.TargetStoryId, correction.Kind == StoryCorrectionKind.Split ? "" : null, updated, transaction);
            if (stories.Count > 0) WriteStories([], stories, [], changes, transaction);
            changes.Flush();
            if (checkpoint is not null) WriteCheckpoint(checkpoint, sequence, transaction);
            transaction.Commit();
            return correction with { Sequence = sequence };
        }));
    }

    /// <summary>The headline of the story the articles leave, when one of them has it as its title (so it must change); otherwise null.</summary>
    private string? HeadlineLeaving(StoryCorrection correction, SqliteTransaction transaction)
    {
        using var command = Command(
            "SELECT st.headline FROM stories st WHERE st.id = $story AND EXISTS " +
            "(SELECT 1 FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids)) AND a.title = st.headline)",
            transaction);
        command.Parameters.AddWithValue("$story", correction.StoryId);
        command.Parameters.AddWithValue("$ids", StoreJson.Strings(correction.ArticleIds));
        return command.ExecuteScalar() as string;
    }

    public Task<IReadOnlyList<StoryCorrection>> ListCorrectionsSinceAsync(long sequence, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command($"SELECT {CorrectionColumns} FROM story_corrections WHERE seq > $seq ORDER BY seq");
        command.Parameters.AddWithValue("$seq", sequence);
        return Task.FromResult(Guard<IReadOnlyList<StoryCorrection>>(() => ReadCorrections(command)));
    }

    /// <remarks>A store opened for reading at a schema step before corrections has none.</remarks>
    public Task<IReadOnlyList<StoryCorrection>> ListCorrectionsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard<IReadOnlyList<StoryCorrection>>(() =>
        {
            // A store read as it is, at a step before corrections, has none.
            using (var exists = Command("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'story_corrections'"))
            {
                if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return [];
            }
            using var command = Command($"SELECT {CorrectionColumns} FROM story_corrections WHERE story_id = $story OR target_story_id = $story ORDER BY seq");
            command.Parameters.AddWithValue("$story", storyId);
            return ReadCorrections(command);
        }));
    }

    public Task<IReadOnlyList<SequencedMerge>> ListOrphanMergesSinceAsync(long sequence, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command(
            "SELECT c.seq, c.from_story_id, c.story_id, c.article_id FROM changes c WHERE c.kind = $kind AND c.seq > $seq AND c.article_id <> '' " +
            "AND c.from_story_id IS NOT NULL AND c.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM story_assignments s WHERE s.article_id = c.article_id) ORDER BY c.seq");
        command.Parameters.AddWithValue("$kind", (int)StoreChangeKind.StoriesMerged);
        command.Parameters.AddWithValue("$seq", sequence);
        return Task.FromResult(Guard<IReadOnlyList<SequencedMerge>>(() =>
        {
            using var reader = command.ExecuteReader();
            var merges = new List<SequencedMerge>();
            while (reader.Read())
            {
                merges.Add(new SequencedMerge(reader.GetInt64(0), new StoryMerge(reader.GetString(1), reader.GetString(2), reader.GetString(3), 0)));
            }
            return merges;
        }));
    }

    private static List<StoryCorrection> ReadCorrections(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var corrections = new List<StoryCorrection>();
        while (reader.Read())
        {
            var at = new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt32(7)));
            corrections.Add(new StoryCorrection(
                reader.GetInt64(0), (StoryCorrectionKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                Deserialize(reader.GetString(4), StoreJsonContext.Default.ListString), reader.GetString(5), at));
        }
        return corrections;
    }
}
