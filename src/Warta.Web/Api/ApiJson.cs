using System.Text;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Core.Stories;

namespace Warta.Web.Api;

/// <summary>JSON of API answers that have no CLI twin in Core, written as <see cref="ReadJson"/> writes (indented, non-ASCII kept).</summary>
internal static class ApiJson
{
    public static string Serialize(IReadOnlyList<StoryArticleJson> articles) =>
        Write(w => JsonSerializer.Serialize(w, articles, ApiJsonContext.Default.IReadOnlyListStoryArticleJson));

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ArticleJson.WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
