using System.Globalization;

namespace Warta.Core.Pipeline;

/// <summary>Counts of one ingest run: records read, and how each ended (stored as new, already stored, failed).</summary>
/// <param name="Read">Records seen, one per article or error the readers produced; always <c>New + Duplicate + Failed</c>.</param>
/// <param name="New">Articles stored by this run.</param>
/// <param name="Duplicate">Articles whose id was already stored (by an earlier run or earlier in this one).</param>
/// <param name="Failed">Records (or whole files) that could not be read or processed.</param>
public readonly record struct IngestSummary(int Read, int New, int Duplicate, int Failed)
{
    public static IngestSummary Empty { get; } = new(0, 0, 0, 0);

    /// <summary>One record that failed, e.g. a file that could not be opened.</summary>
    public static IngestSummary OneFailed { get; } = new(1, 0, 0, 1);

    public static IngestSummary operator +(IngestSummary left, IngestSummary right) =>
        new(left.Read + right.Read, left.New + right.New, left.Duplicate + right.Duplicate, left.Failed + right.Failed);

    public IngestSummary Add(IngestSummary other) => this + other;

    /// <summary>The one-line form the CLI prints: <c>read 12, new 10, duplicate 1, failed 1</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"read {Read}, new {New}, duplicate {Duplicate}, failed {Failed}");
}
