using Microsoft.Extensions.Configuration;

namespace Warta.Hosting;

/// <summary>The configuration sources of a Warta process, in rising precedence: defaults, <c>warta.json</c>, <c>WARTA_</c> environment, command line.</summary>
public static class WartaConfiguration
{
    /// <summary>The optional settings file read from the working folder.</summary>
    public const string SettingsFile = "warta.json";

    /// <summary>The prefix of environment variables that configure Warta (<c>WARTA_STORE</c>).</summary>
    public const string EnvironmentPrefix = "WARTA_";

    /// <summary>Adds Warta's sources to <paramref name="builder"/>; <paramref name="commandLine"/> holds only the options the user gave.</summary>
    /// <param name="builder">The configuration to add to.</param>
    /// <param name="folder">Where <c>warta.json</c> is looked for (the working folder by default).</param>
    /// <param name="commandLine">Keys set on the command line (e.g. <c>Store</c> from <c>--db</c>); null values are left out.</param>
    public static IConfigurationBuilder AddWartaSources(
        this IConfigurationBuilder builder, string? folder = null, IEnumerable<KeyValuePair<string, string?>>? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var file = Path.Combine(folder ?? Directory.GetCurrentDirectory(), SettingsFile);
        builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (commandLine is not null)
        {
            builder.AddInMemoryCollection(commandLine.Where(static pair => pair.Value is not null));
        }
        return builder;
    }
}
