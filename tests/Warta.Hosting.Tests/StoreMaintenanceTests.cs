using Microsoft.Extensions.DependencyInjection;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests;

public sealed class StoreMaintenanceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IServiceProvider Services(string store, params IChangeFollowerSource[] followers)
    {
        var builder = WartaHost.CreateBuilder([new("Store", store)], _folder.Path);
        foreach (var follower in followers) builder.Services.AddSingleton(follower);
        return builder.Build().Services;
    }

    [Fact]
    public void Should_name_a_missing_store_opened_for_reading_and_create_nothing()
    {
        var path = _folder.File("missing/news.db");

        var error = Assert.Throws<StoreUnavailableException>(() => Services(path).GetRequiredService<StoreOpener>().OpenForReading().Dispose());

        Assert.Equal(StoreFailure.Missing, Assert.IsType<StoreFailureException>(error.InnerException).Failure);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("missing")));
    }

    [Fact]
    public async Task Should_delete_an_article_under_the_write_lock_and_catch_the_change_followers_up()
    {
        var token = TestContext.Current.CancellationToken;
        var path = _folder.File("news.db");
        using (var store = new SqliteStore(path))
        {
            await store.CommitAsync(new PlacementBatch(
                [SampleArticles.Make("a1"), SampleArticles.Make("a2")],
                [new("a1", "s1", null, 0), new("a2", "s1", null, 0.8)],
                [new("s1", "Banjir di Jakarta", 2, ["tirto.id"], null, null)], []), token);
        }
        var follower = new RecordingFollowers();

        var deletion = await Services(path, follower).GetRequiredService<StoreMaintenance>().DeleteArticleAsync("a2", TimeSpan.FromSeconds(1), null, token);

        Assert.Equal(StoreChangeKind.ArticleDeleted, deletion.Change!.Kind);
        Assert.Equal([(StoreChangeKind.ArticleDeleted, "a2")], follower.Seen);
        using var after = SqliteStore.OpenForReading(path);
        Assert.Equal(1, after.GetStory("s1")!.ArticleCount);
    }

    [Fact]
    public async Task Should_wait_for_a_writer_and_give_up_as_busy_without_deleting()
    {
        var token = TestContext.Current.CancellationToken;
        var path = _folder.File("busy.db");
        using var store = new SqliteStore(path);
        store.TryAdd(SampleArticles.Make("a1"));
        await using var held = await store.AcquireWriteLockAsync(TimeSpan.Zero, null, token);
        var told = new List<string>();

        await Assert.ThrowsAsync<StoreBusyException>(() =>
            Services(path).GetRequiredService<StoreMaintenance>().DeleteArticleAsync("a1", TimeSpan.FromMilliseconds(200), told.Add, token));

        Assert.Single(told);
        Assert.True(store.Contains("a1"));
    }

    /// <summary>A follower source whose followers record the changes they catch up with, from the start of the sequence.</summary>
    private sealed class RecordingFollowers : IChangeFollowerSource
    {
        public List<(StoreChangeKind Kind, string ArticleId)> Seen { get; } = [];

        public IChangeFollower? Open(IWartaStore store, string storeLocation) => new Follower(store, Seen);

        private sealed class Follower(IWartaStore store, List<(StoreChangeKind, string)> seen) : IChangeFollower
        {
            public string Name => "recording";

            public async Task CatchUpAsync(CancellationToken cancellationToken = default)
            {
                foreach (var change in await store.ChangesSinceAsync(0, 1000, cancellationToken))
                {
                    if (change.Kind == StoreChangeKind.ArticleDeleted) seen.Add((change.Kind, change.ArticleId));
                }
            }

            public void Dispose()
            {
            }
        }
    }
}
