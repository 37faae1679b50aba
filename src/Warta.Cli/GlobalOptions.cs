using System.CommandLine;

namespace Warta.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    /// <summary>The store (<c>--db</c> or <c>--store</c>); when not given, <c>WARTA_STORE</c>, then <c>"store"</c> in <c>warta.json</c>, then <c>./warta.db</c> (see <see cref="CliHost"/>).</summary>
    public static Option<string?> Db { get; } = new("--db", "--store")
    {
        Description = "The store: a path of the embedded SQLite file, or a postgres://user@host:port/db URI or Npgsql connection string (default: WARTA_STORE, \"store\" in ./warta.json, else ./warta.db)",
        Recursive = true,
    };

    /// <summary>The work queue (<c>--queue</c>); when not given, <c>WARTA_QUEUE</c>, then <c>"queue"</c> in <c>warta.json</c>, else none (embedded mode).</summary>
    public static Option<string?> Queue { get; } = new("--queue")
    {
        Description = "The scale-out work queue, amqp://user:password@host:port/vhost: ingest publishes to it, the workers take from it (default: WARTA_QUEUE, \"queue\" in ./warta.json, else none)",
        Recursive = true,
    };
}
