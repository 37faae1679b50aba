using Warta.Core.Ingestion;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class ArticleIdTests
{
    [Fact]
    public void Should_ignore_whitespace_case_and_quote_style()
    {
        var a = ArticleId.Of("Harga \u201CCabai\u201D Naik", ["Harga  cabai naik\u2014lagi.", "Pembeli mengeluh."]);
        var b = ArticleId.Of("harga \"cabai\" naik", ["Harga cabai naik-lagi.\n", " Pembeli   mengeluh."]);

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Should_change_when_the_words_change()
    {
        Assert.NotEqual(ArticleId.Of("Harga Cabai Naik", ["Pembeli mengeluh."]), ArticleId.Of("Harga Cabai Turun", ["Pembeli mengeluh."]));
    }
}
