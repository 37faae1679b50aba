namespace Warta.Cli.Tests;

/// <summary>Runs a <c>warta</c> command line inside the test process through the same entry point as the program, capturing what it prints.</summary>
internal static class WartaInProcess
{
    public static WartaResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = WartaCommandLine.Run(args, output, error);
        return new WartaResult(exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
