using Warta.Core.Sources;
using Xunit;

namespace Warta.Core.Tests.Sources;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("https://www.kompas.com/read/2025/02/24/banjir-lamaru", "http://kompas.com/read/2025/02/24/banjir-lamaru/")]
    [InlineData("https://www.kompas.com/read/2025/02/24/banjir-lamaru", "https://amp.kompas.com/read/2025/02/24/banjir-lamaru?page=all")]
    [InlineData("https://news.detik.com/berita/d-7812345/banjir-lamaru", "https://news.detik.com/berita/d-7812345/banjir-lamaru?tag_from=wp_hl_judul&utm_source=twitter#comments")]
    [InlineData("https://www.tribunnews.com/nasional/2025/02/24/banjir", "https://m.tribunnews.com/amp/nasional/2025/02/24/banjir")]
    [InlineData("https://tirto.id/banjir-lamaru-gAbc", "https://tirto.id/banjir-lamaru-gAbc/amp")]
    [InlineData("https://contoh.id/berita?id=5&kat=2", "https://contoh.id/berita?kat=2&id=5&fbclid=IwAR0x&amp=1")]
    [InlineData("https://www.antaranews.com/berita/123/banjir", "HTTPS://WWW.ANTARANEWS.COM/berita/123/banjir")]
    public void Variants_of_one_article_share_a_key(string original, string variant) =>
        Assert.Equal(CanonicalUrl.KeyOf(original), CanonicalUrl.KeyOf(variant));

    [Theory]
    [InlineData("https://www.kompas.com/read/2025/02/24/banjir-lamaru?page=2", "https://www.kompas.com/read/2025/02/24/banjir-lamaru")]
    [InlineData("https://contoh.id/berita?id=5", "https://contoh.id/berita?id=6")]
    [InlineData("https://contoh.id/berita/1", "https://contoh.id:8443/berita/1")]
    [InlineData("https://contoh.id/Berita/1", "https://contoh.id/berita/1")]
    [InlineData("https://m.id/berita/1", "https://id/berita/1")]
    public void Different_articles_keep_different_keys(string one, string other) =>
        Assert.NotEqual(CanonicalUrl.KeyOf(one), CanonicalUrl.KeyOf(other));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://contoh.id/berita")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/berita/relatif")]
    [InlineData("")]
    public void Anything_but_an_absolute_http_url_has_no_key(string url) => Assert.Null(CanonicalUrl.KeyOf(url));

    [Fact]
    public void The_key_is_readable_https_with_the_host_lower_cased_and_idn_encoded()
    {
        Assert.Equal("https://kompas.com/read/1?a=1&b=2", CanonicalUrl.KeyOf("http://WWW.Kompas.com/read/1?b=2&a=1&utm_medium=social"));
        Assert.Equal("https://xn--brt-qla.id/x", CanonicalUrl.KeyOf("https://bärt.id/x"));
    }
}
