using System.Text;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Cli.Commands;

/// <summary>The JSON <c>warta keys list --json</c> prints: name, created, revoked (null while valid); never a key or its hash.</summary>
internal static class KeysJson
{
    public static string Serialize(IReadOnlyList<ApiKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ArticleJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("name", key.Name);
                writer.WriteString("created", ArticleJson.FormatInstant(key.Created));
                if (key.Revoked is { } revoked) writer.WriteString("revoked", ArticleJson.FormatInstant(revoked));
                else writer.WriteNull("revoked");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
