using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>Records each earlier revision as superseded once, with an <see cref="StoreChangeKind.ArticleSuperseded"/> change (the search index drops it as it drops a deleted article), and counts it out of the stories that hold it.</summary>
    private void WriteSupersessions(IReadOnlyList<ArticleSupersession> supersessions, ChangeWriter changes, SqliteTransaction transaction)
    {
        if (supersessions.Count == 0) return;
        var stories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var supersession in supersessions)
        {
            string? storyId;
            using (var find = Command("SELECT story_id FROM story_assignments WHERE article_id = $id", transaction))
            {
                find.Parameters.AddWithValue("$id", supersession.ArticleId);
                storyId = find.ExecuteScalar() as string;
            }
            // Not stored (deleted since) or not placed: there is nothing to count out.
            if (storyId is null) continue;
            using (var insert = Command("INSERT INTO superseded_articles (article_id, superseded_by) VALUES ($id, $by) ON CONFLICT DO NOTHING", transaction))
            {
                insert.Parameters.AddWithValue("$id", supersession.ArticleId);
                insert.Parameters.AddWithValue("$by", supersession.SupersededBy);
                if (insert.ExecuteNonQuery() == 0) continue;
            }
            changes.Append(StoreChangeKind.ArticleSuperseded, supersession.ArticleId, storyId, null);
            stories.UnionWith(StoriesHolding(storyId, transaction));
        }
        RecountSuperseded(stories, transaction);
    }

    /// <summary>Sets each story's <c>superseded_count</c>: the superseded articles placed in it or in a story merged into it.</summary>
    private void RecountSuperseded(IEnumerable<string> storyIds, SqliteTransaction transaction)
    {
        var ids = storyIds as IReadOnlyCollection<string> ?? [.. storyIds];
        if (ids.Count == 0) return;
        // A store that never saw a revision (every `warta ingest`) pays one lookup per commit, not one per story.
        using (var any = Command("SELECT EXISTS (SELECT 1 FROM superseded_articles)", transaction))
        {
            if (Convert.ToInt64(any.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
        }
        using var update = Command("""
            UPDATE stories SET superseded_count = (
                WITH RECURSIVE tree(id) AS (SELECT stories.id UNION SELECT m.from_story_id FROM story_merges m JOIN tree ON m.into_story_id = tree.id)
                SELECT count(*) FROM superseded_articles x JOIN story_assignments s ON s.article_id = x.article_id WHERE s.story_id IN (SELECT id FROM tree))
            WHERE id IN (SELECT value FROM json_each($ids))
            """, transaction);
        update.Parameters.AddWithValue("$ids", StoreJson.Strings([.. ids]));
        update.ExecuteNonQuery();
    }
}
