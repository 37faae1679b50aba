using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private const string StoryColumns =
        "id, headline, article_count, outlets_json, first_published_utc_ticks, first_published_offset_minutes, " +
        "last_published_utc_ticks, last_published_offset_minutes";

    /// <summary>Stories first, then assignments (they refer to stories and articles), then merges; all in one transaction.</summary>
    /// <remarks>Every story saved in one batch gets the same, next update sequence number; listing sorts by it.</remarks>
    public void SaveBatch(IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(merges);
        using var transaction = _connection.BeginTransaction();
        long sequence;
        using (var next = Command("SELECT coalesce(max(updated_seq), 0) + 1 FROM stories", transaction))
        {
            sequence = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        foreach (var story in stories)
        {
            using var upsert = Command(
                $"INSERT INTO stories ({StoryColumns}, updated_seq) VALUES ($id, $headline, $count, $outlets, $firstTicks, $firstOffset, $lastTicks, $lastOffset, $seq) " +
                "ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, article_count = excluded.article_count, outlets_json = excluded.outlets_json, " +
                "first_published_utc_ticks = excluded.first_published_utc_ticks, first_published_offset_minutes = excluded.first_published_offset_minutes, " +
                "last_published_utc_ticks = excluded.last_published_utc_ticks, last_published_offset_minutes = excluded.last_published_offset_minutes, " +
                "updated_seq = excluded.updated_seq",
                transaction);
            upsert.Parameters.AddWithValue("$id", story.Id);
            upsert.Parameters.AddWithValue("$headline", story.Headline);
            upsert.Parameters.AddWithValue("$count", story.ArticleCount);
            upsert.Parameters.AddWithValue("$outlets", JsonSerializer.Serialize(story.Outlets.ToList(), StoreJsonContext.Default.ListString));
            upsert.Parameters.AddWithValue("$firstTicks", (object?)story.FirstPublished?.UtcTicks ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$firstOffset", (object?)story.FirstPublished?.TotalOffsetMinutes ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$lastTicks", (object?)story.LastPublished?.UtcTicks ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$lastOffset", (object?)story.LastPublished?.TotalOffsetMinutes ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$seq", sequence);
            upsert.ExecuteNonQuery();
        }
        foreach (var assignment in assignments)
        {
            using var upsert = Command(
                "INSERT INTO story_assignments (article_id, story_id, copy_of_article_id, similarity) VALUES ($article, $story, $copyOf, $similarity) " +
                "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, copy_of_article_id = excluded.copy_of_article_id, similarity = excluded.similarity",
                transaction);
            upsert.Parameters.AddWithValue("$article", assignment.ArticleId);
            upsert.Parameters.AddWithValue("$story", assignment.StoryId);
            upsert.Parameters.AddWithValue("$copyOf", (object?)assignment.CopyOfArticleId ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$similarity", assignment.Similarity);
            upsert.ExecuteNonQuery();
        }
        foreach (var merge in merges)
        {
            using var insert = Command(
                "INSERT INTO story_merges (from_story_id, into_story_id, article_id, similarity) VALUES ($from, $into, $article, $similarity)",
                transaction);
            insert.Parameters.AddWithValue("$from", merge.FromStoryId);
            insert.Parameters.AddWithValue("$into", merge.IntoStoryId);
            insert.Parameters.AddWithValue("$article", merge.ArticleId);
            insert.Parameters.AddWithValue("$similarity", merge.Similarity);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public Story? GetStory(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var command = Command($"SELECT {StoryColumns} FROM stories WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStory(reader) : null;
    }

    /// <summary>Most recently saved first; stories saved in the same batch by latest publication, then id.</summary>
    public IReadOnlyList<Story> ListStories()
    {
        using var command = Command(
            $"SELECT {StoryColumns} FROM stories ORDER BY updated_seq DESC, last_published_utc_ticks IS NULL, last_published_utc_ticks DESC, id");
        using var reader = command.ExecuteReader();
        var stories = new List<Story>();
        while (reader.Read()) stories.Add(ReadStory(reader));
        return stories;
    }

    public IReadOnlyList<StoryAssignment> GetAssignments(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        using var command = Command(
            "SELECT s.article_id, s.story_id, s.copy_of_article_id, s.similarity FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id = $story ORDER BY a.published_utc_ticks IS NULL, a.published_utc_ticks, a.id");
        command.Parameters.AddWithValue("$story", storyId);
        using var reader = command.ExecuteReader();
        var assignments = new List<StoryAssignment>();
        while (reader.Read()) assignments.Add(ReadAssignment(reader));
        return assignments;
    }

    public StoryAssignment? GetAssignment(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        using var command = Command("SELECT article_id, story_id, copy_of_article_id, similarity FROM story_assignments WHERE article_id = $article");
        command.Parameters.AddWithValue("$article", articleId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadAssignment(reader) : null;
    }

    /// <summary>Merges in the order they were recorded.</summary>
    public IReadOnlyList<StoryMerge> ListMerges()
    {
        using var command = Command("SELECT from_story_id, into_story_id, article_id, similarity FROM story_merges ORDER BY seq");
        using var reader = command.ExecuteReader();
        var merges = new List<StoryMerge>();
        while (reader.Read()) merges.Add(new StoryMerge(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
        return merges;
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
