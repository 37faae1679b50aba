using Warta.Core.Clustering;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

public class StreamOrderTests
{
    private static readonly DateTimeOffset Noon = new(2019, 4, 23, 12, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Should_release_articles_in_time_then_id_order_once_the_window_has_passed()
    {
        var order = new StreamOrder(TimeSpan.FromHours(1));

        Assert.Empty(order.Push(Make("b", "t", "", Noon.AddMinutes(30))));
        Assert.Empty(order.Push(Make("c", "t", "", Noon)));
        Assert.Empty(order.Push(Make("a", "t", "", Noon)));
        var due = order.Push(Make("d", "t", "", Noon.AddMinutes(61)));

        Assert.Equal(["a", "c"], due.Select(a => a.Id));
        Assert.Equal(["b", "d"], order.Flush().Select(a => a.Id));
    }
}
