using System.Globalization;
using Npgsql;

namespace Warta.Storage.Postgres;

/// <summary>Reads a store location that names a PostgreSQL database: a <c>postgres://user[:password]@host[:port]/database</c> URI or an Npgsql connection string (<c>Host=…;Database=…</c>).</summary>
public static class PostgresLocation
{
    private const int DefaultPort = 5432;

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than an SQLite file.</summary>
    public static bool IsPostgres(string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return false;
        var trimmed = location.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)) return true;
        // A connection string names its server; a file path holding "Host=" and a ';' is not a path anyone gives.
        return trimmed.Contains(';', StringComparison.Ordinal) || trimmed.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? TryParseConnectionString(trimmed) is { Host.Length: > 0 }
            : false;
    }

    /// <summary>The Npgsql connection string for <paramref name="location"/> (a URI is translated; a connection string is kept).</summary>
    /// <exception cref="ArgumentException">The location is neither a PostgreSQL URI nor a connection string naming a host.</exception>
    public static string ToConnectionString(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var trimmed = location.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUri(trimmed).ConnectionString;
        }
        var builder = TryParseConnectionString(trimmed);
        if (builder is not { Host.Length: > 0 }) throw new ArgumentException($"'{Describe(location)}' is neither a postgres:// URI nor an Npgsql connection string with a Host", nameof(location));
        return builder.ConnectionString;
    }

    /// <summary>The location as messages show it: <c>postgres://user@host:port/database</c>, never a password.</summary>
    public static string Describe(string location)
    {
        NpgsqlConnectionStringBuilder? builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ToConnectionStringUnchecked(location));
        }
        catch (ArgumentException)
        {
            return "postgres://(unreadable location)";
        }
        return Describe(builder);
    }

    internal static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? "" : "?search_path=" + builder.SearchPath;
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}{schema}");
    }

    private static string ToConnectionStringUnchecked(string location)
    {
        var trimmed = location.Trim();
        return trimmed.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && trimmed.Contains("://", StringComparison.Ordinal)
            ? FromUri(trimmed).ConnectionString
            : trimmed;
    }

    private static NpgsqlConnectionStringBuilder? TryParseConnectionString(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new ArgumentException("not a valid postgres:// URI", nameof(text));
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.Port > 0 ? uri.Port : DefaultPort,
        };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            // libpq's names for the settings people put in URIs; anything else is taken as an Npgsql keyword.
            switch (key.ToUpperInvariant())
            {
                case "SEARCH_PATH" or "SCHEMA":
                    builder.SearchPath = value;
                    break;
                case "SSLMODE":
                    builder["SSL Mode"] = value;
                    break;
                case "CONNECT_TIMEOUT":
                    builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "APPLICATION_NAME":
                    builder.ApplicationName = value;
                    break;
                default:
                    builder[key] = value;
                    break;
            }
        }
        return builder;
    }
}
