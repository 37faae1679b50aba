using System.Diagnostics;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The built <c>warta</c> as a child process, as an operator runs it: <c>warta.dll</c> beside the tests, <c>WARTA_</c> settings in its environment.</summary>
internal static class WartaProcess
{
    /// <summary>Starts <c>warta</c> with its output drained (read it with <see cref="RunAsync"/> instead when it matters).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start(workingDirectory, environment, null, args);

    /// <summary>As <see cref="Start(string, IReadOnlyDictionary{string, string?}, string[])"/>, telling <paramref name="onLine"/> each line it writes (stdout and stderr).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, Action<string>? onLine, params string[] args)
    {
        var process = Process.Start(Info(workingDirectory, environment, args)) ?? throw new InvalidOperationException("could not start warta");
        // Drained so a full pipe never blocks the worker.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine?.Invoke(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>warta</c> to its end and returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Process.Start(Info(workingDirectory, environment, args)) ?? throw new InvalidOperationException("could not start warta");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Eventually.Limit);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, output.ReplaceLineEndings("\n"), (await error).ReplaceLineEndings("\n"));
    }

    private static ProcessStartInfo Info(string workingDirectory, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        // The test runner's own settings never leak into the command (CI sets WARTA_ variables for other tests).
        foreach (var name in new[] { "WARTA_QUEUE", "WARTA_QUEUEPREFIX", "WARTA_STORE" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "warta.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }
}
