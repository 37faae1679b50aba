using Xunit;

namespace Warta.Evaluation.Tests;

public class ClusteringEvaluatorTests
{
    [Fact]
    public void Should_split_a_set_into_its_earlier_and_later_half_by_publication_time()
    {
        // Given five records out of time order
        const string csv = "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
            + "1,c,http://x/1,P,b,s1,x,3000\n"
            + "2,a,http://x/2,P,b,s1,x,1000\n"
            + "3,e,http://x/3,P,b,s2,x,5000\n"
            + "4,b,http://x/4,P,b,s2,x,2000\n"
            + "5,d,http://x/5,P,b,s2,x,4000\n";
        var labeled = UciNewsReader.Read(new StringReader(csv), "dev.csv").ToList();

        // When it is split by time
        var (first, second) = ClusteringEvaluator.SplitByTime(labeled);

        // Then the earlier half holds the two earliest, the later half the rest, each in time order
        Assert.Equal(["a", "b"], first.Select(static l => l.Article.Title));
        Assert.Equal(["c", "d", "e"], second.Select(static l => l.Article.Title));
    }

    [Fact]
    public void Should_score_the_time_gap_baseline_by_arrival_gaps_alone()
    {
        // Given two bursts of headlines, the second burst holding two gold stories that arrive together
        const string csv = "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
            + "1,Fed official says weak data caused by weather,http://x/1,P,b,fed,x,1000\n"
            + "2,Fed's Plosser sees high bar for change in tapering,http://x/2,P,b,fed,x,31000\n"
            + "3,Titanfall review roundup,http://x/3,P,t,game,x,400000\n"
            + "4,Titanfall: the Joystiq review,http://x/4,P,t,game,x,410000\n"
            + "5,Snowden speaks at SXSW by video,http://x/5,P,t,nsa,x,420000\n";
        var labeled = UciNewsReader.Read(new StringReader(csv), "dev.csv").ToList();

        // When the baseline cuts at gaps over 60 seconds
        var (pair, bcubed, stories) = ClusteringEvaluator.TimeGapBaseline(labeled, TimeSpan.FromSeconds(60));

        // Then it finds the two bursts: every gold pair is together (recall 1), and of the four predicted pairs the two
        // that join the Snowden report to the game reviews are wrong
        Assert.Equal(2, stories);
        Assert.Equal(1.0, pair.Recall, 6);
        Assert.Equal(0.5, pair.Precision, 6);
        Assert.Equal((1.0 + 1.0 + (2.0 / 3) + (2.0 / 3) + (1.0 / 3)) / 5, bcubed.Precision, 6);
    }
}
