using System.CommandLine;

namespace Warta.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    /// <summary>The store; when not given, <c>WARTA_STORE</c>, then <c>"store"</c> in <c>warta.json</c>, then <c>./warta.db</c> (see <see cref="CliHost"/>).</summary>
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "Path of the embedded SQLite store (default: WARTA_STORE, \"store\" in ./warta.json, else ./warta.db)",
        Recursive = true,
    };
}
