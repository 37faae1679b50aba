using Npgsql;
using NpgsqlTypes;
using Warta.Core.Stories;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    public async Task<StoryView?> GetStoryViewAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        var json = await QueryAsync("SELECT view_json FROM story_views WHERE story_id = @id", static r => r.GetString(0), cancellationToken, P("id", storyId))
            .ConfigureAwait(false);
        return json.Count == 0 ? null : StoryViewJson.Deserialize(json[0]);
    }

    public async Task<long> StoryViewSequenceAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT coalesce(max(seq), 0) FROM story_view_state", static r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0];

    public async Task<long> StoryViewSequenceAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return (await QueryAsync("SELECT coalesce((SELECT seq FROM story_views WHERE story_id = @id), 0)", static r => r.GetInt64(0), cancellationToken, P("id", storyId))
            .ConfigureAwait(false))[0];
    }

    public Task SaveStoryViewsAsync(IReadOnlyList<StoryView> views, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(views);
        cancellationToken.ThrowIfCancellationRequested();
        InTransaction((connection, transaction) =>
        {
            if (views.Count > 0)
            {
                using var upsert = Prepared(connection, transaction,
                    "INSERT INTO story_views (story_id, seq, view_json) VALUES (@id, @seq, @json) " +
                    "ON CONFLICT (story_id) DO UPDATE SET seq = excluded.seq, view_json = excluded.view_json",
                    ("id", NpgsqlDbType.Text), ("seq", NpgsqlDbType.Bigint), ("json", NpgsqlDbType.Text));
                foreach (var view in views)
                {
                    upsert.Parameters[0].Value = view.StoryId;
                    upsert.Parameters[1].Value = view.Sequence;
                    upsert.Parameters[2].Value = StoryViewJson.Serialize(view);
                    upsert.ExecuteNonQuery();
                }
            }
            return Execute(connection, transaction,
                "INSERT INTO story_view_state (id, seq) VALUES (1, @seq) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq", P("seq", sequence));
        });
        return Task.CompletedTask;
    }
}
