using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Warta.Core.Ingestion;
using Warta.Core.Storage;
using Warta.Storage.Sqlite;
using Warta.Testing;
using Xunit;

namespace Warta.Hosting.Tests;

/// <summary><see cref="IIngestService.SubmitCommittedAsync"/>: answered after the commit, with each document's articles and stories; concurrent submissions share commits.</summary>
public sealed class CommittedSubmissionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("news.db");

    private IHost CreateHost()
    {
        var builder = WartaHost.CreateBuilder([new("Store", Db)], _folder.Path);
        builder.Services.AddWartaPlacement(builder.Configuration);
        return builder.Build();
    }

    private static RawDocument Report(int i) => new(
        $"report-{i}.txt",
        Encoding.UTF8.GetBytes($"Banjir rendam desa nomor {i} di Bekasi\n\nBekasi, tirto.id - Banjir merendam desa nomor {i} di Bekasi setelah hujan deras semalaman. Warga desa {i} mengungsi ke masjid.\n"));

    [Fact]
    public async Task A_committed_submission_is_stored_when_its_task_completes_with_its_article_and_story()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CreateHost();
        await host.StartAsync(ct);
        var ingest = host.Services.GetRequiredService<IIngestService>();

        var documents = await ingest.SubmitCommittedAsync([Report(1), new RawDocument("empty.txt", Array.Empty<byte>())], ct);

        var article = Assert.Single(documents[0].Articles);
        Assert.True(article.New);
        Assert.NotEmpty(documents[1].Errors);
        Assert.Empty(documents[1].Articles);
        using (var store = SqliteStore.OpenForReading(Db))
        {
            Assert.Equal(article.StoryId, (await store.GetAssignmentAsync(article.Id, ct))?.StoryId);
        }
        var again = await ingest.SubmitCommittedAsync([Report(1)], ct);
        Assert.False(Assert.Single(again[0].Articles).New);
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task Concurrent_committed_submissions_share_commits_and_are_all_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CreateHost();
        await host.StartAsync(ct);
        var ingest = host.Services.GetRequiredService<IIngestService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => ingest.SubmitCommittedAsync([Report(i)], ct)));
        await host.StopAsync(ct);

        Assert.All(results, static r => Assert.True(Assert.Single(Assert.Single(r).Articles).New));
        var stats = host.Services.GetRequiredService<PlacementService>().Stats!;
        Assert.Equal(40, stats.Placed);
        // One commit per submission would be 40 (plus the final checkpoint); grouped, the waiting ones go together.
        Assert.True(stats.Commits < 40, $"{stats.Commits} commits for 40 submissions");
        using var store = SqliteStore.OpenForReading(Db);
        Assert.Equal(40, await store.CountArticlesAsync(ct));
    }

    [Fact]
    public async Task Submissions_taken_before_the_host_stops_are_committed_and_the_rest_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CreateHost();
        await host.StartAsync(ct);
        var ingest = host.Services.GetRequiredService<IIngestService>();

        var pending = Enumerable.Range(0, 20).Select(i => ingest.SubmitCommittedAsync([Report(i)], ct)).ToList();
        await host.StopAsync(ct);

        // A submission still waiting for room in the queue when the service stops is refused (never acknowledged); every
        // acknowledged one is in the store.
        var acknowledged = new List<string>();
        foreach (var submission in pending)
        {
            try
            {
                acknowledged.Add(Assert.Single(Assert.Single(await submission).Articles).Id);
            }
            catch (InvalidOperationException)
            {
            }
        }
        Assert.NotEmpty(acknowledged);
        using var store = SqliteStore.OpenForReading(Db);
        Assert.Equal(acknowledged.Count, await store.CountArticlesAsync(ct));
        Assert.All(acknowledged, id => Assert.NotNull(store.GetArticleAsync(id, ct).GetAwaiter().GetResult()));
    }

    // The timeout only ends a hang: answering after the followers would wait for a follower this test holds.
    [Fact(Timeout = 120_000)]
    public async Task A_committed_submission_is_answered_once_stored_while_a_follower_is_still_catching_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var follower = new HeldFollower();
        var builder = WartaHost.CreateBuilder([new("Store", Db)], _folder.Path);
        builder.Services.AddWartaPlacement(builder.Configuration);
        builder.Services.AddSingleton<IChangeFollowerSource>(new HeldFollowerSource(follower));
        using var host = builder.Build();
        await host.StartAsync(ct);
        var ingest = host.Services.GetRequiredService<IIngestService>();
        follower.Holding = true;

        var article = Assert.Single(Assert.Single(await ingest.SubmitCommittedAsync([Report(7)], ct)).Articles);

        Assert.False(follower.Released.Task.IsCompleted);
        using (var store = SqliteStore.OpenForReading(Db))
        {
            Assert.Equal(article.StoryId, (await store.GetAssignmentAsync(article.Id, ct))?.StoryId);
        }
        follower.Released.SetResult();
        await host.StopAsync(ct);
        Assert.True(follower.HeldCatchUps > 0);
    }

    /// <summary>A follower that catches up only once the test releases it.</summary>
    private sealed class HeldFollower : IChangeFollower
    {
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set once the host has started: the placer catches its followers up when it opens.</summary>
        public bool Holding { get; set; }

        public int HeldCatchUps { get; private set; }

        public string Name => "held";

        public async Task CatchUpAsync(CancellationToken cancellationToken = default)
        {
            if (!Holding) return;
            await Released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            HeldCatchUps++;
        }

        public void Dispose()
        {
        }
    }

    private sealed class HeldFollowerSource(HeldFollower follower) : IChangeFollowerSource
    {
        public IChangeFollower? Open(IWartaStore store, string storeLocation) => follower;
    }
}
