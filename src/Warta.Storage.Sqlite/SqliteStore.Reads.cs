using Microsoft.Data.Sqlite;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

/// <summary>The read side (<see cref="IArticleReader"/>, <see cref="IStoryReader"/>) over the same connection, with the async ADO.NET calls.</summary>
public sealed partial class SqliteStore : IArticleReader, IStoryReader
{
    /// <summary>As <see cref="ListStories"/> orders: latest saved batch first, in a batch by latest publication, then id.</summary>
    private const string StoryOrder = "ORDER BY updated_seq DESC, last_published_utc_ticks IS NULL, last_published_utc_ticks DESC, id";

    private const string AssignmentColumns = "s.article_id, s.story_id, s.copy_of_article_id, s.similarity";

    public async Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var command = Command($"SELECT {ArticleColumns} FROM articles WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return await ReadOneAsync(command, ReadArticle, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>The ids travel as one JSON array parameter, so the batch is one statement whatever its size (no parameter limit).</remarks>
    public async Task<IReadOnlyList<Article>> GetArticlesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return [];
        using var command = Command($"SELECT {ArticleColumns} FROM articles WHERE id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", StoreJson.Strings([.. ids]));
        return await ReadAllAsync(command, ReadArticle, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>The body and provenance columns are not read, nor their JSON decoded: one statement, as <see cref="GetArticlesAsync"/>.</remarks>
    public async Task<IReadOnlyList<Article>> GetArticleHeadsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return [];
        using var command = Command($"SELECT {ArticleHeadColumns} FROM articles WHERE id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", StoreJson.Strings([.. ids]));
        return await ReadAllAsync(command, ReadArticleHead, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindArticleIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // "id >= $prefix" lets the primary key index start the scan at the prefix; substr keeps only the ids that start with it.
        using var command = Command("SELECT id FROM articles WHERE id >= $prefix AND substr(id, 1, length($prefix)) = $prefix ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAllAsync(command, static r => r.GetString(0), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Article>> ListArticlesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        using var command = Command($"SELECT count(*) FROM articles; SELECT {ArticleColumns} FROM articles {ArticleOrder} LIMIT $limit OFFSET $offset");
        return await ReadPageAsync(command, page, ReadArticle, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountArticlesAsync(CancellationToken cancellationToken = default)
    {
        using var command = Command("SELECT count(*) FROM articles");
        return await GuardAsync(async () => Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture))
            .ConfigureAwait(false);
    }

    public async Task<Story?> GetStoryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var command = Command($"SELECT {StoryReadColumns} FROM stories WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return await ReadOneAsync(command, ReadStory, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Story>> ListStoriesAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        using var command = Command($"SELECT count(*) FROM stories; SELECT {StoryReadColumns} FROM stories {StoryOrder} LIMIT $limit OFFSET $offset");
        return await ReadPageAsync(command, page, ReadStory, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Story>> ListCurrentStoriesAsync(PageRequest page, StoryListOrder order, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        const string Current = "FROM stories WHERE id NOT IN (SELECT from_story_id FROM story_merges)";
        var orderBy = order == StoryListOrder.FirstPublished ? "ORDER BY first_published_utc_ticks IS NULL, first_published_utc_ticks, id" : StoryOrder;
        using var command = Command($"SELECT count(*) {Current}; SELECT {StoryReadColumns} {Current} {orderBy} LIMIT $limit OFFSET $offset");
        return await ReadPageAsync(command, page, ReadStory, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindCurrentStoryIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // As FindArticleIdsAsync: the primary key index starts the scan at the prefix.
        using var command = Command(
            "SELECT id FROM stories WHERE id >= $prefix AND substr(id, 1, length($prefix)) = $prefix " +
            "AND id NOT IN (SELECT from_story_id FROM story_merges) ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAllAsync(command, static r => r.GetString(0), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryAssignment>> GetAssignmentsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        using var command = Command(
            $"SELECT {AssignmentColumns} FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id = $story ORDER BY a.published_utc_ticks IS NULL, a.published_utc_ticks, a.id");
        command.Parameters.AddWithValue("$story", storyId);
        return await ReadAllAsync(command, ReadAssignment, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryMember>> ListStoryMembersAsync(IReadOnlyCollection<string> storyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        if (storyIds.Count == 0) return [];
        using var command = Command(
            "SELECT a.id, a.language FROM story_assignments s JOIN articles a ON a.id = s.article_id " +
            "WHERE s.story_id IN (SELECT value FROM json_each($stories)) ORDER BY a.published_utc_ticks IS NULL, a.published_utc_ticks, a.id");
        command.Parameters.AddWithValue("$stories", StoreJson.Strings([.. storyIds]));
        return await ReadAllAsync(command, static r => new StoryMember(r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoryAssignment?> GetAssignmentAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        using var command = Command($"SELECT {AssignmentColumns} FROM story_assignments s WHERE s.article_id = $article");
        command.Parameters.AddWithValue("$article", articleId);
        return await ReadOneAsync(command, ReadAssignment, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoryMerge>> ListMergesAsync(CancellationToken cancellationToken = default)
    {
        using var command = Command("SELECT from_story_id, into_story_id, article_id, similarity FROM story_merges ORDER BY seq");
        return await ReadAllAsync(command, static r => new StoryMerge(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <remarks>Two recursive walks over the merges' indexes (schema step 5: by source and by target story): forward to the
    /// story it joined, backward to the stories it absorbed.</remarks>
    public async Task<IReadOnlyList<StoryMerge>> ListMergesOfAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        using var command = Command(
            "WITH RECURSIVE joined(id) AS (SELECT $story UNION SELECT m.into_story_id FROM story_merges m JOIN joined j ON m.from_story_id = j.id), " +
            "absorbed(id) AS (SELECT $story UNION SELECT m.from_story_id FROM story_merges m JOIN absorbed a ON m.into_story_id = a.id) " +
            "SELECT from_story_id, into_story_id, article_id, similarity FROM story_merges " +
            "WHERE from_story_id IN (SELECT id FROM joined) OR into_story_id IN (SELECT id FROM absorbed) ORDER BY seq");
        command.Parameters.AddWithValue("$story", storyId);
        return await ReadAllAsync(command, static r => new StoryMerge(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3)), cancellationToken)
            .ConfigureAwait(false);
    }

    private static void CheckPage(PageRequest page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page.Offset, nameof(page));
        ArgumentOutOfRangeException.ThrowIfNegative(page.Limit, nameof(page));
    }

    private Task<T?> ReadOneAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        GuardAsync(() => ReadOneUnguardedAsync(command, read, cancellationToken));

    private static async Task<T?> ReadOneUnguardedAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
    }

    private Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        GuardAsync(() => ReadAllUnguardedAsync(command, read, cancellationToken));

    private static async Task<IReadOnlyList<T>> ReadAllUnguardedAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(read(reader));
        return items;
    }

    /// <summary>Reads a command of two statements, the total count and then the page, so both come from one round trip.</summary>
    private Task<Page<T>> ReadPageAsync<T>(SqliteCommand command, PageRequest page, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        GuardAsync(() => ReadPageUnguardedAsync(command, page, read, cancellationToken));

    private static async Task<Page<T>> ReadPageUnguardedAsync<T>(SqliteCommand command, PageRequest page, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$limit", page.Limit);
        command.Parameters.AddWithValue("$offset", page.Offset);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) items.Add(read(reader));
        return new Page<T>(items, total);
    }
}
