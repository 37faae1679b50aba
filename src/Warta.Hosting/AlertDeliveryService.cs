using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Storage;

namespace Warta.Hosting;

/// <summary>Delivers due alert webhooks in the background of a long-running process (<c>warta serve</c>), every <see cref="AlertOptions.PollSeconds"/>.</summary>
/// <remarks>It opens a store connection of its own: deliveries are small transactions outside the writer's lock, so they
/// never wait for a placement batch, and the writer never waits for a slow webhook.</remarks>
public sealed partial class AlertDeliveryService(
    StoreOpener storeOpener,
    AlertDeliverer deliverer,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        using var store = storeOpener.Open();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Passes until nothing more is due, so a burst of alerts is not spread over many polls.
                while ((await deliverer.RunAsync(AlertStores.Of(store), stoppingToken).ConfigureAwait(false)).Attempted > 0)
                {
                }
            }
            catch (StoreFailureException ex)
            {
                LogStoreFailed(logger, ex.Message);
            }
            try
            {
                await Task.Delay(poll, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "alert delivery could not use the store: {Message}")]
    private static partial void LogStoreFailed(ILogger logger, string message);
}
