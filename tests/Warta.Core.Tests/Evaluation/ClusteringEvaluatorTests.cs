using Warta.Core.Evaluation;
using Xunit;

namespace Warta.Core.Tests.Evaluation;

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
}
