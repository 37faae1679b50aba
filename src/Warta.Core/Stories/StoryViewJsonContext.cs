using System.Text.Json.Serialization;

namespace Warta.Core.Stories;

/// <summary>Source-generated serialiser of the stored story view (camelCase, compact).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoryView))]
internal sealed partial class StoryViewJsonContext : JsonSerializerContext;
