using System.Globalization;

namespace Warta.Benchmarks.Stories;

/// <summary>
/// The CPU time of the calling thread for each story-view update of <see cref="StoryViewUpdateBenchmark"/>, from Linux's
/// <c>/proc/thread-self/schedstat</c> (nanoseconds on a CPU): on a machine shared with other builds, wall-clock medians
/// measure the queue for the two cores more than the update (at load average 25, a 10 ms update took 250 ms).
/// </summary>
/// <remarks>Run with <c>dotnet run -c Release --project bench/Warta.Benchmarks -- story-view-cpu [updates]</c>. The store
/// answers synchronously, so an update runs on the calling thread from start to end; a garbage collection it triggers is counted, a
/// background one is not.</remarks>
internal static class StoryViewUpdateCpuTime
{
    public static void Run(TextWriter output, int updates)
    {
        using var bench = new StoryViewUpdateBenchmark();
        bench.Setup();
        var cases = new (string Name, Func<long> Update)[]
        {
            (nameof(StoryViewUpdateBenchmark.UpdateStoredView), () => bench.UpdateStoredView().GetAwaiter().GetResult()),
            (nameof(StoryViewUpdateBenchmark.RebuildStoredView), () => bench.RebuildStoredView().GetAwaiter().GetResult()),
            (nameof(StoryViewUpdateBenchmark.BuildFromAnalyses), () => bench.BuildFromAnalyses()),
            (nameof(StoryViewUpdateBenchmark.BuildOnly), () => bench.BuildOnly()),
        };
        foreach (var (name, update) in cases)
        {
            var cpuMs = new List<double>();
            // The first 20 warm up the JIT's tiers.
            for (var k = 0; k < updates + 20; k++)
            {
                bench.Reset();
                var before = ThreadCpuNs();
                update();
                var after = ThreadCpuNs();
                if (k >= 20) cpuMs.Add((after - before) / 1e6);
            }
            cpuMs.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: CPU ms per update median {cpuMs[cpuMs.Count / 2]:F2}, p10 {cpuMs[cpuMs.Count / 10]:F2}, p90 {cpuMs[cpuMs.Count * 9 / 10]:F2} ({cpuMs.Count} updates)"));
        }
    }

    private static long ThreadCpuNs()
    {
        var text = File.ReadAllText("/proc/thread-self/schedstat");
        return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
