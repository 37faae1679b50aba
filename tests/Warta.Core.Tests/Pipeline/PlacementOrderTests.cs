using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Pipeline;

public sealed class PlacementOrderTests
{
    private static List<string> Ids(List<Article> articles) => [.. articles.Select(static a => a.Id)];

    [Fact]
    public void Should_release_nothing_until_the_window_is_full_then_the_earliest_by_time_then_id()
    {
        var order = new PlacementOrder(capacity: 2);
        var due = new List<Article>();

        order.Push(SampleArticles.Make("b", "2019-04-23T10:00"), due);
        order.Push(SampleArticles.Make("c", "2019-04-23T09:00"), due);
        Assert.Empty(due);
        order.Push(SampleArticles.Make("a", "2019-04-23T09:00"), due);

        Assert.Equal(["a"], Ids(due));
        Assert.Equal(2, order.Pending);
    }

    [Fact]
    public void Should_place_an_input_shorter_than_the_window_fully_sorted_with_undated_articles_last_by_id()
    {
        var order = new PlacementOrder();
        var due = new List<Article>();
        Article[] input =
        [
            SampleArticles.Make("undated-b"), SampleArticles.Make("late", "2019-04-24T08:00"), SampleArticles.Make("undated-a"),
            SampleArticles.Make("early", "2019-04-21T08:00"), SampleArticles.Make("mid", "2019-04-22T08:00"),
        ];

        foreach (var article in input) order.Push(article, due);
        Assert.Empty(due);
        order.Flush(due);

        Assert.Equal(["early", "mid", "late", "undated-a", "undated-b"], Ids(due));
        Assert.Equal(0, order.Pending);
    }

    [Fact]
    public void Should_pass_articles_straight_through_in_input_order_with_a_window_of_zero()
    {
        var order = new PlacementOrder(capacity: 0);
        var due = new List<Article>();

        order.Push(SampleArticles.Make("b", "2019-04-23T10:00"), due);
        order.Push(SampleArticles.Make("a", "2019-04-22T10:00"), due);

        Assert.Equal(["b", "a"], Ids(due));
    }
}
