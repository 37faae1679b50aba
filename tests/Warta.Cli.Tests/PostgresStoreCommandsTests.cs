using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary>The commands on a PostgreSQL store given with <c>--store postgres://…</c>: the same output as the embedded store's golden files, and one-line errors.</summary>
public sealed class PostgresStoreCommandsTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly string GoldenFolder = RepoPaths.Combine("tests", "Warta.Cli.Tests", "Golden", "corpus");

    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];

    private static string Golden(string name) => File.ReadAllText(Path.Combine(GoldenFolder, name));

    private static string Print(string store, params string[] args)
    {
        var result = WartaInProcess.Run(["--store", store, .. args]);
        Assert.True(result.ExitCode == 0, $"warta {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result.Output;
    }

    [Fact]
    public void Should_give_the_embedded_stores_stories_and_articles_after_ingesting_the_sample_corpus_into_postgresql()
    {
        database.SkipUnlessAvailable();
        var store = database.StoreUri(_scope, "corpus");

        // A real process in the repository root, as the golden files were recorded (relative source paths).
        var ingest = WartaProcess.RunIn(RepoPaths.Root, "--store", store, "ingest", "samples/corpus");
        Assert.True(ingest.ExitCode == 0, $"ingest exited {ingest.ExitCode}: {ingest.Error}");

        Assert.Equal(Golden("stories.json"), Print(store, "stories", "--json"));
        Assert.Equal(Golden("stories.txt"), Print(store, "stories"));
        Assert.Equal(Golden("articles.json"), Print(store, "articles", "--json"));
        Assert.Equal(Golden("entities.json"), Print(store, "entities", "--json"));
        var stories = Directory.EnumerateFiles(GoldenFolder, "story-*.json").Select(Path.GetFileName).ToList();
        Assert.Equal(9, stories.Count);
        foreach (var name in stories)
        {
            var id = name![6..^5];
            Assert.Equal(Golden(name), Print(store, "story", id, "--json"));
        }
    }

    [Fact]
    public void Should_say_in_one_line_that_search_is_not_supported_on_a_postgresql_store()
    {
        database.SkipUnlessAvailable();
        var store = database.StoreUri(_scope, "empty");
        var created = WartaProcess.RunIn(RepoPaths.Root, "--store", store, "ingest", "samples/corpus/html/beritakota-2025-03-04-lamaru-surut.html");

        var result = WartaInProcess.Run("--store", store, "search", "banjir");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("search is not supported for PostgreSQL stores", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Should_name_the_server_and_say_it_cannot_be_reached_when_nothing_listens_there()
    {
        // Port 1 on loopback: nothing listens, so the connection is refused at once (no test server needed).
        var result = WartaInProcess.Run("--store", "postgres://warta:secret@127.0.0.1:1/news", "stories");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("postgres://warta@127.0.0.1:1/news", result.Error, StringComparison.Ordinal);
        Assert.Contains("cannot reach the PostgreSQL server at 127.0.0.1:1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Should_say_which_database_is_missing()
    {
        database.SkipUnlessAvailable();
        var uri = new Uri(database.StoreUri(_scope, "x"));
        var missing = $"postgres://{uri.UserInfo}@{uri.Host}:{uri.Port}/no_such_database_{_scope}";

        var result = WartaInProcess.Run("--store", missing, "stories");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"there is no database 'no_such_database_{_scope}'", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }
}
