using Warta.Core.Ingestion;
using Warta.Core.Model;

namespace Warta.Cli;

/// <summary>Expands the paths given on the command line into the files to read, in a deterministic order.</summary>
internal static class InputPaths
{
    /// <summary>Lists one folder's entries (not recursively); throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot.</summary>
    internal delegate IReadOnlyList<(string Path, bool IsFolder)> FolderLister(string folder);

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        // Dot-files and dot-folders (.git, .DS_Store) are never news.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        // An unreadable folder is reported, not skipped in silence.
        IgnoreInaccessible = false,
        MatchType = MatchType.Simple,
    };

    /// <summary>
    /// Inside folders these are left out: notes and gold labels kept beside a corpus (README.md, *.tsv) and the assets of
    /// a page saved from a browser (style sheets, scripts, images, fonts) are never news. Every other file is read and
    /// its format sniffed from its content (see docs/ingestion.md); a file named explicitly is always read.
    /// </summary>
    private static readonly HashSet<string> CompanionExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".tsv", ".css", ".js", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".avif",
        ".woff", ".woff2", ".ttf", ".otf", ".eot",
    };

    /// <summary>Paths that exist neither as file nor as folder.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> paths) =>
        [.. paths.Where(static p => !File.Exists(p) && !Directory.Exists(p))];

    /// <summary>The files of <see cref="Select"/>; folders that cannot be listed are left out.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) => Select(paths).Files;

    /// <summary>
    /// Files in argument order; inside a folder, all files below it but companions (notes, labels, page assets), sorted
    /// by ordinal path (so the order does not depend on the file system). A file reached twice is read once. Names use
    /// '/' separators. A folder that cannot be listed becomes a failure naming it.
    /// </summary>
    public static InputSelection Select(IEnumerable<string> paths, FolderLister? listFolder = null)
    {
        listFolder ??= ListFolder;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        var failures = new List<IngestError>();
        foreach (var path in paths)
        {
            IEnumerable<string> found = Directory.Exists(path) ? Walk(path, listFolder, failures).Order(StringComparer.Ordinal) : [path];
            foreach (var file in found)
            {
                if (seen.Add(Path.GetFullPath(file))) files.Add(file.Replace('\\', '/'));
            }
        }
        return new InputSelection(files, failures);
    }

    private static List<string> Walk(string root, FolderLister listFolder, List<IngestError> failures)
    {
        var files = new List<string>();
        var folders = new Stack<string>([root]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            IReadOnlyList<(string Path, bool IsFolder)> entries;
            try
            {
                entries = listFolder(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new IngestError(folder.Replace('\\', '/'), null, $"folder could not be read: {e.Message}"));
                continue;
            }
            foreach (var (entry, isFolder) in entries)
            {
                if (isFolder) folders.Push(entry);
                else if (!CompanionExtensions.Contains(Path.GetExtension(entry))) files.Add(entry);
            }
        }
        return files;
    }

    private static IReadOnlyList<(string Path, bool IsFolder)> ListFolder(string folder) =>
        [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel)
            // A linked folder is not followed, so a link pointing above itself cannot loop.
            .Where(static info => info is FileInfo || info.LinkTarget is null)
            .Select(info => (Path.Combine(folder, info.Name), info is DirectoryInfo))];
}
