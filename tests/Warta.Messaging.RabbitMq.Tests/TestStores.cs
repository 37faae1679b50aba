using System.Globalization;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Testing;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>Where a scaled-out test's placer writes: a PostgreSQL schema when <c>WARTA_TEST_POSTGRES</c> is set (as in production), else an SQLite file.</summary>
internal static class TestStores
{
    public static string Location(PostgresTestDatabase database, TempFolder folder, string name) =>
        database.ConnectionString is null ? folder.File(name + ".db") : database.StoreUri(Guid.NewGuid().ToString("N")[..8], name);

    /// <summary>Every stored article (its full JSON), its assignment, every story and merge: equal text, equal outcome.</summary>
    public static string Describe(IWartaStore store)
    {
        static string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        foreach (var article in store.List().OrderBy(static a => a.Id, StringComparer.Ordinal))
        {
            var assignment = store.GetAssignment(article.Id);
            lines.Add(ArticleJson.Serialize(article).ReplaceLineEndings(" "));
            lines.Add(assignment is { } s ? $"{article.Id} → {s.StoryId} copy of {s.CopyOfArticleId ?? "-"} at {R(s.Similarity)}" : $"{article.Id} unplaced");
        }
        lines.AddRange(store.ListStories().OrderBy(static s => s.Id, StringComparer.Ordinal).Select(static s =>
            $"story {s.Id} '{s.Headline}' {s.ArticleCount} [{string.Join(",", s.Outlets)}] {s.FirstPublished?.ToString("O", CultureInfo.InvariantCulture)} {s.LastPublished?.ToString("O", CultureInfo.InvariantCulture)}"));
        lines.AddRange(store.ListMerges().Select(static m => $"merge {m.FromStoryId} → {m.IntoStoryId} by {m.ArticleId} at {R(m.Similarity)}"));
        return string.Join('\n', lines);
    }
}
