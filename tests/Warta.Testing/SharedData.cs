namespace Warta.Testing;

/// <summary>Finds the third-party labeled data in <c>../shared/data</c> beside the repository; tests skip when it is absent.</summary>
public static class SharedData
{
    /// <summary>The shared data folder, or null when it is not beside the repository.</summary>
    public static string? Root { get; } = Find();

    /// <summary>Full path of a file or folder under the shared data, skipping the calling test when it is missing.</summary>
    public static string PathOf(string relative)
    {
        var path = Root is null ? null : System.IO.Path.Combine(Root, relative);
        if (path is null || !(File.Exists(path) || Directory.Exists(path)))
        {
            Xunit.Assert.Skip($"shared data '{relative}' not found beside the repository (expected ../shared/data/{relative})");
        }
        return path!;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("WARTA_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate) && dir.GetDirectories(".git").Length == 0) return candidate;
            var sibling = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Warta.slnx")) && Directory.Exists(sibling))
                return System.IO.Path.GetFullPath(sibling);
        }
        return null;
    }
}
