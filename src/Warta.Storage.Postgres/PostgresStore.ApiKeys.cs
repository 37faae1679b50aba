using Npgsql;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    // Each method is one statement, hence its own short transaction; none takes the placer's write lock, so keys can be
    // managed while a server (the lock holder) runs.

    private const string ApiKeyColumns = "name, hash, created_utc_ticks, revoked_utc_ticks";

    public Task<bool> AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run(connection => Execute(connection, null,
            $"INSERT INTO api_keys ({ApiKeyColumns}) VALUES (@name, @hash, @created, @revoked) ON CONFLICT DO NOTHING",
            P("name", key.Name), P("hash", key.Hash), P("created", key.Created.UtcTicks), P("revoked", key.Revoked?.UtcTicks)) == 1));
    }

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        Read<ApiKey>(QueryAsync($"SELECT {ApiKeyColumns} FROM api_keys ORDER BY name", ReadApiKey, cancellationToken));

    public async Task<ApiKey?> FindApiKeyAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return (await QueryAsync($"SELECT {ApiKeyColumns} FROM api_keys WHERE hash = @hash", ReadApiKey, cancellationToken, P("hash", hash)).ConfigureAwait(false))
            .FirstOrDefault();
    }

    public Task<bool> RevokeApiKeyAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run(connection => Execute(connection, null,
            "UPDATE api_keys SET revoked_utc_ticks = @at WHERE name = @name AND revoked_utc_ticks IS NULL", P("name", name), P("at", at.UtcTicks)) == 1));
    }

    private static ApiKey ReadApiKey(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
        reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero));
}
