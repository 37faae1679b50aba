using System.Globalization;
using Warta.Core.Storage;
using Warta.Core.Stories;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore : IStoryViewStore
{
    public Task<StoryView?> GetStoryViewAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        cancellationToken.ThrowIfCancellationRequested();
        using var command = Command("SELECT view_json FROM story_views WHERE story_id = $id");
        command.Parameters.AddWithValue("$id", storyId);
        return Task.FromResult(command.ExecuteScalar() is string json ? StoryViewJson.Deserialize(json) : null);
    }

    public Task<long> StoryViewSequenceAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = Kept("SELECT coalesce(max(seq), 0) FROM story_view_state");
        return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    public Task<long> StoryViewSequenceAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        cancellationToken.ThrowIfCancellationRequested();
        var command = Kept("SELECT coalesce((SELECT seq FROM story_views WHERE story_id = $id), 0)");
        command.Parameters.AddWithValue("$id", storyId);
        return Task.FromResult(Guard(() => Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture)));
    }

    public Task SaveStoryViewsAsync(IReadOnlyList<StoryView> views, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(views);
        cancellationToken.ThrowIfCancellationRequested();
        using var transaction = _connection.BeginTransaction();
        using (var upsert = Prepared("INSERT OR REPLACE INTO story_views (story_id, seq, view_json) VALUES ($id, $seq, $json)", transaction, out var parameters))
        {
            foreach (var view in views)
            {
                parameters[0].Value = view.StoryId;
                parameters[1].Value = view.Sequence;
                parameters[2].Value = StoryViewJson.Serialize(view);
                upsert.ExecuteNonQuery();
            }
        }
        using (var state = Command("INSERT OR REPLACE INTO story_view_state (id, seq) VALUES (1, $seq)", transaction))
        {
            state.Parameters.AddWithValue("$seq", sequence);
            state.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.CompletedTask;
    }
}
