using System.Text.Json.Serialization;
using Warta.Core.Model;

namespace Warta.Core.Storage;

/// <summary>Source-generated JSON for the columns that hold lists and annotations; compact, enums as names.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(ArticleAnnotations))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class StoreJsonContext : JsonSerializerContext;
