using Npgsql;
using NpgsqlTypes;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string StoryColumns =
        "id, headline, article_count, outlets_json, first_published_utc_ticks, first_published_offset_minutes, " +
        "last_published_utc_ticks, last_published_offset_minutes";

    /// <summary>As <see cref="StoryColumns"/>, with the article count of the story's articles, not its revisions: the clusterer counts every placement, earlier revisions of a followed page included (<c>superseded_count</c>).</summary>
    private const string StoryReadColumns =
        "id, headline, article_count - superseded_count, outlets_json, first_published_utc_ticks, first_published_offset_minutes, " +
        "last_published_utc_ticks, last_published_offset_minutes";

    private const string MergesSql = "SELECT from_story_id, into_story_id, article_id, similarity FROM story_merges";

    private static long NextStoryUpdate(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Scalar<long>(connection, transaction, "SELECT coalesce(max(updated_seq), 0) + 1 FROM stories");

    private static void WriteStories(
        IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges, ChangeWriter changes,
        NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var sequence = NextStoryUpdate(connection, transaction);
        if (stories.Count > 0)
        {
            using var upsert = Prepared(connection, transaction,
                $"INSERT INTO stories ({StoryColumns}, updated_seq) VALUES (@id, @headline, @count, @outlets, @firstTicks, @firstOffset, @lastTicks, @lastOffset, @seq) " +
                "ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, article_count = excluded.article_count, outlets_json = excluded.outlets_json, " +
                "first_published_utc_ticks = excluded.first_published_utc_ticks, first_published_offset_minutes = excluded.first_published_offset_minutes, " +
                "last_published_utc_ticks = excluded.last_published_utc_ticks, last_published_offset_minutes = excluded.last_published_offset_minutes, " +
                "updated_seq = excluded.updated_seq",
                ("id", NpgsqlDbType.Text), ("headline", NpgsqlDbType.Text), ("count", NpgsqlDbType.Integer), ("outlets", NpgsqlDbType.Text),
                ("firstTicks", NpgsqlDbType.Bigint), ("firstOffset", NpgsqlDbType.Integer), ("lastTicks", NpgsqlDbType.Bigint), ("lastOffset", NpgsqlDbType.Integer),
                ("seq", NpgsqlDbType.Bigint));
            var p = upsert.Parameters;
            foreach (var story in stories)
            {
                p[0].Value = story.Id;
                p[1].Value = story.Headline;
                p[2].Value = story.ArticleCount;
                p[3].Value = StoreJson.Strings(story.Outlets);
                p[4].Value = Nullable(story.FirstPublished?.UtcTicks);
                p[5].Value = Nullable(story.FirstPublished is { } first ? (int)first.TotalOffsetMinutes : null);
                p[6].Value = Nullable(story.LastPublished?.UtcTicks);
                p[7].Value = Nullable(story.LastPublished is { } last ? (int)last.TotalOffsetMinutes : null);
                p[8].Value = sequence;
                upsert.ExecuteNonQuery();
            }
        }
        if (assignments.Count > 0)
        {
            // Placements never move: a plain insert, so a second writer's placement of the same article fails the batch.
            using var insert = Prepared(connection, transaction,
                "INSERT INTO story_assignments (article_id, story_id, copy_of_article_id, similarity, placed_seq) VALUES (@article, @story, @copyOf, @similarity, @seq)",
                ("article", NpgsqlDbType.Text), ("story", NpgsqlDbType.Text), ("copyOf", NpgsqlDbType.Text), ("similarity", NpgsqlDbType.Double), ("seq", NpgsqlDbType.Bigint));
            var p = insert.Parameters;
            foreach (var assignment in assignments)
            {
                p[0].Value = assignment.ArticleId;
                p[1].Value = assignment.StoryId;
                p[2].Value = Nullable(assignment.CopyOfArticleId);
                p[3].Value = assignment.Similarity;
                p[4].Value = changes.Append(StoreChangeKind.ArticlePlaced, assignment.ArticleId, assignment.StoryId, null);
                insert.ExecuteNonQuery();
            }
        }
        if (merges.Count > 0)
        {
            using var insert = Prepared(connection, transaction,
                "INSERT INTO story_merges (from_story_id, into_story_id, article_id, similarity) VALUES (@from, @into, @article, @similarity)",
                ("from", NpgsqlDbType.Text), ("into", NpgsqlDbType.Text), ("article", NpgsqlDbType.Text), ("similarity", NpgsqlDbType.Double));
            var p = insert.Parameters;
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
        RecountSuperseded(stories.Select(static s => s.Id), connection, transaction);
    }

    public Story? GetStory(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Query($"SELECT {StoryReadColumns} FROM stories WHERE id = @id", ReadStory, P("id", id)).FirstOrDefault();
    }

    /// <summary>Most recently saved first; stories saved in the same batch by latest publication, then id.</summary>
    public IReadOnlyList<Story> ListStories() => Query($"SELECT {StoryReadColumns} FROM stories {StoryOrder}", ReadStory);

    public IReadOnlyList<StoryAssignment> GetAssignments(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return Query(
            $"SELECT {AssignmentColumns} FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id = @story ORDER BY a.published_utc_ticks NULLS LAST, a.id",
            ReadAssignment, P("story", storyId));
    }

    public StoryAssignment? GetAssignment(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return Query($"SELECT {AssignmentColumns} FROM story_assignments s WHERE s.article_id = @article", ReadAssignment, P("article", articleId)).FirstOrDefault();
    }

    /// <summary>Merges in the order they were recorded.</summary>
    public IReadOnlyList<StoryMerge> ListMerges() => Query(MergesSql + " ORDER BY seq", ReadMerge);

    private static StoryMerge ReadMerge(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3));

    private static StoryAssignment ReadAssignment(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDouble(3));

    private static Story ReadStory(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        Deserialize(reader.GetString(3), StoreJsonContext.Default.ListString),
        ReadInstant(reader, 4),
        ReadInstant(reader, 6));

    private static DateTimeOffset? ReadInstant(NpgsqlDataReader reader, int ticksColumn) =>
        reader.IsDBNull(ticksColumn)
            ? null
            : new DateTimeOffset(reader.GetInt64(ticksColumn), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt32(ticksColumn + 1)));
}
