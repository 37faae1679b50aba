using Warta.Web.Api;
using Xunit;

namespace Warta.Web.Tests.Api;

public sealed class StoryReadCacheTests
{
    private static readonly StoreVersion Seen = new(120, 118, 0);

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
