using CsCheck;
using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class OutletNormalizerTests
{
    [Theory]
    [InlineData("RAKYATKU.COM", "rakyatku.com")]
    [InlineData("Rakyatku.Com", "rakyatku.com")]
    [InlineData("rakyatku.com", "rakyatku.com")]
    [InlineData("KOMPAS.com", "kompas.com")]
    [InlineData("KOMPAS. com", "kompas.com")]
    [InlineData("www.detik.com", "detik.com")]
    [InlineData("https://news.detik.com/berita/d-123/judul?x=1", "detik.com")]
    [InlineData("tirto.id", "tirto.id")]
    [InlineData("www.fajar.co.id", "fajar.co.id")]
    [InlineData("  CNN   Indonesia ", "cnn indonesia")]
    [InlineData("ANTARA", "antaranews.com")]
    [InlineData("Reuters", "reuters.com")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Should_normalise_outlet_mentions_to_a_host_like_key(string? raw, string expected)
    {
        Assert.Equal(expected, OutletNormalizer.Normalize(raw));
    }

    [Theory]
    [InlineData("beritakota.net", true)]
    [InlineData(" Kabarnusa.id ", true)]
    [InlineData("www.suaramerdeka.com", true)]
    [InlineData("Warta Timur - Berita Terkini", false)]
    [InlineData("Antara", false)]
    [InlineData("Rp1.500", false)]
    [InlineData(null, false)]
    public void Should_tell_a_bare_host_name_from_other_titles(string? text, bool expected)
    {
        Assert.Equal(expected, OutletNormalizer.IsHostLike(text));
    }

    private static readonly Gen<string> HostLike = Gen.String[Gen.Char["abcKOMPASwWxyz.- /:0"], 0, 30];

    [Fact]
    public void Should_be_idempotent()
    {
        Gen.OneOf(HostLike, Gen.String).Sample(raw =>
        {
            var once = OutletNormalizer.Normalize(raw);
            Assert.Equal(once, OutletNormalizer.Normalize(once));
        }, iter: 3000);
    }

    [Fact]
    public void Should_ignore_case()
    {
        HostLike.Sample(raw => Assert.Equal(
            OutletNormalizer.Normalize(raw.ToLowerInvariant()),
            OutletNormalizer.Normalize(raw.ToUpperInvariant())), iter: 3000);
    }
}
