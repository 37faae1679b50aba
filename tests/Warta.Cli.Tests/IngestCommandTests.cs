using System.Text.RegularExpressions;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed partial class IngestCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^read (\d+), new (\d+), duplicate (\d+), failed (\d+)$")]
    private static partial Regex SummaryLine();

    private static (int Read, int New, int Duplicate, int Failed) Summary(WartaResult result)
    {
        var match = SummaryLine().Match(result.OutputLines[^1]);
        Assert.True(match.Success, $"last stdout line is not a summary: '{result.OutputLines[^1]}'");
        int N(int group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (N(1), N(2), N(3), N(4));
    }

    private string MakeCorpus()
    {
        var corpus = Path.Combine(_folder.Path, "corpus");
        Directory.CreateDirectory(Path.Combine(corpus, "2019"));
        File.WriteAllText(Path.Combine(corpus, "2019", "banjir.txt"),
            "Banjir Rendam Jakarta Timur\n\nJakarta, tirto.id - Hujan deras sejak Senin pagi membuat sungai meluap.\n\nWarga diungsikan ke masjid terdekat.\n");
        File.WriteAllText(Path.Combine(corpus, "gempa.txt"),
            "Gempa Guncang Lombok\n\nMataram, kompas.com - Gempa bermagnitudo 5,2 mengguncang Lombok Utara pada Selasa malam.\n\nTidak ada laporan korban jiwa.\n");
        File.WriteAllText(Path.Combine(corpus, ".notes"), "ignored");
        return corpus;
    }

    [Fact]
    public void Should_end_with_one_summary_line_and_exit_0_when_every_file_reads()
    {
        var corpus = MakeCorpus();

        var result = WartaInProcess.Run("ingest", corpus, "--db", _folder.File("w.db"));

        Assert.Equal((2, 2, 0, 0), Summary(result));
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.ErrorLines);
    }

    [Fact]
    public void Should_name_the_file_and_line_of_a_record_that_fails_and_exit_1_after_storing_the_rest()
    {
        // Given a corpus whose JSON Lines feed has one good record and one line that is not JSON
        var corpus = MakeCorpus();
        File.WriteAllText(Path.Combine(corpus, "feed.jsonl"),
            "{\"title\": \"Harga Cabai Naik di Pasar Induk\", \"text\": \"Harga cabai rawit naik dua kali lipat sejak pekan lalu.\"}\n{\"title\": \"Terpotong\"\n");
        var db = _folder.File("w.db");

        // When the corpus is ingested
        var result = WartaInProcess.Run("ingest", corpus, "--db", db);

        // Then the bad line is reported as one error line naming file and line, the rest is stored, and the exit code says something failed
        var summary = Summary(result);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(3, summary.New);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^error: .*corpus/feed\.jsonl \(line 2\): malformed JSON", Assert.Single(result.ErrorLines));
        using var store = new SqliteStore(db);
        Assert.Equal(3, store.Count());
    }

    [Fact]
    public void Should_count_stored_articles_as_duplicates_when_run_again()
    {
        var corpus = MakeCorpus();
        var db = _folder.File("w.db");
        var first = Summary(WartaInProcess.Run("ingest", corpus, "--db", db));

        var second = Summary(WartaInProcess.Run("ingest", corpus, "--db", db));

        Assert.Equal(first.Read, second.Read);
        Assert.Equal(0, second.New);
        Assert.Equal(first.New + first.Duplicate, second.Duplicate);
        using var store = new SqliteStore(db);
        Assert.Equal(first.New, store.Count());
    }

    [Fact]
    public async Task Should_leave_a_clusterer_checkpoint_covering_every_placed_article_after_each_run()
    {
        var corpus = MakeCorpus();
        var db = _folder.File("w.db");

        WartaInProcess.Run("ingest", Path.Combine(corpus, "gempa.txt"), "--db", db);
        using (var first = new SqliteStore(db)) Assert.Equal(1, (await first.GetCheckpointAsync(TestContext.Current.CancellationToken))?.ArticleCount);
        var second = WartaInProcess.Run("ingest", corpus, "--db", db);

        Assert.Equal("placed 1 new article in stories", second.OutputLines[0]);
        using var store = new SqliteStore(db);
        Assert.Equal(2, store.CountPlaced());
        Assert.Equal(2, (await store.GetCheckpointAsync(TestContext.Current.CancellationToken))?.ArticleCount);
    }

    [Fact]
    public void Should_exit_2_naming_the_path_and_touch_no_store_when_a_path_is_missing()
    {
        var corpus = MakeCorpus();
        var db = _folder.File("w.db");
        var missing = Path.Combine(_folder.Path, "no-such-folder");

        var result = WartaInProcess.Run("ingest", corpus, missing, "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"warta: path not found: {missing}", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Should_exit_2_for_a_command_line_that_does_not_parse()
    {
        Assert.Equal(2, WartaProcess.Run("ingest", "--db", _folder.File("w.db")).ExitCode);
        Assert.Equal(2, WartaProcess.Run("articles", "--no-such-option").ExitCode);
    }

    [Fact]
    public void Should_exit_2_with_a_clear_message_for_a_store_from_a_newer_version()
    {
        var db = _folder.File("future.db");
        using (new SqliteStore(db))
        {
        }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var result = WartaProcess.Run("ingest", MakeCorpus(), "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("schema version 99", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_files_with_unlisted_extensions_by_their_content_and_name_a_binary_one()
    {
        var corpus = Path.Combine(_folder.Path, "saved");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "berita"),
            "Banjir Rendam Jakarta Timur\n\nJakarta, tirto.id - Hujan deras sejak Senin pagi membuat sungai meluap.\n\nWarga diungsikan ke masjid terdekat.\n");
        File.WriteAllText(Path.Combine(corpus, "read.php"),
            "<!doctype html><html><head><title>Gempa Guncang Lombok Utara</title></head><body><article><p>Gempa bermagnitudo 5,2 mengguncang Lombok Utara pada Selasa malam, kata petugas.</p></article></body></html>");
        File.WriteAllBytes(Path.Combine(corpus, "dump.dat"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);

        var result = WartaProcess.Run("ingest", corpus, "--db", _folder.File("w.db"));

        Assert.Equal((3, 2, 0, 1), Summary(result));
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.Matches(@"^error: .*saved/dump\.dat: .*binary", error);
    }

    [Fact]
    public void Should_give_the_same_outlet_keys_whether_files_are_ingested_in_one_run_or_split_across_two()
    {
        // The record pairs the name "Antarprov" with antarprov.com; the page names only "(Antarprov)" in its dateline.
        var records = Path.Combine(_folder.Path, "1-records.jsonl");
        File.WriteAllText(records,
            "{\"title\": \"BNPB Salurkan Dana Siap Pakai untuk Banjir Lamaru\", \"url\": \"https://antarprov.com/daerah/2025/03/06/bnpb\", \"outlet\": \"Antarprov\", "
            + "\"published\": \"2025-03-06T11:05:00+08:00\", \"text\": \"Lamaru (Antarprov) - Badan Nasional Penanggulangan Bencana menyalurkan dana siap pakai kepada Pemerintah Kabupaten Lamaru.\"}\n");
        var page = Path.Combine(_folder.Path, "2-page.txt");
        File.WriteAllText(page,
            "Tanggul Beton Sungai Lamaru Rampung 80 Persen\n\nLamaru (Antarprov) - Pembangunan tanggul beton di tepi Sungai Lamaru telah mencapai sekitar 80 persen.\n\nWarga masih trauma tiap hujan deras.\n");
        var together = _folder.File("together.db");
        var split = _folder.File("split.db");

        Assert.Equal(0, WartaInProcess.Run("ingest", records, page, "--db", together).ExitCode);
        Assert.Equal(0, WartaInProcess.Run("ingest", records, "--db", split).ExitCode);
        Assert.Equal(0, WartaInProcess.Run("ingest", page, "--db", split).ExitCode);

        var inOneRun = Outlets(together);
        Assert.Equal(2, inOneRun.Count);
        Assert.All(inOneRun.Values, static outlet => Assert.Equal("antarprov.com", outlet));
        Assert.Equal(inOneRun, Outlets(split));
    }

    private static Dictionary<string, string> Outlets(string db)
    {
        var result = WartaInProcess.Run("articles", "--json", "--db", db);
        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        return json.RootElement.EnumerateArray().ToDictionary(static a => a.GetProperty("id").GetString()!, static a => a.GetProperty("outlet").GetString()!);
    }
}
