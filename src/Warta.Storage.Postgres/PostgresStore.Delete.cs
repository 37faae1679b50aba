using Npgsql;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>Deletes the article, its placement, and recomputes the stories it counted in, in one transaction.</summary>
    /// <remarks>As the embedded store does (see <c>SqliteStore.DeleteArticleAsync</c>): the story it was placed in and every
    /// story that one was merged into are made again from the articles still placed in them; merge records stay.</remarks>
    public Task<StoreChange?> DeleteArticleAsync(string id, CancellationToken cancellationToken = default) =>
        DeleteArticleAsync(id, [], null, cancellationToken);

    public Task<StoreChange?> DeleteArticleAsync(string id, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(stories);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(InTransaction<StoreChange?>((connection, transaction) =>
        {
            var title = Query(connection, transaction, "SELECT title FROM articles WHERE id = @id FOR UPDATE", static r => r.GetString(0), P("id", id)).FirstOrDefault();
            if (title is null) return null;
            var storyId = Query(connection, transaction, "DELETE FROM story_assignments WHERE article_id = @id RETURNING story_id", static r => r.GetString(0), P("id", id))
                .FirstOrDefault();
            Execute(connection, transaction, "DELETE FROM articles WHERE id = @id; DELETE FROM superseded_articles WHERE article_id = @id", P("id", id));
            if (storyId is not null) RecomputeStories(storyId, title, connection, transaction);
            using var changes = new ChangeWriter(connection, transaction);
            var sequence = changes.Append(StoreChangeKind.ArticleDeleted, id, storyId, null);
            // The clusterer's own summaries of the live stories it changed, so the two agree to the last outlet.
            if (stories.Count > 0) WriteStories([], stories, [], changes, connection, transaction);
            changes.Finish();
            if (checkpoint is not null) WriteCheckpoint(checkpoint, sequence, connection, transaction);
            return new StoreChange(sequence, StoreChangeKind.ArticleDeleted, id, storyId, null);
        }));
    }

    /// <summary>The story an article was placed in (<paramref name="storyId"/>) and every story it was merged into since: the stories that count its articles.</summary>
    private static List<string> StoriesHolding(string storyId, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Query(connection, transaction,
            "WITH RECURSIVE up(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.into_story_id FROM story_merges m JOIN up ON m.from_story_id = up.id) SELECT id FROM up",
            static r => r.GetString(0), P("story", storyId));

    private static void RecomputeStories(string storyId, string deletedTitle, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var path = StoriesHolding(storyId, connection, transaction);
        var sequence = NextStoryUpdate(connection, transaction);
        foreach (var id in path) RecomputeStory(id, deletedTitle, sequence, connection, transaction);
    }

    /// <summary>Makes a story's row again from the articles placed in it or in a story merged into it; deletes it when none are left.</summary>
    /// <param name="storyId">The story.</param>
    /// <param name="deletedTitle">A headline that must go (the title of an article that left): the earliest article's title replaces it. Null keeps the headline.</param>
    /// <param name="sequence">The update sequence number to give the row.</param>
    /// <param name="connection">The transaction's connection.</param>
    /// <param name="transaction">The open transaction.</param>
    private static void RecomputeStory(string storyId, string? deletedTitle, long sequence, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var members = Query(connection, transaction,
            "WITH RECURSIVE tree(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.from_story_id FROM story_merges m JOIN tree ON m.into_story_id = tree.id) " +
            "SELECT a.title, a.outlet, a.published_utc_ticks, a.published_offset_minutes FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id IN (SELECT id FROM tree) ORDER BY a.published_utc_ticks NULLS LAST, a.id",
            static r => (Title: r.GetString(0), Outlet: r.GetString(1), Published: ReadInstant(r, 2)), P("story", storyId));
        if (members.Count == 0)
        {
            Execute(connection, transaction, "DELETE FROM stories WHERE id = @story", P("story", storyId));
            return;
        }
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        DateTimeOffset? first = null, last = null;
        foreach (var member in members)
        {
            if (member.Outlet.Length > 0) outlets.Add(member.Outlet);
            if (member.Published is { } published)
            {
                // As the clusterer keeps them: the first article seen at the earliest (latest) instant gives its offset.
                if (first is null || published < first) first = published;
                if (last is null || published > last) last = published;
            }
        }
        Execute(connection, transaction,
            "UPDATE stories SET headline = CASE WHEN headline = @deletedTitle THEN @earliestTitle ELSE headline END, article_count = @count, " +
            "outlets_json = @outlets, first_published_utc_ticks = @firstTicks, first_published_offset_minutes = @firstOffset, " +
            "last_published_utc_ticks = @lastTicks, last_published_offset_minutes = @lastOffset, updated_seq = @seq WHERE id = @story",
            P("deletedTitle", deletedTitle, nullable: true), P("earliestTitle", members[0].Title), P("count", members.Count), P("outlets", StoreJson.Strings([.. outlets])),
            P("firstTicks", first?.UtcTicks), POffset("firstOffset", first), P("lastTicks", last?.UtcTicks), POffset("lastOffset", last), P("seq", sequence), P("story", storyId));
        RecountSuperseded([storyId], connection, transaction);
    }

    private static NpgsqlParameter POffset(string name, DateTimeOffset? instant) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Integer) { Value = instant is { } i ? (int)i.TotalOffsetMinutes : DBNull.Value };
}
