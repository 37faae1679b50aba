using Warta.Cli;

namespace Warta.Web.Tests.Api;

/// <summary>Runs a <c>warta</c> command line in-process and returns what it printed, for comparing the CLI's JSON with the API's.</summary>
internal static class CliRun
{
    public static string Output(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = WartaCommandLine.Run(args, output, error);
        if (exit != 0) throw new InvalidOperationException($"warta {string.Join(' ', args)} exited {exit}: {error}");
        return output.ToString();
    }
}
