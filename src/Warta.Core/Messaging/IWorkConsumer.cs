namespace Warta.Core.Messaging;

/// <summary>One consumer of a work queue: receives messages in delivery order and settles each (acknowledged or dead-lettered).</summary>
/// <remarks>A message that cannot be read at all never reaches <see cref="ReceiveAsync"/>: the consumer dead-letters it
/// with the reading error and counts it in <see cref="Malformed"/>.</remarks>
/// <typeparam name="T">What a message holds.</typeparam>
public interface IWorkConsumer<T> : IAsyncDisposable
    where T : class
{
    /// <summary>The next message, or null when none arrived within <paramref name="wait"/>.</summary>
    ValueTask<WorkDelivery<T>?> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges <paramref name="delivery"/> and every earlier delivery not settled yet: the broker forgets them.</summary>
    Task AcknowledgeAsync(WorkDelivery<T> delivery, CancellationToken cancellationToken = default);

    /// <summary>Moves <paramref name="delivery"/> to the dead-letter queue with <paramref name="error"/>, then acknowledges it here.</summary>
    Task DeadLetterAsync(WorkDelivery<T> delivery, string error, CancellationToken cancellationToken = default);

    /// <summary>Messages dead-lettered because they could not be read.</summary>
    int Malformed { get; }
}
