using System.Globalization;
using System.Text.Json;
using Warta.Core.Model;

namespace Warta.Messaging.RabbitMq;

/// <summary>Reading and writing the fields the two message kinds share; a missing or mistyped field is an <see cref="InvalidDataException"/>.</summary>
internal static class WireJson
{
    public static void WriteTime(Utf8JsonWriter writer, string name, PublicationTime? time)
    {
        if (time is not { } value)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        // Round-trip format: the instant and the outlet's offset come back exactly.
        writer.WriteString("value", value.Value.ToString("o", CultureInfo.InvariantCulture));
        writer.WriteString("precision", value.Precision.ToString());
        writer.WriteEndObject();
    }

    public static PublicationTime? ReadTime(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        var value = DateTimeOffset.ParseExact(RequiredString(element, "value"), "o", CultureInfo.InvariantCulture, DateTimeStyles.None);
        if (!Enum.TryParse<TimePrecision>(RequiredString(element, "precision"), ignoreCase: false, out var precision))
        {
            throw new InvalidDataException($"'{name}.precision' is not a time precision");
        }
        return new PublicationTime(value, precision);
    }

    public static string RequiredString(JsonElement parent, string name) =>
        OptionalString(parent, name) ?? throw new InvalidDataException($"'{name}' is missing");

    public static string? OptionalString(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object) throw new InvalidDataException("a JSON object was expected");
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        return element.ValueKind == JsonValueKind.String ? element.GetString() : throw new InvalidDataException($"'{name}' is not a string");
    }

    public static List<string> Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return [];
        if (element.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"'{name}' is not an array");
        var values = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new InvalidDataException($"'{name}' holds a non-string"));
        }
        return values;
    }
}
