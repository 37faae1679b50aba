using Warta.Web.Api;
using Xunit;

namespace Warta.Web.Tests.Api;

public sealed class StoryReadCacheTests
{
    private static readonly StoreVersion Seen = new(120, 118, 0);

    [Fact]
    public async Task Should_make_a_story_once_for_readers_missing_it_at_the_same_time()
    {
        // Given a cache and fifty readers asking for the same story at one version while its answer is being made
        var cache = new StoryReadCache();
        var made = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<(string Value, int Weight)?> Make()
        {
            Interlocked.Increment(ref made);
            await release.Task;
            return ("the story", 1);
        }

        // When they all ask before the first has made it
        var readers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.GetOrMakeAsync(Seen, "api:s1", Make))).ToList();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        release.SetResult();
        var answers = await Task.WhenAll(readers);

        // Then it was made once, and every reader got it
        Assert.Equal(1, made);
        Assert.All(answers, static a => Assert.Equal("the story", a));
        Assert.Equal("the story", cache.Get<string>(Seen, "api:s1"));
    }

    [Fact]
    public async Task Should_let_a_waiting_reader_make_its_own_answer_when_the_maker_fails()
    {
        // Given a reader whose making fails while another waits for it
        var cache = new StoryReadCache();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<(string Value, int Weight)?> Failing()
        {
            await release.Task;
            throw new InvalidOperationException("store closed");
        }
        var first = cache.GetOrMakeAsync(Seen, "api:s1", Failing);
        var second = cache.GetOrMakeAsync(Seen, "api:s1", static () => Task.FromResult<(string Value, int Weight)?>(("made again", 1)));

        // When the first fails
        release.SetResult();

        // Then the first sees its failure and the second makes its own answer
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("made again", await second);
    }

    [Fact]
    public void Should_give_back_an_answer_only_at_the_version_it_was_made_at()
    {
        var cache = new StoryReadCache();
        cache.Set(Seen, "api:s1", "{\"story\":1}", 1);

        Assert.Equal("{\"story\":1}", cache.Get<string>(Seen, "api:s1"));
        Assert.Null(cache.Get<string>(Seen with { Changes = 121 }, "api:s1"));
        Assert.Null(cache.Get<string>(Seen with { Views = 119 }, "api:s1"));
        Assert.Null(cache.Get<string>(Seen with { Retractions = 1 }, "api:s1"));
        Assert.Null(cache.Get<string>(Seen, "api:s2"));
    }

    [Fact]
    public void Should_keep_each_story_s_answer_at_its_own_version_and_replace_it_when_the_story_changes()
    {
        var cache = new StoryReadCache();
        var newer = Seen with { Changes = 125 };
        cache.Set(Seen, "api:s1", "s1 as it was", 1);
        cache.Set(newer, "api:s2", "s2 after a write", 1);

        // A write to s2 leaves s1's answer where it was.
        Assert.Equal("s1 as it was", cache.Get<string>(Seen, "api:s1"));
        Assert.Equal("s2 after a write", cache.Get<string>(newer, "api:s2"));

        cache.Set(newer, "api:s1", "s1 after a write", 1);
        Assert.Null(cache.Get<string>(Seen, "api:s1"));
        Assert.Equal("s1 after a write", cache.Get<string>(newer, "api:s1"));
    }

    [Fact]
    public void Should_drop_the_least_recently_read_answers_first_when_over_its_bound()
    {
        var cache = new StoryReadCache();
        var third = StoryReadCache.MaxWeight / 3;
        cache.Set(Seen, "page:a", "a", third);
        cache.Set(Seen, "page:b", "b", third);
        cache.Set(Seen, "page:c", "c", third);
        Assert.Equal("a", cache.Get<string>(Seen, "page:a"));

        cache.Set(Seen, "page:d", "d", third);

        Assert.Equal("a", cache.Get<string>(Seen, "page:a"));
        Assert.Null(cache.Get<string>(Seen, "page:b"));
        Assert.Equal("c", cache.Get<string>(Seen, "page:c"));
        Assert.Equal("d", cache.Get<string>(Seen, "page:d"));
    }

    [Fact]
    public void Should_keep_the_weight_of_what_it_holds_under_its_bound()
    {
        var cache = new StoryReadCache();
        cache.Set(Seen, "page:big", "903 articles", StoryReadCache.MaxWeight - 10);
        cache.Set(Seen, "page:small", "20 articles", 20);
        cache.Set(Seen, "page:huge", "too many", StoryReadCache.MaxWeight + 1);

        Assert.Null(cache.Get<string>(Seen, "page:big"));
        Assert.Equal("20 articles", cache.Get<string>(Seen, "page:small"));
        Assert.Null(cache.Get<string>(Seen, "page:huge"));
    }
}
