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
}
