namespace Warta.Evaluation.Load;

/// <summary>What a load run measured: latencies per read class and for POSTs, and the article ids the server acknowledged.</summary>
/// <param name="Elapsed">From the first request to the last answer.</param>
/// <param name="Reads">One summary per read class.</param>
/// <param name="Posts">The POSTs' latencies (until the server's answer, i.e. after its commit).</param>
/// <param name="Acknowledged">Article ids the server said it stored, in the order the answers came.</param>
public sealed record LoadReport(TimeSpan Elapsed, IReadOnlyList<LatencySummary> Reads, LatencySummary Posts, IReadOnlyList<string> Acknowledged);
