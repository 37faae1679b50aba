using System.Text.Json.Serialization;

namespace Warta.Core.Stories;

/// <summary>Source-generated serialisers for the read-side JSON records (camelCase, nulls written, declaration order).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoryJson))]
[JsonSerializable(typeof(IReadOnlyList<StorySummaryJson>))]
[JsonSerializable(typeof(IReadOnlyList<ArticleSummaryJson>))]
[JsonSerializable(typeof(IReadOnlyList<EntityJson>))]
[JsonSerializable(typeof(IReadOnlyList<EntityDetailJson>))]
[JsonSerializable(typeof(Corrections.StoryCorrectionJson))]
[JsonSerializable(typeof(IReadOnlyList<Corrections.StoryCorrectionJson>))]
internal sealed partial class StoriesJsonContext : JsonSerializerContext;
