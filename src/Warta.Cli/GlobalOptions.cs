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
}
