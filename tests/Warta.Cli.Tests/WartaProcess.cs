using System.Diagnostics;

namespace Warta.Cli.Tests;

/// <summary>Runs the built <c>warta</c> as a child process, as a user would, and captures what it prints.</summary>
/// <remarks>
/// A process costs a runtime start and a cold model load per command (most of the suite's time when every test used
/// one), so tests run commands in process (<see cref="WartaInProcess"/>) and keep this for what only a process shows:
/// the real Program entry, exit codes, the README's commands, commands that print to the console directly.
/// </remarks>
internal static class WartaProcess
{
    public static WartaResult Run(params string[] args) => RunIn(AppContext.BaseDirectory, args);

    /// <summary>Runs with <paramref name="workingDirectory"/> as the current folder, so relative paths resolve against it.</summary>
    public static WartaResult RunIn(string workingDirectory, params string[] args) => RunIn(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs in <paramref name="workingDirectory"/> with <paramref name="environment"/> set (a null value removes a variable).</summary>
    public static WartaResult RunIn(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        return new WartaResult(process.ExitCode, output.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }

    /// <summary>Starts <c>warta</c> with its output redirected and returns the process: for a test that must stop it from outside (a kill).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "warta.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start warta");
    }
}
