using Warta.Testing;

namespace Warta.Cli.Tests;

/// <summary>The sample corpus ingested once into a temporary store, shared by the golden-output tests.</summary>
/// <remarks>
/// Ingested by a real <c>warta</c> process started in the repository root with the relative path
/// <c>samples/corpus</c>, so the articles' <c>source</c> fields read as the golden files recorded them.
/// </remarks>
public sealed class IngestedSampleCorpus : IDisposable
{
    private readonly TempFolder _folder = new();

    public IngestedSampleCorpus()
    {
        Db = _folder.File("corpus.db");
        var ingest = WartaProcess.RunIn(RepoPaths.Root, "--db", Db, "ingest", "samples/corpus");
        if (ingest.ExitCode != 0) throw new InvalidOperationException($"ingesting the sample corpus failed ({ingest.ExitCode}): {ingest.Error}");
    }

    /// <summary>Path of the store holding the ingested corpus.</summary>
    public string Db { get; }

    public void Dispose() => _folder.Dispose();
}
