namespace Warta.Core.Storage;

/// <summary>A stored API key: its name (the "who" of writes made with it), the hash of its secret, when it was made and when it was revoked.</summary>
/// <param name="Name">Unique name the key was created with.</param>
/// <param name="Hash">Lower-case hex SHA-256 of the key's text (<see cref="ApiKeySecret.Hash"/>); the key itself is never stored.</param>
/// <param name="Created">When the key was made.</param>
/// <param name="Revoked">When it was revoked, or null while it is valid.</param>
public sealed record ApiKey(string Name, string Hash, DateTimeOffset Created, DateTimeOffset? Revoked)
{
    /// <summary>Whether the key may still be used.</summary>
    public bool IsValid => Revoked is null;
}
