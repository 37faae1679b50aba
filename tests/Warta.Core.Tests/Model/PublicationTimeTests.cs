using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Model;

public class PublicationTimeTests
{
    [Fact]
    public void Should_print_day_precision_as_a_bare_date()
    {
        var time = new PublicationTime(new DateTimeOffset(2019, 4, 23, 0, 0, 0, TimeSpan.FromHours(7)), TimePrecision.Day);
        Assert.Equal("2019-04-23", time.ToString());
    }

    [Fact]
    public void Should_print_minute_precision_with_the_offset()
    {
        var time = new PublicationTime(new DateTimeOffset(2019, 3, 26, 20, 34, 0, TimeSpan.FromHours(7)), TimePrecision.Minute);
        Assert.Equal("2019-03-26T20:34+07:00", time.ToString());
    }
}
