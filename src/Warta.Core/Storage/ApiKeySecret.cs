using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Warta.Core.Storage;

/// <summary>Makes API keys and the hash under which a store keeps them.</summary>
public static class ApiKeySecret
{
    /// <summary>What every key starts with, so a leaked one is recognisable (e.g. by secret scanners).</summary>
    public const string Prefix = "wk_";

    /// <summary>Random bytes in a key: 256 bits.</summary>
    public const int RandomBytes = 32;

    /// <summary>A new key: <see cref="Prefix"/> and <see cref="RandomBytes"/> bytes from the OS's CSPRNG, base64url.</summary>
    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 text.</summary>
    /// <remarks>A plain fast hash is enough here, unlike for passwords: a key holds 256 random bits, so there is no
    /// dictionary to try and brute force over the hash is out of reach with or without a slow KDF or salt. A fast hash
    /// also lets every request be checked by one indexed lookup.</remarks>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
