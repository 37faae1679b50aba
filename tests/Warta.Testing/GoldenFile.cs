namespace Warta.Testing;

/// <summary>Compares a produced text with a file checked into the repository; <c>WARTA_UPDATE_GOLDEN=1</c> rewrites the file instead.</summary>
public static class GoldenFile
{
    public const string UpdateVariable = "WARTA_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Fails with both texts when <paramref name="actual"/> differs from the golden file (line ends normalised to LF).</summary>
    public static void Verify(string goldenPath, string actual)
    {
        ArgumentNullException.ThrowIfNull(goldenPath);
        ArgumentNullException.ThrowIfNull(actual);
        actual = actual.ReplaceLineEndings("\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(goldenPath))!);
            File.WriteAllText(goldenPath, actual);
            return;
        }
        if (!File.Exists(goldenPath))
        {
            Xunit.Assert.Fail($"golden file {goldenPath} is missing; run the tests with {UpdateVariable}=1 to create it, then review it");
        }
        var expected = File.ReadAllText(goldenPath).ReplaceLineEndings("\n");
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Xunit.Assert.Fail($"output differs from golden file {goldenPath} (rerun with {UpdateVariable}=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}");
        }
    }
}
