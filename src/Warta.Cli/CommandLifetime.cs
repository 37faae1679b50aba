using Microsoft.Extensions.Hosting;

namespace Warta.Cli;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the command (System.CommandLine cancels its token) and prints no status lines.</summary>
/// <remarks>The default console lifetime would swallow SIGTERM waiting for a stop nobody asks for, and log "Application started" to stderr.</remarks>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
