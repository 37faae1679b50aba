namespace Warta.Hosting;

/// <summary>The configured store cannot be opened or used; <see cref="Exception.Message"/> is one line naming it.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
        Location = "";
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
        Location = "";
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Location = "";
    }

    public StoreUnavailableException(string location, string reason, Exception? innerException)
        : base($"cannot open store '{location}': {reason}", innerException)
    {
        Location = location;
    }

    /// <summary>The store location that failed.</summary>
    public string Location { get; }
}
