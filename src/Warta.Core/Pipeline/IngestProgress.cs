namespace Warta.Core.Pipeline;

/// <summary>Where a multi-document ingest stands, reported after each document.</summary>
/// <param name="DocumentsDone">Documents finished so far.</param>
/// <param name="LastSource">The document just finished.</param>
/// <param name="Summary">Counts so far.</param>
public sealed record IngestProgress(int DocumentsDone, string LastSource, IngestSummary Summary);
