using Warta.Testing;

namespace Warta.Core.Tests.Storage;

/// <summary>The placer tests' store must behave like the durable one, or those tests would prove nothing.</summary>
public sealed class InMemoryStoreTests : StoryStoreContract<InMemoryStore>
{
    private readonly Dictionary<string, InMemoryStore> _stores = new(StringComparer.Ordinal);

    protected override InMemoryStore Open(string name) =>
        _stores.TryGetValue(name, out var store) ? store : _stores[name] = new InMemoryStore();
}
