namespace Warta.Core.Storage;

/// <summary>Which slice of a long ordered listing to read: skip <see cref="Offset"/> items, then take at most <see cref="Limit"/>.</summary>
/// <param name="Offset">Items to skip from the start of the listing.</param>
/// <param name="Limit">Most items to return; <see cref="All"/> reads everything (for exports and replays).</param>
public readonly record struct PageRequest(int Offset, int Limit)
{
    /// <summary>The whole listing in one page.</summary>
    public static PageRequest All { get; } = new(0, int.MaxValue);

    /// <summary>The first <paramref name="limit"/> items.</summary>
    public static PageRequest First(int limit) => new(0, limit);
}
