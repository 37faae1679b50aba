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

    /// <summary>
    /// Inside folders only these are read, so label files and notes kept beside a corpus (README.md, *.tsv) are not
    /// taken for news; a file named explicitly is always read, whatever its extension.
    /// </summary>
    private static readonly HashSet<string> ArticleExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".csv", ".tml", ".xml",
    };

    /// <summary>Paths that exist neither as file nor as folder.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> paths) =>
        [.. paths.Where(static p => !File.Exists(p) && !Directory.Exists(p))];

    /// <summary>
    /// Files in argument order; inside a folder, all article files below it sorted by ordinal relative path (so the order does
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
                    .Where(static file => ArticleExtensions.Contains(Path.GetExtension(file)))
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
