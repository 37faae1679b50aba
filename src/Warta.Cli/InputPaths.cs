namespace Warta.Cli;

/// <summary>Expands the paths given on the command line into the files to read, in a deterministic order.</summary>
internal static class InputPaths
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        // Dot-files and dot-folders (.git, .DS_Store) are never news.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
    };

    /// <summary>Paths that exist neither as file nor as folder.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> paths) =>
        [.. paths.Where(static p => !File.Exists(p) && !Directory.Exists(p))];

    /// <summary>
    /// Files in argument order; inside a folder, all files below it sorted by ordinal relative path (so the order does
    /// not depend on the file system). A file reached twice is read once. Names use '/' separators.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var path in paths)
        {
            IEnumerable<string> found = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", Walk)
                    .Select(file => Path.Combine(path, Path.GetRelativePath(path, file)))
                    .Order(StringComparer.Ordinal)
                : [path];
            foreach (var file in found)
            {
                if (seen.Add(Path.GetFullPath(file))) files.Add(file.Replace('\\', '/'));
            }
        }
        return files;
    }
}
