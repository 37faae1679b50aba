namespace Warta.Core.Sources;

/// <summary>The adaptive poll interval: shorter after a poll that found new items, longer after one that found none, within the source's bounds.</summary>
/// <remarks>Halving on change and growing by half otherwise (multiplicative, like TCP's congestion window) settles near the
/// feed's own publishing rate within a few polls, and a quiet feed reaches <see cref="Source.MaxPollInterval"/> after about
/// six empty polls from the default.</remarks>
public static class PollSchedule
{
    /// <summary>The interval after a poll of <paramref name="source"/> that used <paramref name="current"/> and found new items or not.</summary>
    public static TimeSpan Next(Source source, TimeSpan current, bool changed)
    {
        ArgumentNullException.ThrowIfNull(source);
        var next = changed ? current / 2 : current * 1.5;
        if (next < source.MinPollInterval) next = source.MinPollInterval;
        if (next > source.MaxPollInterval) next = source.MaxPollInterval;
        return next;
    }
}
