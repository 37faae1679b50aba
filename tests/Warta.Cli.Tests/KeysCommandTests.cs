using System.Text.Json;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Cli.Tests;

public sealed class KeysCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("keys.db");

    [Fact]
    public async Task Should_print_a_new_key_once_and_store_only_its_hash()
    {
        var created = WartaInProcess.Run("--db", Db, "keys", "create", "desk");

        Assert.Equal(0, created.ExitCode);
        var key = Assert.Single(created.OutputLines);
        Assert.StartsWith(ApiKeySecret.Prefix, key, StringComparison.Ordinal);
        Assert.Equal(ApiKeySecret.Prefix.Length + 43, key.Length);
        using var store = SqliteStore.OpenForReading(Db);
        var stored = Assert.Single(await store.ListApiKeysAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("desk", ApiKeySecret.Hash(key)), (stored.Name, stored.Hash));
        Assert.DoesNotContain(key, File.ReadAllText(Db), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_names_and_times_but_never_the_key_and_revoke_by_name()
    {
        var key = WartaInProcess.Run("--db", Db, "keys", "create", "desk").OutputLines[0];
        Assert.Equal(0, WartaInProcess.Run("--db", Db, "keys", "create", "bot-1").ExitCode);

        var revoked = WartaInProcess.Run("--db", Db, "keys", "revoke", "desk");
        var list = WartaInProcess.Run("--db", Db, "keys", "list", "--json");
        var text = WartaInProcess.Run("--db", Db, "keys", "list");

        Assert.Equal(0, revoked.ExitCode);
        using var json = JsonDocument.Parse(list.Output);
        Assert.Equal(["bot-1", "desk"], json.RootElement.EnumerateArray().Select(static k => k.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, json.RootElement[0].GetProperty("revoked").ValueKind);
        Assert.Equal(JsonValueKind.String, json.RootElement[1].GetProperty("revoked").ValueKind);
        Assert.DoesNotContain(key, list.Output + text.Output, StringComparison.Ordinal);
        Assert.Contains(text.OutputLines, static l => l.StartsWith("desk", StringComparison.Ordinal) && l.Contains("revoked", StringComparison.Ordinal));
        Assert.Equal("2 keys", text.OutputLines[^1]);
    }

    [Fact]
    public void Should_refuse_a_taken_or_bad_name_and_an_unknown_revoke()
    {
        Assert.Equal(0, WartaInProcess.Run("--db", Db, "keys", "create", "desk").ExitCode);

        var taken = WartaInProcess.Run("--db", Db, "keys", "create", "desk");
        var bad = WartaInProcess.Run("--db", Db, "keys", "create", "two words");
        var unknown = WartaInProcess.Run("--db", Db, "keys", "revoke", "nobody");

        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("exists already", taken.Error, StringComparison.Ordinal);
        Assert.Empty(taken.OutputLines);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(1, unknown.ExitCode);
    }

    [Fact]
    public async Task Should_create_a_key_while_a_writer_holds_the_store_s_write_lock()
    {
        // Given a running writer (a server's placer) holding the lock
        using var store = new SqliteStore(Db);
        await using var held = await store.AcquireWriteLockAsync(TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);

        // When a key is made beside it, then it is stored without waiting for the lock
        var created = WartaInProcess.Run("--db", Db, "keys", "create", "desk");

        Assert.Equal(0, created.ExitCode);
        Assert.NotNull(await store.FindApiKeyAsync(ApiKeySecret.Hash(created.OutputLines[0]), TestContext.Current.CancellationToken));
    }
}
