namespace Warta.Cli.Tests;

/// <summary>What one <c>warta</c> command line did: its exit code and what it printed (line ends as LF).</summary>
internal sealed record WartaResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
