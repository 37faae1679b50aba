using System.Text.Json;
using Warta.Core.Stories;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

/// <summary><c>warta story merge</c>, <c>warta story split</c> and <c>warta article move</c> on the ingested sample corpus, and the corrections <c>warta story</c> shows.</summary>
public sealed class CorrectionCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _db;
    private readonly List<string> _stories;

    public CorrectionCommandsTests()
    {
        _db = _folder.File("w.db");
        var ingest = WartaInProcess.Run("--db", _db, "ingest", RepoPaths.Combine("samples", "corpus"));
        Assert.Equal(0, ingest.ExitCode);
        using var store = SqliteStore.OpenForReading(_db);
        _stories = [.. new StoryQueries(store, store).CurrentAsync().GetAwaiter().GetResult()
            .Where(static s => s.ArticleCount >= 2).OrderBy(static s => s.Id, StringComparer.Ordinal).Select(static s => s.Id)];
        Assert.True(_stories.Count >= 3);
    }

    public void Dispose() => _folder.Dispose();

    private List<string> ArticlesOf(string story)
    {
        using var store = SqliteStore.OpenForReading(_db);
        return [.. store.GetAssignmentsAsync(story).GetAwaiter().GetResult().Select(static a => a.ArticleId).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Should_merge_two_stories_and_show_the_merge_with_who_made_it_in_the_story_and_its_json()
    {
        var (from, into) = (_stories[0], _stories[1]);

        var merge = WartaInProcess.Run("--db", _db, "story", "merge", from, into, "--by", "Ayu Lestari");
        var text = WartaInProcess.Run("--db", _db, "story", into);
        var json = WartaInProcess.Run("--db", _db, "story", into, "--json");

        Assert.Equal(0, merge.ExitCode);
        Assert.Matches($@"^merged story {from} into {into} by Ayu Lestari at \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00 \(change \d+\)$", merge.OutputLines.Single());
        Assert.Contains("Corrections:", text.OutputLines);
        Assert.Contains(text.OutputLines, l => l.StartsWith($"merged story {from} into {into} by Ayu Lestari", StringComparison.Ordinal));
        using var doc = JsonDocument.Parse(json.Output);
        var correction = Assert.Single(doc.RootElement.GetProperty("corrections").EnumerateArray().ToList());
        Assert.Equal(("merge", from, into, "Ayu Lestari"), (
            correction.GetProperty("kind").GetString(), correction.GetProperty("story").GetString(),
            correction.GetProperty("target").GetString(), correction.GetProperty("by").GetString()));
        Assert.Equal(ArticlesOf(from).Count + ArticlesOf(into).Count, doc.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void Should_split_articles_off_into_a_new_story_and_move_an_article_by_the_operating_system_user()
    {
        var story = _stories[0];
        var leaving = ArticlesOf(story)[0];
        var moving = ArticlesOf(_stories[2])[0];

        var split = WartaInProcess.Run("--db", _db, "story", "split", story, leaving, "--by", "redaksi");
        var move = WartaInProcess.Run("--db", _db, "article", "move", moving, story);

        Assert.Equal(0, split.ExitCode);
        Assert.StartsWith($"split {leaving} off story {story} into new story s-", split.OutputLines.Single(), StringComparison.Ordinal);
        Assert.Equal(0, move.ExitCode);
        Assert.Contains($" by {Environment.UserName} at ", move.OutputLines.Single(), StringComparison.Ordinal);
        Assert.Contains(moving, ArticlesOf(story));
        Assert.DoesNotContain(leaving, ArticlesOf(story));
        var json = WartaInProcess.Run("--db", _db, "story", story, "--json");
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal(["split", "move"], doc.RootElement.GetProperty("corrections").EnumerateArray().Select(static c => c.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Should_refuse_a_merge_into_itself_with_exit_code_2_and_an_unknown_story_with_exit_code_1_changing_nothing()
    {
        var itself = WartaInProcess.Run("--db", _db, "story", "merge", _stories[0], _stories[0]);
        var unknown = WartaInProcess.Run("--db", _db, "article", "move", ArticlesOf(_stories[0])[0], "s-no-such-story");
        var all = WartaInProcess.Run(["--db", _db, "story", "split", _stories[0], .. ArticlesOf(_stories[0])]);

        Assert.Equal(2, itself.ExitCode);
        Assert.Equal($"warta: story {_stories[0]} cannot be merged into itself; nothing changed\n", itself.Error);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no story with id or id prefix 's-no-such-story'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, all.ExitCode);
        Assert.Contains("must leave story", all.Error, StringComparison.Ordinal);
        using var store = SqliteStore.OpenForReading(_db);
        Assert.Empty(await store.ListCorrectionsAsync(_stories[0], TestContext.Current.CancellationToken));
    }
}
