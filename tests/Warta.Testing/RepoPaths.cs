namespace Warta.Testing;

/// <summary>Locates the repository root (the folder holding Warta.slnx) from a running test.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warta.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Warta.slnx not found above " + AppContext.BaseDirectory);
    }
}
