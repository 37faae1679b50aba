using System.Text.Json;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("\"unbalanced", "warta: query column 1: unbalanced quote: the phrase is not closed")]
    [InlineData("outlet:", "warta: query column 1: outlet: needs a value")]
    [InlineData("banjir since:2025-02-30", "warta: query column 14: '2025-02-30' is not a date (yyyy-mm-dd)")]
    public void Should_exit_2_with_one_line_naming_the_column_when_the_query_is_malformed(string query, string message)
    {
        var result = WartaInProcess.Run("--db", _folder.File("w.db"), "search", query);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([message], result.ErrorLines);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Should_tell_to_rebuild_when_the_store_has_no_index_yet()
    {
        var db = _folder.File("w.db");
        Assert.Equal(0, WartaInProcess.Run("--db", db, "ingest", SampleCorpus.Folder).ExitCode);
        Directory.Delete(db + ".search", recursive: true);

        var result = WartaInProcess.Run("--db", db, "search", "banjir");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("warta index rebuild", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_search_what_ingest_indexed_and_count_it_per_day()
    {
        var db = _folder.File("w.db");
        Assert.Equal(0, WartaInProcess.Run("--db", db, "ingest", SampleCorpus.Folder).ExitCode);

        var hits = WartaInProcess.Run("--db", db, "search", "banjir", "Lamaru", "--json");
        var perDay = WartaInProcess.Run("--db", db, "search", "banjir", "--per-day", "--json");
        var table = WartaInProcess.Run("--db", db, "search", "banjir", "--per-week", "--by-outlet");

        Assert.Equal(0, hits.ExitCode);
        using var found = JsonDocument.Parse(hits.Output);
        var total = found.RootElement.GetProperty("total").GetInt32();
        Assert.True(total >= 4);
        Assert.All(found.RootElement.GetProperty("hits").EnumerateArray(), static h => Assert.Contains("[Lamaru]", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));
        using var days = JsonDocument.Parse(perDay.Output);
        Assert.True(days.RootElement.GetArrayLength() > 3);
        Assert.All(days.RootElement.EnumerateArray(), static d => Assert.True(d.GetProperty("count").GetInt32() > 0));
        Assert.Equal(0, table.ExitCode);
        Assert.StartsWith("WEEK", table.OutputLines[0], StringComparison.Ordinal);
        Assert.EndsWith("dated matching articles", table.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_find_a_deleted_article_and_find_the_same_after_backup_delete_and_restore()
    {
        var db = _folder.File("w.db");
        Assert.Equal(0, WartaInProcess.Run("--db", db, "ingest", SampleCorpus.Folder).ExitCode);
        string[] Hits() => [.. JsonDocument.Parse(WartaInProcess.Run("--db", db, "search", "banjir", "Lamaru", "--json", "--limit", "50").Output)
            .RootElement.GetProperty("hits").EnumerateArray().Select(static h => h.GetProperty("id").GetString()!)];
        var before = Hits();
        Assert.True(before.Length >= 4);

        Assert.Equal(0, WartaInProcess.Run("--db", db, "article", "delete", before[0]).ExitCode);
        var afterDelete = Hits();
        Assert.Equal(before[1..], afterDelete);
        Assert.Equal(0, WartaInProcess.Run("--db", db, "backup", _folder.File("backup.db")).ExitCode);
        foreach (var file in Directory.GetFiles(_folder.Path, "w.db*")) File.Delete(file);
        Directory.Delete(db + ".search", recursive: true);
        Assert.Equal(0, WartaInProcess.Run("--db", db, "restore", _folder.File("backup.db")).ExitCode);

        Assert.Equal(afterDelete, Hits());
    }

    [Fact]
    public void Should_export_every_hit_as_csv_with_a_header()
    {
        var db = _folder.File("w.db");
        Assert.Equal(0, WartaInProcess.Run("--db", db, "ingest", SampleCorpus.Folder).ExitCode);
        var file = _folder.File("hits.csv");

        var result = WartaInProcess.Run("--db", db, "search", "warga", "--limit", "1", "--export", "csv", "--output", file);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(file);
        Assert.Equal("id,published,outlet,language,story,score,title,snippet", lines[0]);
        Assert.True(lines.Length > 3);
        Assert.Equal($"exported {lines.Length - 1} hits to {file}", Assert.Single(result.ErrorLines));
    }
}
