using Xunit;

namespace Warta.Evaluation.Tests;

public class UciNewsReaderTests
{
    [Fact]
    public void Should_read_quoted_titles_with_commas_and_doubled_quotes()
    {
        const string csv = "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
            + "1,\"Fed official says weak data caused by weather, should not \"\"slow\"\" taper\",http://x/1,Los Angeles Times,b,ddUy,www.latimes.com,1394470370698\n"
            + "2,Fed's Plosser sees high bar,http://x/2,Livemint,b,ddUy,www.livemint.com,1394470371207\n";

        var articles = UciNewsReader.Read(new StringReader(csv), "dev.csv").ToList();

        Assert.Equal(2, articles.Count);
        var first = articles[0].Article;
        Assert.Equal("Fed official says weak data caused by weather, should not \"slow\" taper", first.Title);
        Assert.Equal("uci-1", first.Id);
        Assert.Equal("los angeles times", first.Outlet);
        Assert.Equal("en", first.Language);
        Assert.Empty(first.Paragraphs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1394470370698), first.Published!.Value.Value);
        Assert.Equal("ddUy", articles[0].Gold);
        Assert.Equal("dev.csv#record 2", articles[1].Article.Source);
    }
}
