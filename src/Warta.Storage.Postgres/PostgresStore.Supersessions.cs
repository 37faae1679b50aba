using Npgsql;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>Records each earlier revision as superseded once, with an <see cref="StoreChangeKind.ArticleSuperseded"/> change, and counts it out of the stories that hold it (as <c>SqliteStore</c> does).</summary>
    private static void WriteSupersessions(IReadOnlyList<ArticleSupersession> supersessions, ChangeWriter changes, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (supersessions.Count == 0) return;
        var stories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var supersession in supersessions)
        {
            var storyId = Query(connection, transaction, "SELECT story_id FROM story_assignments WHERE article_id = @id", static r => r.GetString(0), P("id", supersession.ArticleId))
                .FirstOrDefault();
            // Not stored (deleted since) or not placed: there is nothing to count out.
            if (storyId is null) continue;
            var inserted = Execute(connection, transaction,
                "INSERT INTO superseded_articles (article_id, superseded_by) VALUES (@id, @by) ON CONFLICT DO NOTHING",
                P("id", supersession.ArticleId), P("by", supersession.SupersededBy));
            if (inserted == 0) continue;
            changes.Append(StoreChangeKind.ArticleSuperseded, supersession.ArticleId, storyId, null);
            stories.UnionWith(StoriesHolding(storyId, connection, transaction));
        }
        RecountSuperseded(stories, connection, transaction);
    }

    /// <summary>Sets each story's <c>superseded_count</c>: the superseded articles placed in it or in a story merged into it.</summary>
    private static void RecountSuperseded(IEnumerable<string> storyIds, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var ids = storyIds as IReadOnlyCollection<string> ?? [.. storyIds];
        if (ids.Count == 0) return;
        // A store that never saw a revision pays one lookup per commit, not one per story.
        if (!Scalar<bool>(connection, transaction, "SELECT EXISTS (SELECT 1 FROM superseded_articles)")) return;
        foreach (var id in ids)
        {
            Execute(connection, transaction,
                "WITH RECURSIVE tree(id) AS (SELECT @story::text COLLATE \"C\" UNION SELECT m.from_story_id FROM story_merges m JOIN tree ON m.into_story_id = tree.id) " +
                "UPDATE stories SET superseded_count = (SELECT count(*) FROM superseded_articles x JOIN story_assignments s ON s.article_id = x.article_id " +
                "WHERE s.story_id IN (SELECT id FROM tree)) WHERE id = @story",
                P("story", id));
        }
    }
}
