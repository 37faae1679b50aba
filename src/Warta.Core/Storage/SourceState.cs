namespace Warta.Core.Storage;

/// <summary>What the store remembers of one followed source between polls: when it was last polled and its adapted interval.</summary>
/// <param name="Name">The source's name (its key in the sources file).</param>
/// <param name="LastPoll">When the last poll finished.</param>
/// <param name="Interval">The poll interval adapted to how often the source changes.</param>
public sealed record SourceState(string Name, DateTimeOffset LastPoll, TimeSpan Interval)
{
    /// <summary>When the source is next due.</summary>
    public DateTimeOffset NextPoll => LastPoll + Interval;
}
