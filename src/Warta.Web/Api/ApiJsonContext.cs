using System.Text.Json.Serialization;
using Warta.Core.Stories;

namespace Warta.Web.Api;

/// <summary>Source-generated serialisers for the API's own JSON (camelCase, as the read side's).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<StoryArticleJson>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
