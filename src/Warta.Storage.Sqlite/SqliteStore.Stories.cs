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
        // Stories travel as one JSON array read by one statement; assignments and merges keep a prepared statement rebound
        // per row, since their similarity is a double (see JsonRows). Preparing a statement for every row cost more than
        // the rows' writes (a third of the uci-news stream benchmark's time); binding nine parameters per story row, about
        // as much as writing it.
        if (stories.Count > 0)
        {
            var rows = new JsonRows();
            foreach (var story in stories)
            {
                rows.Begin().Text(story.Id).Text(story.Headline).Number(story.ArticleCount).Text(StoreJson.Strings(story.Outlets));
                Instant(rows, story.FirstPublished);
                Instant(rows, story.LastPublished);
                rows.Number(sequence).End();
            }
            // "WHERE true" keeps the parser from reading ON CONFLICT as a join constraint (SQLite's documented upsert rule).
            using var upsert = Command(
                $"INSERT INTO stories ({StoryColumns}, updated_seq) " +
                "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8 FROM json_each($rows) WHERE true " +
                "ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, article_count = excluded.article_count, outlets_json = excluded.outlets_json, " +
                "first_published_utc_ticks = excluded.first_published_utc_ticks, first_published_offset_minutes = excluded.first_published_offset_minutes, " +
                "last_published_utc_ticks = excluded.last_published_utc_ticks, last_published_offset_minutes = excluded.last_published_offset_minutes, " +
                "updated_seq = excluded.updated_seq",
                transaction);
            upsert.Parameters.AddWithValue("$rows", rows.ToJson());
            upsert.ExecuteNonQuery();
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

    /// <summary>Writes an instant as its UTC ticks and offset minutes, or two nulls.</summary>
    private static void Instant(JsonRows rows, DateTimeOffset? instant)
    {
        if (instant is { } value) rows.Number(value.UtcTicks).Number(value.TotalOffsetMinutes);
        else rows.Text(null).Text(null);
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
