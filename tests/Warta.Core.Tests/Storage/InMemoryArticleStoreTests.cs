using Warta.Core.Storage;
using Warta.Testing;

namespace Warta.Core.Tests.Storage;

/// <summary>The pipeline tests' store must behave like the durable ones, or those tests would prove nothing.</summary>
public sealed class InMemoryArticleStoreTests : ArticleStoreContract
{
    private readonly Dictionary<string, InMemoryArticleStore> _stores = new(StringComparer.Ordinal);

    protected override IArticleStore Open(string name) =>
        _stores.TryGetValue(name, out var store) ? store : _stores[name] = new InMemoryArticleStore();
}
