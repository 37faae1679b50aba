using System.Net.Sockets;
using Npgsql;
using Warta.Core.Storage;

namespace Warta.Storage.Postgres;

/// <summary>The one place that turns an Npgsql or PostgreSQL error into the <see cref="StoreFailureException"/> a command prints as one line.</summary>
internal static class PostgresFailures
{
    /// <summary>Whether <paramref name="exception"/> is one this class maps (a database or connection error, not a bug).</summary>
    public static bool IsDatabaseError(Exception exception) => exception is NpgsqlException or TimeoutException;

    public static StoreFailureException Map(Exception exception, NpgsqlConnectionStringBuilder settings)
    {
        var location = PostgresLocation.Describe(settings);
        var server = $"{settings.Host}:{settings.Port}";
        var (failure, reason) = exception switch
        {
            PostgresException pg => pg.SqlState switch
            {
                "28P01" or "28000" => (StoreFailure.Refused, $"the server at {server} refused the login of user '{settings.Username}' ({OneLine(pg.MessageText)}); check the user and password"),
                "42501" => (StoreFailure.Refused, $"user '{settings.Username}' may not do this here ({OneLine(pg.MessageText)})"),
                "3D000" => (StoreFailure.Missing, $"there is no database '{settings.Database}' on {server}; create it first (createdb {settings.Database})"),
                "3F000" => (StoreFailure.Missing, $"the schema it names does not exist ({OneLine(pg.MessageText)})"),
                "53100" => (StoreFailure.Full, "the server's disk is full; the transaction was rolled back and the store keeps what it had"),
                "25006" => (StoreFailure.ReadOnly, "the server takes no writes (a read-only transaction or standby); nothing was written"),
                "55P03" or "40P01" or "40001" => (StoreFailure.Locked, $"another session held a lock it needed ({OneLine(pg.MessageText)}); nothing was written, try again"),
                "42P01" => (StoreFailure.Older, $"a table the query needs is missing ({OneLine(pg.MessageText)}); run `warta ingest` on it once to upgrade it"),
                ['0', '8', ..] or "57P01" or "57P02" or "57P03" => (StoreFailure.Unreachable, $"the server at {server} closed the connection ({OneLine(pg.MessageText)})"),
                _ => (StoreFailure.Other, $"{OneLine(pg.MessageText)} (SQLSTATE {pg.SqlState})"),
            },
            _ when Find<SocketException>(exception) is { } socket => (StoreFailure.Unreachable,
                $"cannot reach the PostgreSQL server at {server} ({socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused: is it running, on that port?",
                    SocketError.HostNotFound or SocketError.NoData => "no such host",
                    SocketError.TimedOut => "timed out",
                    _ => OneLine(socket.Message),
                }})"),
            _ when Find<TimeoutException>(exception) is not null => (StoreFailure.Unreachable, $"the PostgreSQL server at {server} did not answer in time ({OneLine(exception.Message)})"),
            NpgsqlException { IsTransient: true } => (StoreFailure.Unreachable, $"lost the connection to the PostgreSQL server at {server} ({OneLine(exception.Message)})"),
            _ => (StoreFailure.Other, OneLine(exception.Message)),
        };
        return new StoreFailureException(failure, location, reason, exception);
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found) return found;
        }
        return null;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
