namespace Warta.Messaging.RabbitMq;

/// <summary>The work queue cannot be used; the message names it (without a password) and says why.</summary>
public sealed class WorkQueueUnavailableException : Exception
{
    public WorkQueueUnavailableException()
    {
    }

    public WorkQueueUnavailableException(string message)
        : base(message)
    {
    }

    public WorkQueueUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkQueueUnavailableException(string location, string reason, Exception? innerException = null)
        : base($"work queue '{location}': {reason}", innerException)
    {
        Location = location;
    }

    /// <summary>The queue as messages show it.</summary>
    public string? Location { get; }
}
