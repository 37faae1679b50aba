using System.CommandLine;

namespace Warta.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    public static Option<string> Db { get; } = new("--db")
    {
        Description = "Path of the embedded SQLite store",
        DefaultValueFactory = _ => Warta.Storage.Sqlite.SqliteInfo.DefaultPath,
        Recursive = true,
    };
}
