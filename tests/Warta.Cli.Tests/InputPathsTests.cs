using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class InputPathsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Touch(string relative)
    {
        var path = Path.Combine(_folder.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void Should_expand_folders_recursively_in_ordinal_order_skipping_dot_files_and_repeats()
    {
        foreach (var name in new[] { "c/z.txt", "a.txt", "B.txt", "c/a/b.txt", ".git/config", "c/.hidden", "b.jsonl" }) Touch(name);
        var root = _folder.Path.Replace('\\', '/');

        var files = InputPaths.Expand([Path.Combine(_folder.Path, "b.jsonl"), _folder.Path]);

        Assert.Equal(
            [$"{root}/b.jsonl", $"{root}/B.txt", $"{root}/a.txt", $"{root}/c/a/b.txt", $"{root}/c/z.txt"],
            files);
    }

    [Fact]
    public void Should_name_only_the_paths_that_do_not_exist()
    {
        var file = Touch("here.txt");
        var gone = Path.Combine(_folder.Path, "gone");

        Assert.Equal([gone], InputPaths.Missing([file, _folder.Path, gone]));
    }

    [Fact]
    public void Should_select_files_of_any_extension_in_a_folder_but_notes_labels_and_page_assets()
    {
        foreach (var name in new[] { "berita", "read.php", "page.aspx", "README.md", "labels.tsv", "page_files/logo.png", "page_files/site.css", "a.txt" }) Touch(name);
        var root = _folder.Path.Replace('\\', '/');

        var selection = InputPaths.Select([_folder.Path]);

        Assert.Equal([$"{root}/a.txt", $"{root}/berita", $"{root}/page.aspx", $"{root}/read.php"], selection.Files);
        Assert.Empty(selection.Failures);
    }

    [Fact]
    public void Should_report_a_folder_that_cannot_be_listed_and_keep_the_rest()
    {
        Touch("ok/a.txt");
        Touch("locked/b.txt");
        var locked = Path.Combine(_folder.Path, "locked");
        IReadOnlyList<(string Path, bool IsFolder)> List(string folder)
        {
            if (folder == locked) throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied.");
            return [.. Directory.EnumerateFileSystemEntries(folder).Select(static e => (e, Directory.Exists(e)))];
        }

        var selection = InputPaths.Select([_folder.Path], List);

        Assert.Equal([$"{_folder.Path.Replace('\\', '/')}/ok/a.txt"], selection.Files);
        var failure = Assert.Single(selection.Failures);
        Assert.Equal(locked.Replace('\\', '/'), failure.Source);
        Assert.StartsWith("folder could not be read", failure.Message, StringComparison.Ordinal);
    }
}
