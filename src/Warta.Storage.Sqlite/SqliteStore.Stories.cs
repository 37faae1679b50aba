using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string StoryColumns =
        "id, headline, article_count, outlets_json, first_published_utc_ticks, first_published_offset_minutes, " +
        "last_published_utc_ticks, last_published_offset_minutes";

    /// <summary>As <see cref="StoryColumns"/>, with the article count of the story's articles, not its revisions: the clusterer counts every placement, earlier revisions of a followed page included (<c>superseded_count</c>).</summary>
    private const string StoryReadColumns =
        "id, headline, article_count - superseded_count, outlets_json, first_published_utc_ticks, first_published_offset_minutes, " +
        "last_published_utc_ticks, last_published_offset_minutes";

    private void WriteStories(
        IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges, ChangeWriter changes, SqliteTransaction transaction)
    {
        long sequence;
        using (var next = Command("SELECT coalesce(max(updated_seq), 0) + 1 FROM stories", transaction))
        {
            sequence = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // One prepared statement per kind, rebound per row: preparing a statement for every row cost more than the
        // rows' writes (a third of the uci-news stream benchmark's time).
        if (stories.Count > 0)
        {
            using var upsert = Prepared(
                $"INSERT INTO stories ({StoryColumns}, updated_seq) VALUES ($id, $headline, $count, $outlets, $firstTicks, $firstOffset, $lastTicks, $lastOffset, $seq) " +
                "ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, article_count = excluded.article_count, outlets_json = excluded.outlets_json, " +
                "first_published_utc_ticks = excluded.first_published_utc_ticks, first_published_offset_minutes = excluded.first_published_offset_minutes, " +
                "last_published_utc_ticks = excluded.last_published_utc_ticks, last_published_offset_minutes = excluded.last_published_offset_minutes, " +
                "updated_seq = excluded.updated_seq",
                transaction, out var p);
            foreach (var story in stories)
            {
                p[0].Value = story.Id;
                p[1].Value = story.Headline;
                p[2].Value = story.ArticleCount;
                p[3].Value = StoreJson.Strings(story.Outlets);
                p[4].Value = (object?)story.FirstPublished?.UtcTicks ?? DBNull.Value;
                p[5].Value = (object?)story.FirstPublished?.TotalOffsetMinutes ?? DBNull.Value;
                p[6].Value = (object?)story.LastPublished?.UtcTicks ?? DBNull.Value;
                p[7].Value = (object?)story.LastPublished?.TotalOffsetMinutes ?? DBNull.Value;
                p[8].Value = sequence;
                upsert.ExecuteNonQuery();
            }
        }
        if (assignments.Count > 0)
        {
            // Placements never move: a plain insert, so a second writer's placement of the same article fails the batch
            // instead of silently replacing the first.
            using var insert = Prepared(
                "INSERT INTO story_assignments (article_id, story_id, copy_of_article_id, similarity, placed_seq) VALUES ($article, $story, $copyOf, $similarity, $seq)",
                transaction, out var p);
            foreach (var assignment in assignments)
            {
                p[0].Value = assignment.ArticleId;
                p[1].Value = assignment.StoryId;
                p[2].Value = (object?)assignment.CopyOfArticleId ?? DBNull.Value;
                p[3].Value = assignment.Similarity;
                p[4].Value = changes.Append(StoreChangeKind.ArticlePlaced, assignment.ArticleId, assignment.StoryId, null);
                insert.ExecuteNonQuery();
            }
        }
        if (merges.Count > 0)
        {
            using var insert = Prepared(
                "INSERT INTO story_merges (from_story_id, into_story_id, article_id, similarity) VALUES ($from, $into, $article, $similarity)",
                transaction, out var p);
            foreach (var merge in merges)
            {
                p[0].Value = merge.FromStoryId;
                p[1].Value = merge.IntoStoryId;
                p[2].Value = merge.ArticleId;
                p[3].Value = merge.Similarity;
                insert.ExecuteNonQuery();
                changes.Append(StoreChangeKind.StoriesMerged, merge.ArticleId, merge.IntoStoryId, merge.FromStoryId);
            }
        }
        // The clusterer's count includes the superseded revisions in the story (merged ones too): counted again from the store.
        RecountSuperseded(stories.Select(static s => s.Id), transaction);
    }

    public Story? GetStory(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Guard(() =>
        {
            using var command = Command($"SELECT {StoryReadColumns} FROM stories WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadStory(reader) : null;
        });
    }

    /// <summary>Most recently saved first; stories saved in the same batch by latest publication, then id.</summary>
    public IReadOnlyList<Story> ListStories()
    {
        return Guard(() =>
        {
            using var command = Command(
                $"SELECT {StoryReadColumns} FROM stories ORDER BY updated_seq DESC, last_published_utc_ticks IS NULL, last_published_utc_ticks DESC, id");
            using var reader = command.ExecuteReader();
            var stories = new List<Story>();
            while (reader.Read()) stories.Add(ReadStory(reader));
            return stories;
        });
    }

    public IReadOnlyList<StoryAssignment> GetAssignments(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return Guard(() =>
        {
            using var command = Command(
                "SELECT s.article_id, s.story_id, s.copy_of_article_id, s.similarity FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
                "WHERE s.story_id = $story ORDER BY a.published_utc_ticks IS NULL, a.published_utc_ticks, a.id");
            command.Parameters.AddWithValue("$story", storyId);
            using var reader = command.ExecuteReader();
            var assignments = new List<StoryAssignment>();
            while (reader.Read()) assignments.Add(ReadAssignment(reader));
            return assignments;
        });
    }

    public StoryAssignment? GetAssignment(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return Guard(() =>
        {
            using var command = Command("SELECT article_id, story_id, copy_of_article_id, similarity FROM story_assignments WHERE article_id = $article");
            command.Parameters.AddWithValue("$article", articleId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadAssignment(reader) : null;
        });
    }

    /// <summary>Merges in the order they were recorded.</summary>
    public IReadOnlyList<StoryMerge> ListMerges()
    {
        return Guard(() =>
        {
            using var command = Command("SELECT from_story_id, into_story_id, article_id, similarity FROM story_merges ORDER BY seq");
            using var reader = command.ExecuteReader();
            var merges = new List<StoryMerge>();
            while (reader.Read()) merges.Add(new StoryMerge(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
            return merges;
        });
    }

    private static StoryAssignment ReadAssignment(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDouble(3));

    private static Story ReadStory(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        Deserialize(reader.GetString(3), StoreJsonContext.Default.ListString),
        ReadInstant(reader, 4),
        ReadInstant(reader, 6));

    private static DateTimeOffset? ReadInstant(SqliteDataReader reader, int ticksColumn) =>
        reader.IsDBNull(ticksColumn)
            ? null
            : new DateTimeOffset(reader.GetInt64(ticksColumn), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt64(ticksColumn + 1)));
}
