using Warta.Core.Extraction;
using Warta.Core.Stories.Corrections;

namespace Warta.Core.Storage;

/// <summary>A whole Warta store as a process opens it (the embedded SQLite file or a PostgreSQL database): every role a store plays, behind one type.</summary>
/// <remarks>Hosts, commands and the web app hold this instead of a concrete store; what only one kind of store can do
/// (an SQLite file's backup, say) is reached by a type check at the call site, which says so when the store is another kind.</remarks>
public interface IWartaStore :
    IArticleStore, IStoryStore, IPlacementStore, IArticleReader, IStoryReader, IStoryViewStore, IApiKeyStore, IStoryCorrectionStore
{
    /// <summary>Where the store is, for messages: the SQLite file's full path, or the PostgreSQL server and database (never a password).</summary>
    string Location { get; }

    /// <summary>Every outlet name-domain pairing stored so far, in name then domain order.</summary>
    IReadOnlyList<OutletPairing> ReadOutletPairings();
}
