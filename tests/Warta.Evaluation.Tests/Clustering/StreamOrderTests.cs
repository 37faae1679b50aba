using Warta.Evaluation.Clustering;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Clustering;

public class StreamOrderTests
{
    [Fact]
    public void Should_release_articles_in_time_then_id_order_once_the_window_has_passed()
    {
        var order = new StreamOrder(TimeSpan.FromHours(1));

        Assert.Empty(order.Push(SampleArticles.Make("b", "2019-04-23T12:30")));
        Assert.Empty(order.Push(SampleArticles.Make("c", "2019-04-23T12:00")));
        Assert.Empty(order.Push(SampleArticles.Make("a", "2019-04-23T12:00")));
        var due = order.Push(SampleArticles.Make("d", "2019-04-23T13:01"));

        Assert.Equal(["a", "c"], due.Select(a => a.Id));
        Assert.Equal(["b", "d"], order.Flush().Select(a => a.Id));
    }
}
