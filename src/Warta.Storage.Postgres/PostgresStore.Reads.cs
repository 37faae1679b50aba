using Npgsql;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

/// <summary>The read side (<see cref="IArticleReader"/>, <see cref="IStoryReader"/>) with Npgsql's async calls.</summary>
public sealed partial class PostgresStore
{
    /// <summary>As <see cref="ListStories"/> orders: latest saved batch first, in a batch by latest publication, then id.</summary>
    private const string StoryOrder = "ORDER BY updated_seq DESC, last_published_utc_ticks DESC NULLS LAST, id";

    private const string AssignmentColumns = "s.article_id, s.story_id, s.copy_of_article_id, s.similarity";

    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await QueryAsync($"SELECT {ArticleColumns} FROM articles WHERE id = @id", ReadArticle, cancellationToken, P("id", id)).ConfigureAwait(false))
            .FirstOrDefault();
    }

    /// <remarks>The ids travel as one array parameter, so the batch is one statement whatever its size.</remarks>
    public Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return Task.FromResult<IReadOnlyList<Article>>([]);
        return Read<Article>(QueryAsync($"SELECT {ArticleColumns} FROM articles WHERE id = ANY(@ids)", ReadArticle, cancellationToken, P("ids", ids)));
    }

    /// <remarks>The body and provenance columns are not read (empty JSON stands in for them), nor their JSON decoded: one
    /// statement, as <see cref="GetArticlesAsync"/>.</remarks>
    public Task<IReadOnlyList<Article>> GetArticleHeadsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return Task.FromResult<IReadOnlyList<Article>>([]);
        const string HeadColumns =
            "id, title, outlet, language, url, source, published_utc_ticks, published_offset_minutes, published_precision, " +
            "authors_json, '[]', '{}', annotations_json";
        return Read<Article>(QueryAsync($"SELECT {HeadColumns} FROM articles WHERE id = ANY(@ids)", ReadArticle, cancellationToken, P("ids", ids)));
    }

    public Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // "id >= prefix" lets the primary key index start the scan at the prefix (the column is in the "C" collation).
        return Read<string>(QueryAsync(
            "SELECT id FROM articles WHERE id >= @prefix AND left(id, length(@prefix)) = @prefix ORDER BY id LIMIT @limit",
            static r => r.GetString(0), cancellationToken, P("prefix", prefix), P("limit", limit)));
    }

    public Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        return ReadPageAsync("SELECT count(*) FROM articles", $"SELECT {ArticleColumns} FROM articles {ArticleOrder} LIMIT @limit OFFSET @offset", page, ReadArticle, cancellationToken);
    }

    public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            var command = new NpgsqlCommand("SELECT count(*) FROM articles", connection);
            await using (command.ConfigureAwait(false))
            {
                return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
        }, cancellationToken);

    public async Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await QueryAsync($"SELECT {StoryReadColumns} FROM stories WHERE id = @id", ReadStory, cancellationToken, P("id", id)).ConfigureAwait(false)).FirstOrDefault();
    }

    public Task<Page<Story>> ListStoriesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        return ReadPageAsync("SELECT count(*) FROM stories", $"SELECT {StoryReadColumns} FROM stories {StoryOrder} LIMIT @limit OFFSET @offset", page, ReadStory, cancellationToken);
    }

    public Task<Page<Story>> ListCurrentStoriesAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        const string Current = "FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_merges m WHERE m.from_story_id = stories.id)";
        var orderBy = order == StoryListOrder.FirstPublished ? "ORDER BY first_published_utc_ticks NULLS LAST, id" : StoryOrder;
        return ReadPageAsync($"SELECT count(*) {Current}", $"SELECT {StoryReadColumns} {Current} {orderBy} LIMIT @limit OFFSET @offset", page, ReadStory, cancellationToken);
    }

    public Task<IReadOnlyList<string>> FindCurrentStoryIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // As FindArticleIdsAsync: the primary key index starts the scan at the prefix.
        return Read<string>(QueryAsync(
            "SELECT id FROM stories WHERE id >= @prefix AND left(id, length(@prefix)) = @prefix " +
            "AND NOT EXISTS (SELECT 1 FROM story_merges m WHERE m.from_story_id = stories.id) ORDER BY id LIMIT @limit",
            static r => r.GetString(0), cancellationToken, P("prefix", prefix), P("limit", limit)));
    }

    public Task<IReadOnlyList<StoryAssignment>> GetAssignmentsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return Read<StoryAssignment>(QueryAsync(
            $"SELECT {AssignmentColumns} FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id = @story ORDER BY a.published_utc_ticks NULLS LAST, a.id",
            ReadAssignment, cancellationToken, P("story", storyId)));
    }

    public Task<IReadOnlyList<StoryMember>> ListStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        if (storyIds.Count == 0) return Task.FromResult<IReadOnlyList<StoryMember>>([]);
        return Read<StoryMember>(QueryAsync(
            "SELECT a.id, a.language FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id = ANY(@stories) ORDER BY a.published_utc_ticks NULLS LAST, a.id",
            static r => new StoryMember(r.GetString(0), r.GetString(1)), cancellationToken, P("stories", storyIds)));
    }

    public async Task<StoryAssignment?> GetAssignmentAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return (await QueryAsync($"SELECT {AssignmentColumns} FROM story_assignments s WHERE s.article_id = @article", ReadAssignment, cancellationToken, P("article", articleId))
            .ConfigureAwait(false)).FirstOrDefault();
    }

    public Task<IReadOnlyList<StoryMerge>> ListMergesAsync(CancellationToken cancellationToken = default) =>
        Read<StoryMerge>(QueryAsync(MergesSql + " ORDER BY seq", ReadMerge, cancellationToken));

    /// <remarks>Two recursive walks over the merges' indexes (by source and by target story): forward to the story it joined,
    /// backward to the stories it absorbed.</remarks>
    public Task<IReadOnlyList<StoryMerge>> ListMergesOfAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return Read<StoryMerge>(QueryAsync(
            "WITH RECURSIVE joined(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.into_story_id FROM story_merges m JOIN joined j ON m.from_story_id = j.id), " +
            "absorbed(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.from_story_id FROM story_merges m JOIN absorbed a ON m.into_story_id = a.id) " +
            MergesSql + " WHERE from_story_id IN (SELECT id FROM joined) OR into_story_id IN (SELECT id FROM absorbed) ORDER BY seq",
            ReadMerge, cancellationToken, P("story", storyId)));
    }

    private static void CheckPage(PageRequest page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit, nameof(page));
    }

    /// <summary>The total count and the page in one round trip (a batch of two statements).</summary>
    private Task<Page<T>> ReadPageAsync<T>(string countSql, string pageSql, PageRequest page, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(countSql));
                var items = new NpgsqlBatchCommand(pageSql);
                items.Parameters.Add(P("limit", (long)page.Limit));
                items.Parameters.Add(P("offset", (long)page.Offset));
                batch.BatchCommands.Add(items);
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var total = (int)reader.GetInt64(0);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    var list = new List<T>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(read(reader));
                    return new Page<T>(list, total);
                }
            }
        }, cancellationToken);
}
