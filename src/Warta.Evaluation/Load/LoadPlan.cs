namespace Warta.Evaluation.Load;

/// <summary>What a load run does: readers fetching targets as fast as they are answered while articles are POSTed at a steady rate, bounded in time and count.</summary>
public sealed record LoadPlan
{
    /// <summary>The server, on loopback only.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>What the readers fetch, round-robin from a per-reader offset.</summary>
    public required IReadOnlyList<LoadTarget> Reads { get; init; }

    /// <summary>Concurrent readers, each with one request in flight.</summary>
    public int Readers { get; init; } = 50;

    /// <summary>POSTs started per second, whatever the answers' latency (an open-loop writer, as feeds and clients are).</summary>
    public double PostsPerSecond { get; init; } = 50;

    /// <summary>How long requests keep being started.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>At most this many requests in all, whatever the duration.</summary>
    public int MaxRequests { get; init; } = 2_000_000;

    /// <summary>Where articles are POSTed (a JSON record each).</summary>
    public string PostPath { get; init; } = "/api/v1/articles";

    /// <summary>The API key the POSTs carry (Bearer), and the reads too when given.</summary>
    public string? Key { get; init; }
}
