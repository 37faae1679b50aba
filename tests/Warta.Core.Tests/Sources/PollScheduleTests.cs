using Warta.Core.Sources;
using Xunit;

namespace Warta.Core.Tests.Sources;

public sealed class PollScheduleTests
{
    private static readonly Source Feed = new("contoh", [new Uri("https://contoh.id/rss")], [])
    {
        PollInterval = TimeSpan.FromMinutes(16),
        MinPollInterval = TimeSpan.FromMinutes(5),
        MaxPollInterval = TimeSpan.FromMinutes(60),
    };

    [Fact]
    public void A_poll_with_new_items_halves_the_interval_down_to_the_minimum()
    {
        Assert.Equal(TimeSpan.FromMinutes(8), PollSchedule.Next(Feed, TimeSpan.FromMinutes(16), changed: true));
        Assert.Equal(TimeSpan.FromMinutes(5), PollSchedule.Next(Feed, TimeSpan.FromMinutes(8), changed: true));
    }

    [Fact]
    public void A_quiet_poll_grows_the_interval_by_half_up_to_the_maximum()
    {
        Assert.Equal(TimeSpan.FromMinutes(24), PollSchedule.Next(Feed, TimeSpan.FromMinutes(16), changed: false));
        Assert.Equal(TimeSpan.FromMinutes(60), PollSchedule.Next(Feed, TimeSpan.FromMinutes(50), changed: false));
    }
}
