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
        Assert.Equal(8, stories.Count);
        foreach (var name in stories)
        {
            var id = name![6..^5];
            Assert.Equal(Golden(name), Print(store, "story", id, "--json"));
        }
    }

    [Fact]
    public void Should_search_a_postgresql_store_with_the_index_its_ingest_kept()
    {
        database.SkipUnlessAvailable();
        var store = database.StoreUri(_scope, "search");
        var created = WartaProcess.RunIn(RepoPaths.Root, "--store", store, "ingest", "samples/corpus/html/beritakota-2025-03-04-lamaru-surut.html");

        var hits = WartaInProcess.Run("--store", store, "search", "banjir", "Lamaru");
        var excluded = WartaInProcess.Run("--store", store, "search", "banjir", "-Lamaru");
        var status = WartaInProcess.Run("--store", store, "index", "status");

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.True(hits.ExitCode == 0, hits.Error);
        Assert.Contains("[Lamaru]", hits.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 of 1 matching article", hits.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("0 of 0 matching articles", excluded.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains(": 1 articles, change ", status.Output, StringComparison.Ordinal);
        Assert.Contains("(0 behind)", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_show_the_same_stories_articles_and_search_hits_on_postgresql_after_migrating_the_embedded_store()
    {
        database.SkipUnlessAvailable();
        using var folder = new TempFolder();
        var db = folder.File("warta.db");
        var rule = WartaInProcess.Run("--db", db, "alerts", "add", "--outlet-joins", "--webhook", "http://127.0.0.1:9/hook", "--name", "any outlet");
        Assert.True(rule.ExitCode == 0, rule.Error);
        var ingest = WartaInProcess.Run("--db", db, "ingest", SampleCorpus.Folder);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var store = database.StoreUri(_scope, "migrated");

        var migrate = WartaInProcess.Run("--db", db, "migrate", "--to", store);
        var again = WartaInProcess.Run("--db", db, "migrate", "--to", store);

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("indexed 43 articles", migrate.Output, StringComparison.Ordinal);
        foreach (var command in new[] { "stories", "articles", "entities" })
        {
            Assert.Equal(Print(db, command, "--json"), Print(store, command, "--json"));
        }
        // The alert rule went along with the alerts it fired while ingesting and their pending webhook deliveries.
        Assert.Equal(Print(db, "alerts", "list", "--json"), Print(store, "alerts", "list", "--json"));
        var deliveries = Print(store, "alerts", "deliveries", "--json");
        Assert.Equal(Print(db, "alerts", "deliveries", "--json"), deliveries);
        Assert.True(System.Text.Json.JsonDocument.Parse(deliveries).RootElement.GetArrayLength() > 1);
        var stories = Directory.EnumerateFiles(GoldenFolder, "story-*.json").Select(static f => Path.GetFileName(f)[6..^5]).ToList();
        Assert.Equal(8, stories.Count);
        foreach (var id in stories) Assert.Equal(Print(db, "story", id, "--json"), Print(store, "story", id, "--json"));
        foreach (var query in new[] { "banjir", "Lamaru -banjir", "\"Sungai Lamaru\" OR Seruni" })
        {
            Assert.Equal(HitIds(Print(db, "search", query, "--limit", "100", "--json")), HitIds(Print(store, "search", query, "--limit", "100", "--json")));
        }
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("it already holds articles", again.Error, StringComparison.Ordinal);
        Assert.Single(again.Error.TrimEnd().Split('\n'));
    }

    private static List<string> HitIds(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("hits").EnumerateArray().Select(static h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
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
