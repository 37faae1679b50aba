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
    public void Should_drop_the_older_answers_when_a_newer_version_is_kept_and_never_keep_an_older_one()
    {
        var cache = new StoryReadCache();
        var newer = Seen with { Changes = 125 };
        cache.Set(Seen, "api:s1", "old", 1);

        cache.Set(newer, "api:s2", "new", 1);
        cache.Set(Seen, "api:s3", "late reader", 1);

        Assert.Null(cache.Get<string>(Seen, "api:s1"));
        Assert.Null(cache.Get<string>(Seen, "api:s3"));
        Assert.Equal("new", cache.Get<string>(newer, "api:s2"));
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
