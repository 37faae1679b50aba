namespace Warta.Core.Storage;

/// <summary>Where API keys are kept, hashed: written by <c>warta keys</c>, read by the server on each authenticated request.</summary>
/// <remarks>Key writes are small transactions of their own, outside the placer's write lock, so keys can be managed
/// while a server (the lock holder) runs.</remarks>
public interface IApiKeyStore
{
    /// <summary>Stores <paramref name="key"/>; false (and nothing stored) when a key of that name exists, revoked or not.</summary>
    Task<bool> AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones included, by name.</summary>
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>The key whose hash is <paramref name="hash"/>, or null.</summary>
    Task<ApiKey?> FindApiKeyAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Marks the key named <paramref name="name"/> revoked at <paramref name="at"/>; false when there is no such key or it was revoked already.</summary>
    Task<bool> RevokeApiKeyAsync(string name, DateTimeOffset at, CancellationToken cancellationToken = default);
}
