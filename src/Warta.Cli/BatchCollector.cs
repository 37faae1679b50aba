using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Warta.Cli;

/// <summary>Runs the commands that fill a search index (<c>warta index rebuild</c>, <c>warta bench search</c>) in a child
/// process of this program whose garbage collector has the settings of batch work.</summary>
/// <remarks>
/// <para>A .NET process takes its collector's settings once, at start, and the gen-0 budget only from the environment
/// (<c>runtimeconfig.json</c> does not carry <c>GCgen0size</c>). The defaults suit <c>warta serve</c>: background gen-2
/// collections and a gen-0 budget of a few MB keep each pause short. Filling an index under them paused the process 15 %
/// of the time, and a pause stops every indexing thread: at a million articles 12,000 gen-0 and 2,800 gen-1 collections,
/// each copying what Lucene holds until it flushes a segment and the articles between their read and their indexing.
/// With a 64 MB gen-0 budget and blocking gen-2 collections, 409 gen-0 and 77 gen-1 (README, "Indexing under the batch
/// collector"). The server collector (one heap per core, with its dynamic adaptation, the default) then collects on every
/// core at once instead of one while the indexing threads wait: paused 30 s → 13-22 s, 1.8 → 1.9 cores busy, the same
/// peak (README, "The server collector for index fills"). The child inherits the console, so its output and exit code are
/// the command's; Ctrl+C and SIGTERM reach it and this process waits for it to finish.</para>
/// <para><c>WARTA_BATCH_COLLECTOR=0</c> runs such a command in one process with the defaults; a setting already in the
/// environment is kept.</para>
/// </remarks>
internal static class BatchCollector
{
    /// <summary>Set in the child (<c>1</c>), so it runs the command itself; <c>0</c> turns the child process off.</summary>
    internal const string Variable = "WARTA_BATCH_COLLECTOR";

    /// <summary>The child's collector settings: the server collector, a 64 MB gen-0 budget (hexadecimal, as the runtime reads
    /// it) and no background collections.</summary>
    internal static readonly IReadOnlyList<KeyValuePair<string, string>> Settings =
    [
        new("DOTNET_gcServer", "1"),
        new("DOTNET_GCgen0size", "0x4000000"),
        new("DOTNET_gcConcurrent", "0"),
    ];

    /// <summary>Whether this process runs under the batch settings (no background collections: the runtime reports batch latency).</summary>
    public static bool Active => GCSettings.LatencyMode == GCLatencyMode.Batch;

    /// <summary>One line on the collector this process indexes under, for a benchmark's report.</summary>
    public static string Describe()
    {
        var collector = GCSettings.IsServerGC ? "server collector" : "workstation collector";
        return Active
            ? (Environment.GetEnvironmentVariable(Variable) == "1"
                ? $"batch settings, in a process of its own ({collector}, 64 MB gen-0 budget, blocking gen-2 collections)"
                : $"batch settings ({collector}, no background collections)")
            : $"the process's defaults ({collector})";
    }

    /// <summary>Runs <paramref name="args"/> in a child process under the batch settings when its command fills an index and
    /// this process is not such a child already; returns its exit code, or null to run the command here.</summary>
    public static int? TryRunInChild(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }) return null;
        if (!WartaCommandLine.FillsIndex(args)) return null;
        var start = StartInfo(args);
        if (start is null) return null;
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The program cannot start itself (a host that forbids it): the command runs here, under the defaults.
            return null;
        }
        if (started is null) return null;
        using var child = started;
        // Ctrl+C in a terminal reaches both processes; a signal sent to this one alone is passed on. Either way the child
        // decides when the command ends (a rebuild commits what it indexed), and this process waits for it.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, child, 2));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, child, 15));
        child.WaitForExit();
        return child.ExitCode;
    }

    private static ProcessStartInfo? StartInfo(string[] args)
    {
        var host = Environment.ProcessPath;
        if (host is null) return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Run as `dotnet warta.dll …`: the host needs the program's assembly; the apphost `warta` finds it itself.
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var program = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(program)) return null;
            start.ArgumentList.Add(program);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "1";
        foreach (var (name, value) in Settings)
        {
            if (!start.Environment.ContainsKey(name)) start.Environment[name] = value;
        }
        return start;
    }

    private static void Forward(PosixSignalContext context, Process child, int signal)
    {
        context.Cancel = true;
        if (OperatingSystem.IsWindows()) return;
        try
        {
            if (!child.HasExited) _ = Kill(child.Id, signal);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
