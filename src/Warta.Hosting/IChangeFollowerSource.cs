using Warta.Core.Storage;

namespace Warta.Hosting;

/// <summary>Opens one <see cref="IChangeFollower"/> on the store the placement service opened; registered in DI, one per kind of follower.</summary>
/// <remarks>The placement service owns what it opens: it disposes each follower when it stops.</remarks>
public interface IChangeFollowerSource
{
    /// <summary>The follower for <paramref name="store"/>, configured at <paramref name="storeLocation"/> (a search index lives beside an SQLite file); null when this kind of follower has nothing to follow in that kind of store.</summary>
    IChangeFollower? Open(IWartaStore store, string storeLocation);
}
