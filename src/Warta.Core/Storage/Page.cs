namespace Warta.Core.Storage;

/// <summary>One slice of an ordered listing, with the size of the whole listing so a reader can page on.</summary>
/// <param name="Items">The items of this slice, in the listing's order.</param>
/// <param name="Total">Items in the whole listing.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
