using System.Text;
using Warta.Core.Ingestion;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

/// <summary>Shortcuts for feeding text or bytes to <see cref="ArticleIngestor"/> in tests.</summary>
internal static class Ingest
{
    public static IReadOnlyList<IngestOutcome> Bytes(string source, byte[] content) =>
        new ArticleIngestor().Read(new RawDocument(source, content));

    public static IReadOnlyList<IngestOutcome> Text(string source, string text) => Bytes(source, Encoding.UTF8.GetBytes(text));

    public static Article Single(string source, string text)
    {
        var outcome = Assert.Single(Text(source, text));
        Assert.Null(outcome.Error);
        return outcome.Article!;
    }

    public static Article File(string path)
    {
        var outcome = Assert.Single(Bytes(path, System.IO.File.ReadAllBytes(path)));
        Assert.Null(outcome.Error);
        return outcome.Article!;
    }
}
