using System.Diagnostics;
using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>Runs the repository's test-server scripts (<c>scripts/rabbitmq-test-server</c>, <c>scripts/postgres-test-server</c>) as an operator would.</summary>
internal static class TestScripts
{
    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/>; returns its stdout, or fails the test with its stderr.</summary>
    public static async Task<string> RunAsync(string script, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.Combine("scripts", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{script} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        return output;
    }

    /// <summary>The value a script's <c>export NAME='value'</c> line gives.</summary>
    public static string Exported(string output, string name)
    {
        var prefix = $"export {name}='";
        var line = output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..line.LastIndexOf('\'')];
    }
}
