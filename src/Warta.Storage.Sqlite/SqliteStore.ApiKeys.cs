using Microsoft.Data.Sqlite;
using Warta.Core.Storage;

namespace Warta.Storage.Sqlite;

public sealed partial class SqliteStore : IApiKeyStore
{
    // Each method is one statement, hence its own short transaction; none takes the placer's write lock (<db>.writer), so
    // `warta keys` works while `warta serve` holds it. SQLite's own lock serialises it with a commit in flight (WAL: a
    // writer waits at most BusyTimeout), and readers, the server's key lookups among them, are never blocked.

    public Task<bool> AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command(
                "INSERT INTO api_keys (name, hash, created_utc_ticks, revoked_utc_ticks) VALUES ($name, $hash, $created, $revoked) ON CONFLICT DO NOTHING");
            command.Parameters.AddWithValue("$name", key.Name);
            command.Parameters.AddWithValue("$hash", key.Hash);
            command.Parameters.AddWithValue("$created", key.Created.UtcTicks);
            command.Parameters.AddWithValue("$revoked", key.Revoked is { } r ? r.UtcTicks : DBNull.Value);
            return command.ExecuteNonQuery() == 1;
        }));
    }

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<ApiKey>>(Guard(() =>
        {
            using var command = Command("SELECT name, hash, created_utc_ticks, revoked_utc_ticks FROM api_keys ORDER BY name");
            using var reader = command.ExecuteReader();
            var keys = new List<ApiKey>();
            while (reader.Read()) keys.Add(ReadApiKey(reader));
            return keys;
        }));
    }

    public Task<ApiKey?> FindApiKeyAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("SELECT name, hash, created_utc_ticks, revoked_utc_ticks FROM api_keys WHERE hash = $hash");
            command.Parameters.AddWithValue("$hash", hash);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadApiKey(reader) : null;
        }));
    }

    public Task<bool> RevokeApiKeyAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard(() =>
        {
            using var command = Command("UPDATE api_keys SET revoked_utc_ticks = $at WHERE name = $name AND revoked_utc_ticks IS NULL");
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$at", at.UtcTicks);
            return command.ExecuteNonQuery() == 1;
        }));
    }

    private static ApiKey ReadApiKey(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
        reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero));
}
