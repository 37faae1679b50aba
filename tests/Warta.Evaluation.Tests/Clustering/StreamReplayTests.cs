using Warta.Evaluation.Clustering;
using Warta.Testing;
using Xunit;

namespace Warta.Evaluation.Tests.Clustering;

public class StreamReplayTests
{
    [Fact]
    public void Should_give_each_round_fresh_ids_in_stream_order_after_the_idle_window_of_the_round_before()
    {
        // Given a set out of order spanning one day
        var replay = new StreamReplay([SampleArticles.Make("b", "2019-04-24T10:00"), SampleArticles.Make("a", "2019-04-23T10:00")]);

        // When rounds 0 and 1 are taken
        var first = replay.Round(0).ToList();
        var second = replay.Round(1).ToList();

        // Then ids carry the round, order is by time, and round 1 starts more than 60 days after round 0 ends
        Assert.Equal(["a-0", "b-0"], first.Select(a => a.Id));
        Assert.Equal(["a-1", "b-1"], second.Select(a => a.Id));
        Assert.Equal(TimeSpan.FromDays(91), second[0].Published!.Value.Value - first[0].Published!.Value.Value);
        Assert.True(second[0].Published!.Value.Value - first[^1].Published!.Value.Value > TimeSpan.FromDays(60));
    }
}
