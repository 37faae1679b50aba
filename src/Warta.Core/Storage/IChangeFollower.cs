namespace Warta.Core.Storage;

/// <summary>Something kept in step with the store by reading its change sequence (the search index, stored story views).</summary>
/// <remarks>
/// The store's one writer calls <see cref="CatchUpAsync"/> when it opens (so a crash between the store's commit and the
/// follower's leaves nothing missing) and after each commit. A follower remembers the last change it holds, durably and
/// next to its own data, and reads <see cref="IChangeLog.ChangesSinceAsync"/> from there, so a call that finds nothing new
/// is cheap and a repeated call changes nothing. It is built before the writer holds the store's write lock, so it takes
/// no lock of its own (an index writer, say) until its first <see cref="CatchUpAsync"/>, which runs under that lock.
/// </remarks>
public interface IChangeFollower : IDisposable
{
    /// <summary>A short name for messages ("search index").</summary>
    string Name { get; }

    /// <summary>Applies every change committed since the last one this follower holds.</summary>
    Task CatchUpAsync(CancellationToken cancellationToken = default);
}
