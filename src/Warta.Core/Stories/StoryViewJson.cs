using System.Text.Json;

namespace Warta.Core.Stories;

/// <summary>A <see cref="StoryView"/> as the compact JSON a store keeps (and reads back).</summary>
public static class StoryViewJson
{
    public static string Serialize(StoryView view) => JsonSerializer.Serialize(view, StoryViewJsonContext.Default.StoryView);

    public static StoryView Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StoryViewJsonContext.Default.StoryView) ?? throw new JsonException("story view JSON is null");
}
