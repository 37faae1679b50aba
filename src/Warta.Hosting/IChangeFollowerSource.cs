using Warta.Core.Storage;
using Warta.Storage.Sqlite;

namespace Warta.Hosting;

/// <summary>Opens one <see cref="IChangeFollower"/> on the store the placement service opened; registered in DI, one per kind of follower.</summary>
/// <remarks>The placement service owns what it opens: it disposes each follower when it stops.</remarks>
public interface IChangeFollowerSource
{
    /// <summary>The follower for <paramref name="store"/>, whose file is at <paramref name="storeLocation"/> (a search index lives beside it).</summary>
    IChangeFollower Open(SqliteStore store, string storeLocation);
}
