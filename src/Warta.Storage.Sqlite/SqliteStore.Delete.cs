using System.Globalization;
using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Deletes the article, its placement, and recomputes the stories it counted in, in one transaction.</summary>
    /// <remarks>
    /// <para>The stories recomputed are the one it was placed in and every story that one was merged into (a merge adds the
    /// absorbed story's count and outlets to the story it joins), each from the articles still placed in it or in a story
    /// merged into it. A headline that was the deleted article's title becomes the title of the earliest article left. A
    /// story left with no article is deleted. Merge records stay: the stories stay merged, and a merge's article id may
    /// name an article no longer stored. Copies of the article keep their <c>copy_of_article_id</c>.</para>
    /// <para>The clusterer checkpoint is left as is: it counts the deleted article, so the next writer finds it no longer
    /// matches the placements up to its sequence number and re-runs the stored placements, which no longer include it
    /// (when the article was placed after the checkpoint, the re-run after it skips it likewise). The placer deletes with
    /// <see cref="DeleteArticleAsync(string, IReadOnlyList{Story}, ClustererCheckpoint?, CancellationToken)"/> instead, which
    /// saves its clusterer without the article in the same transaction.</para>
    /// </remarks>
    public Task<StoreChange?> DeleteArticleAsync(string id, CancellationToken cancellationToken = default) =>
        DeleteArticleAsync(id, [], null, cancellationToken);

    public Task<StoreChange?> DeleteArticleAsync(string id, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(stories);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var transaction = _connection.BeginTransaction();
            string? title;
            using (var find = Command("SELECT title FROM articles WHERE id = $id", transaction))
            {
                find.Parameters.AddWithValue("$id", id);
                title = find.ExecuteScalar() as string;
            }
            if (title is null) return null;
            string? storyId;
            using (var placement = Command("DELETE FROM story_assignments WHERE article_id = $id RETURNING story_id", transaction))
            {
                placement.Parameters.AddWithValue("$id", id);
                storyId = placement.ExecuteScalar() as string;
            }
            using (var article = Command("DELETE FROM articles WHERE id = $id; DELETE FROM superseded_articles WHERE article_id = $id", transaction))
            {
                article.Parameters.AddWithValue("$id", id);
                article.ExecuteNonQuery();
            }
            if (storyId is not null) RecomputeStories(storyId, title, transaction);
            var changes = new ChangeWriter(this, transaction);
            var sequence = changes.Append(StoreChangeKind.ArticleDeleted, id, storyId, null);
            // The clusterer's own summaries of the live stories it changed, so the two agree to the last outlet.
            if (stories.Count > 0) WriteStories([], stories, [], changes, transaction);
            changes.Flush();
            if (checkpoint is not null) WriteCheckpoint(checkpoint, sequence, transaction);
            transaction.Commit();
            return new StoreChange(sequence, StoreChangeKind.ArticleDeleted, id, storyId, null);
        }));
    }

    /// <summary>The story an article was placed in (<paramref name="storyId"/>) and every story it was merged into since, in merge order: the stories that count its articles.</summary>
    private List<string> StoriesHolding(string storyId, SqliteTransaction transaction)
    {
        var path = new List<string>();
        using var up = Command(
            "WITH RECURSIVE up(id) AS (SELECT $story UNION SELECT m.into_story_id FROM story_merges m JOIN up ON m.from_story_id = up.id) SELECT id FROM up",
            transaction);
        up.Parameters.AddWithValue("$story", storyId);
        using var reader = up.ExecuteReader();
        while (reader.Read()) path.Add(reader.GetString(0));
        return path;
    }

    private void RecomputeStories(string storyId, string deletedTitle, SqliteTransaction transaction)
    {
        var path = new List<string>();
        path.AddRange(StoriesHolding(storyId, transaction));
        long sequence;
        using (var next = Command("SELECT coalesce(max(updated_seq), 0) + 1 FROM stories", transaction))
        {
            sequence = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        foreach (var id in path) RecomputeStory(id, deletedTitle, sequence, transaction);
    }

    /// <summary>Makes a story's row again from the articles placed in it or in a story merged into it; deletes it when none are left.</summary>
    /// <param name="storyId">The story.</param>
    /// <param name="deletedTitle">A headline that must go (the title of an article that left): the earliest article's title replaces it. Null keeps the headline.</param>
    /// <param name="sequence">The update sequence number to give the row.</param>
    /// <param name="transaction">The open transaction.</param>
    private void RecomputeStory(string storyId, string? deletedTitle, long sequence, SqliteTransaction transaction)
    {
        using var members = Command(
            "WITH RECURSIVE tree(id) AS (SELECT $story UNION SELECT m.from_story_id FROM story_merges m JOIN tree ON m.into_story_id = tree.id) " +
            "SELECT a.title, a.outlet, a.published_utc_ticks, a.published_offset_minutes FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id IN (SELECT id FROM tree) ORDER BY a.published_utc_ticks IS NULL, a.published_utc_ticks, a.id",
            transaction);
        members.Parameters.AddWithValue("$story", storyId);
        var count = 0;
        string? earliestTitle = null;
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        DateTimeOffset? first = null, last = null;
        using (var reader = members.ExecuteReader())
        {
            while (reader.Read())
            {
                count++;
                earliestTitle ??= reader.GetString(0);
                if (reader.GetString(1) is { Length: > 0 } outlet) outlets.Add(outlet);
                if (ReadInstant(reader, 2) is { } published)
                {
                    // As the clusterer keeps them: the first article seen at the earliest (latest) instant gives its offset.
                    if (first is null || published < first) first = published;
                    if (last is null || published > last) last = published;
                }
            }
        }
        if (count == 0)
        {
            using var delete = Command("DELETE FROM stories WHERE id = $story", transaction);
            delete.Parameters.AddWithValue("$story", storyId);
            delete.ExecuteNonQuery();
            return;
        }
        using var update = Command(
            "UPDATE stories SET headline = CASE WHEN headline = $deletedTitle THEN $earliestTitle ELSE headline END, article_count = $count, " +
            "outlets_json = $outlets, first_published_utc_ticks = $firstTicks, first_published_offset_minutes = $firstOffset, " +
            "last_published_utc_ticks = $lastTicks, last_published_offset_minutes = $lastOffset, updated_seq = $seq WHERE id = $story",
            transaction);
        update.Parameters.AddWithValue("$deletedTitle", (object?)deletedTitle ?? DBNull.Value);
        update.Parameters.AddWithValue("$earliestTitle", earliestTitle);
        update.Parameters.AddWithValue("$count", count);
        update.Parameters.AddWithValue("$outlets", StoreJson.Strings([.. outlets]));
        update.Parameters.AddWithValue("$firstTicks", (object?)first?.UtcTicks ?? DBNull.Value);
        update.Parameters.AddWithValue("$firstOffset", (object?)first?.TotalOffsetMinutes ?? DBNull.Value);
        update.Parameters.AddWithValue("$lastTicks", (object?)last?.UtcTicks ?? DBNull.Value);
        update.Parameters.AddWithValue("$lastOffset", (object?)last?.TotalOffsetMinutes ?? DBNull.Value);
        update.Parameters.AddWithValue("$seq", sequence);
        update.Parameters.AddWithValue("$story", storyId);
        update.ExecuteNonQuery();
        RecountSuperseded([storyId], transaction);
    }
}
