using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class DeskCreditTests
{
    [Theory]
    [InlineData("Redaksi Warta Timur", "")]
    [InlineData("Tim Redaksi", "tribunnews.com")]
    [InlineData("Desk Internasional", "tempo.co")]
    [InlineData("Tim Kompas.com", "kompas.com")]
    [InlineData("Tim detikcom", "detik.com")]
    [InlineData("Tim Pikiran Rakyat", "pikiranrakyat.com")]
    [InlineData("Antara English Service", "antaranews.com")]
    [InlineData("Antara Jateng", "antara")]
    public void Should_recognise_a_desk_credit(string name, string outlet)
    {
        Assert.True(DeskCredit.Matches(name, outlet));
    }

    [Theory]
    [InlineData("Rudi Hartanto", "kompas.com")]
    [InlineData("Tim Lister", "cnnindonesia.com")]
    [InlineData("Suarawati", "suara.com")]
    [InlineData("Andi Tempo Saputra", "")]
    [InlineData("Ahmad Detik", "")]
    public void Should_keep_a_person(string name, string outlet)
    {
        Assert.False(DeskCredit.Matches(name, outlet));
    }
}
