using System.Collections.Concurrent;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class IndexingWorkersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_index_every_item_and_keep_the_last_of_a_key_when_it_is_queued_again()
    {
        var last = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var running = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var overlaps = 0;
        var indexed = 0;
        var workers = new IndexingWorkers<(string Key, int Version)>(item =>
        {
            if (running.AddOrUpdate(item.Key, 1, static (_, n) => n + 1) > 1) Interlocked.Increment(ref overlaps);
            // Uneven work, so a later item of a key would overtake an earlier one if the queue let it.
            Thread.SpinWait(item.Version % 7 * 2_000);
            last[item.Key] = item.Version;
            running.AddOrUpdate(item.Key, 0, static (_, n) => n - 1);
            Interlocked.Increment(ref indexed);
        }, static item => item.Key, threads: 4);

        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var version = 0; version < 3_000; version++)
        {
            var key = "a" + (version * 7919 % 40);
            expected[key] = version;
            await workers.AddAsync((key, version), Ct);
        }
        await workers.DrainAsync();

        Assert.Equal(3_000, indexed);
        Assert.Equal(0, overlaps);
        Assert.Equal(expected.OrderBy(static p => p.Key), last.OrderBy(static p => p.Key));
        Assert.False(workers.Running);
    }

    [Fact]
    public async Task Should_go_on_with_the_next_items_while_one_takes_long()
    {
        using var slow = new ManualResetEventSlim();
        var done = new ConcurrentBag<string>();
        var workers = new IndexingWorkers<string>(item =>
        {
            // The first item stands for a document whose indexing flushes a whole segment.
            if (item == "flushing") slow.Wait(TimeSpan.FromSeconds(30));
            done.Add(item);
        }, static item => item, threads: 2);

        await workers.AddAsync("flushing", Ct);
        for (var i = 0; i < 200; i++) await workers.AddAsync("next-" + i, Ct);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (done.Count < 200 && DateTime.UtcNow < deadline) await Task.Delay(10, Ct);

        Assert.Equal(200, done.Count);
        Assert.DoesNotContain("flushing", done);
        Assert.True(workers.Holds("flushing"));
        slow.Set();
        await workers.DrainAsync();
        Assert.Contains("flushing", done);
        Assert.False(workers.Holds("flushing"));
    }

    [Fact]
    public async Task Should_throw_a_worker_s_failure_to_the_producer_and_start_again_after_it()
    {
        var indexed = new ConcurrentBag<int>();
        var workers = new IndexingWorkers<int>(item =>
        {
            if (item == 13) throw new InvalidDataException("article 13 could not be read");
            indexed.Add(item);
        }, static item => item.ToString(System.Globalization.CultureInfo.InvariantCulture), threads: 2);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            for (var i = 0; i < 5_000; i++) await workers.AddAsync(i, Ct);
            await workers.DrainAsync();
        });
        Assert.Equal("article 13 could not be read", failure.Message);
        Assert.False(workers.Running);

        await workers.AddAsync(20_000, Ct);
        await workers.DrainAsync();
        Assert.Contains(20_000, indexed);
    }
}
