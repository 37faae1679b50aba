using Microsoft.Extensions.Options;
using Warta.Core.Messaging;
using Warta.Messaging.RabbitMq;

namespace Warta.Hosting;

/// <summary>The one place that decides which work queue to open, from <see cref="WorkQueueOptions"/>; none configured is the embedded mode.</summary>
public sealed class WorkQueueOpener(IOptions<WorkQueueOptions> options, IOptions<WorkerOptions> workerOptions)
{
    /// <summary>Whether a work queue is configured (scale-out mode).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Queue);

    /// <summary>The queue as messages show it, without a password.</summary>
    public string DisplayLocation => IsConfigured ? RabbitMqWorkQueue.Describe(options.Value.Queue!) : "(none)";

    /// <summary>Connects to the configured broker and declares the queues; a connection dropped later is opened again for up to <see cref="WorkerOptions.ReconnectSeconds"/>.</summary>
    /// <param name="clientName">Shown in the broker's connection list (<c>warta worker annotate</c>, …).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="WorkQueueUnavailableException">None is configured, or the broker cannot be used; the message says why.</exception>
    public async Task<IWorkQueue> OpenAsync(string clientName, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured) throw new WorkQueueUnavailableException("no work queue is configured (--queue amqp://…, WARTA_QUEUE or \"queue\" in warta.json)");
        return await RabbitMqWorkQueue.ConnectAsync(
            options.Value.Queue!, options.Value.QueuePrefix, clientName, TimeSpan.FromSeconds(workerOptions.Value.ReconnectSeconds), workerOptions.Value.DeliveryLimit,
            cancellationToken).ConfigureAwait(false);
    }
}
