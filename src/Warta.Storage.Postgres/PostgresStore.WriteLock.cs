using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>How often a waiting writer tries the lock again.</summary>
    private const int LockRetryMs = 50;

    /// <summary>Takes the store's write lock: a session advisory lock keyed by the store's schema, held on a connection of its own.</summary>
    /// <remarks>
    /// The lock spans processes and machines that share the server. It belongs to the lock's session, so a killed writer's
    /// lock goes with its connection and never has to be broken by hand. The connection is kept out of the pool's hands until
    /// the lock is let go; the placer's reads and commits use other connections.
    /// </remarks>
    public async Task<IAsyncDisposable> AcquireWriteLockAsync(TimeSpan timeout, Action<string>? onWaiting = null, CancellationToken cancellationToken = default)
    {
        var waited = Stopwatch.StartNew();
        var told = false;
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresFailures.IsDatabaseError(ex))
        {
            throw Failure(ex);
        }
        try
        {
            var attempt = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresSchema.LockClass}, hashtext(current_schema()))", connection);
            await using (attempt.ConfigureAwait(false))
            {
                while (true)
                {
                    if ((bool)(await attempt.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                    {
                        Volatile.Write(ref _writeLockSession, connection.ProcessID);
                        return new WriteLock(this, connection);
                    }
                    if (waited.Elapsed >= timeout)
                    {
                        var holder = await HolderAsync(connection, cancellationToken).ConfigureAwait(false);
                        throw new StoreBusyException(string.Create(CultureInfo.InvariantCulture,
                            $"another writer still holds '{Location}' after {timeout.TotalSeconds:0.#} s (PostgreSQL advisory lock on the store's schema{holder})"));
                    }
                    if (!told)
                    {
                        var holder = await HolderAsync(connection, cancellationToken).ConfigureAwait(false);
                        onWaiting?.Invoke(string.Create(CultureInfo.InvariantCulture,
                            $"waiting up to {timeout.TotalSeconds:0.#} s for another writer of '{Location}' to finish (PostgreSQL advisory lock{holder})"));
                        told = true;
                    }
                    await Task.Delay(LockRetryMs, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (PostgresFailures.IsDatabaseError(ex))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Failure(ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>", held by process P on H" for the session holding the lock, when the server says (it needs the right to see other sessions).</summary>
    private static async Task<string> HolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(
            "SELECT a.pid, coalesce(a.client_addr::text, 'local'), coalesce(a.application_name, '') FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
            $"WHERE l.locktype = 'advisory' AND l.classid = {PostgresSchema.LockClass} AND l.objid = hashtext(current_schema())::oid AND l.granted " +
            // A store of the same schema name in another database of the server has a lock of the same class and key.
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1",
            connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return "";
                var application = reader.GetString(2);
                return string.Create(CultureInfo.InvariantCulture,
                    $", held by server process {reader.GetInt32(0)} for client {reader.GetString(1)}{(application.Length > 0 ? " (" + application + ")" : "")}");
            }
        }
    }

    /// <summary>The server process of the session holding this store's write lock, while it is held; 0 otherwise.</summary>
    private int _writeLockSession;

    /// <summary>Refuses a commit when this store took the write lock and its session no longer holds it.</summary>
    /// <remarks>The lock belongs to its session: a server restart, or the session terminated, ends it silently while the
    /// placer goes on committing through the pool's new connections, and a standby may then take the lock. Asked in the
    /// commit's own transaction, so a writer that lost the lock writes nothing more (one small query per commit).</remarks>
    private void CheckWriteLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var session = Volatile.Read(ref _writeLockSession);
        if (session == 0) return;
        using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' " +
            $"AND classid = {PostgresSchema.LockClass} AND objid = hashtext(current_schema())::oid AND pid = @session AND granted)",
            connection, transaction);
        command.Parameters.Add(P("session", session));
        if (!(bool)command.ExecuteScalar()!)
        {
            throw new StoreFailureException(StoreFailure.Locked, Location, string.Create(CultureInfo.InvariantCulture,
                $"the write lock's session (server process {session}) ended, a server restart or a terminated session; nothing was written, open the store again"));
        }
    }

    /// <summary>Holds the lock's connection; disposing unlocks and returns it, so the next writer gets in.</summary>
    private sealed class WriteLock(PostgresStore store, NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Volatile.Write(ref store._writeLockSession, 0);
            try
            {
                var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresSchema.LockClass}, hashtext(current_schema()))", connection);
                await using (unlock.ConfigureAwait(false))
                {
                    await unlock.ExecuteScalarAsync().ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (PostgresFailures.IsDatabaseError(ex))
            {
                // A broken connection's session is gone on the server, and its lock with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
