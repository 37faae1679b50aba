namespace Warta.Cli;

/// <summary>Process exit codes shared by all commands.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some input could not be read or was not found in the store.</summary>
    public const int InputFailed = 1;

    /// <summary>The command line or its arguments (a missing path, an unusable --db) are wrong; nothing was done.</summary>
    public const int Usage = 2;
}
