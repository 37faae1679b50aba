using System.Security.Cryptography;
using System.Text;

namespace Warta.Core.Alerts;

/// <summary>The webhook signature: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes, keyed with the rule's secret.</summary>
public static class AlertSignature
{
    /// <summary>The name of the header that carries it.</summary>
    public const string Header = "X-Warta-Signature";

    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="body"/> with <paramref name="secret"/>, compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? signature)
    {
        if (signature is null) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(body, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
