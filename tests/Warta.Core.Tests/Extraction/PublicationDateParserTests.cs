using Warta.Core.Extraction;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class PublicationDateParserTests
{
    [Theory]
    [InlineData("Selasa, 26 Maret 2019 20:34", "2019-03-26T20:34+07:00")]
    [InlineData("Jumat, 18 Oktober 2013", "2013-10-18")]
    [InlineData("26/03/2019, 20:34 WIB", "2019-03-26T20:34+07:00")]
    [InlineData("Senin, 4 Nop 2019 09:15 WITA", "2019-11-04T09:15+08:00")]
    [InlineData("12 Agu 2020 | 10.05 WIT", "2020-08-12T10:05+09:00")]
    [InlineData("1 Des 2014", "2014-12-01")]
    [InlineData("Rabu, 15 Mei 2019 pukul 07:00 WIB", "2019-05-15T07:00+07:00")]
    [InlineData("3 Okt 2018", "2018-10-03")]
    [InlineData("March 26, 2019", "2019-03-26")]
    [InlineData("Published March 26, 2019 8:34 PM GMT+7", "2019-03-26T20:34+07:00")]
    [InlineData("Tue, Mar 26, 2019, 12:05 a.m.", "2019-03-26T00:05+07:00")]
    [InlineData("Kamis, 12 Juni 2025 - 08:30 WITA", "2025-06-12T08:30+08:00")]
    [InlineData("Jumat, 7 Feb 2025 \u2014 21:05 WIT", "2025-02-07T21:05+09:00")]
    public void Should_read_a_date_line(string line, string expected)
    {
        Assert.True(PublicationDateParser.TryParseDateLine(line, out var time));
        Assert.Equal(expected, time.ToString());
    }

    [Theory]
    [InlineData("Harga naik pada 26 Maret 2019.")]
    [InlineData("Kim Jong Un dan Donald Trump")]
    [InlineData("31 Februari 2019")]
    public void Should_refuse_lines_that_are_not_only_a_valid_date(string line)
    {
        Assert.False(PublicationDateParser.TryParseDateLine(line, out _));
    }

    [Theory]
    [InlineData("2019-04-23T10:15:00+07:00", "2019-04-23T10:15+07:00")]
    [InlineData("2019-04-23T10:15:42+07:00", "2019-04-23T10:15:42+07:00")]
    [InlineData("2019-04-23T03:15Z", "2019-04-23T03:15+00:00")]
    [InlineData("2019-04-23", "2019-04-23")]
    [InlineData("1394470371207", "2014-03-10T16:52:51+00:00")]
    public void Should_read_record_values(string value, string expected)
    {
        Assert.True(PublicationDateParser.TryParseValue(value, out var time));
        Assert.Equal(expected, time.ToString());
    }

    [Fact]
    public void Should_find_a_body_date_at_day_precision()
    {
        Assert.True(PublicationDateParser.TryFindInText("Korea Utara mengonfirmasi pada hari Selasa (23/4/2019), Kim akan datang.", out var time));
        Assert.Equal("2019-04-23", time.ToString());
    }

    [Theory]
    [InlineData("https://regional.kompas.com/read/2025/06/12/083000178/banjir-rob-di-pesisir", "2025-06-12")]
    [InlineData("https://www.tribunnews.com/regional/2024/2/9/jembatan-putus", "2024-02-09")]
    [InlineData("https://example.co.id/berita/2025/03/04", "2025-03-04")]
    public void Should_find_the_permalink_day_in_a_url_path(string url, string expected)
    {
        Assert.True(PublicationDateParser.TryFindInUrl(url, out var time));
        Assert.Equal(expected, time.ToString());
        Assert.Equal(TimePrecision.Day, time.Precision);
    }

    [Theory]
    [InlineData("https://www.detik.com/jateng/berita/d-7412345/banjir-rob")]
    [InlineData("https://example.com/2025/13/04/bulan-tidak-ada")]
    [InlineData("https://example.com/foto/2025/03/0412-galeri")]
    [InlineData(null)]
    public void Should_find_no_day_in_a_url_without_a_date_path(string? url)
    {
        Assert.False(PublicationDateParser.TryFindInUrl(url, out _));
    }
}
