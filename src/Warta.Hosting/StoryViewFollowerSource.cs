using Warta.Core.Storage;
using Warta.Core.Stories;

namespace Warta.Hosting;

/// <summary>Opens the <see cref="StoryViewFollower"/> on the store the placement service opened, so every commit updates the stored story views.</summary>
public sealed class StoryViewFollowerSource : IChangeFollowerSource
{
    public IChangeFollower? Open(IWartaStore store, string storeLocation) => new StoryViewFollower(store, store, store, store);
}
