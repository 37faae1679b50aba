using Warta.Core.Extraction.Quantities;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return [.. SentenceSplitter.Split(tokens).Select(s => text.Substring(s.Start, s.Length))];
    }

    [Fact]
    public void Should_split_after_a_full_stop_before_a_capital_but_not_inside_numbers()
    {
        Assert.Equal(["Sebanyak 3.000 warga mengungsi pukul 21.30 WIB.", "Air surut."], Sentences("Sebanyak 3.000 warga mengungsi pukul 21.30 WIB. Air surut."));
    }

    [Fact]
    public void Should_keep_the_closing_quote_with_its_sentence_and_split_at_paragraphs()
    {
        Assert.Equal(["\"Kami siap.\"", "Kata dia", "Lalu pergi."], Sentences("\"Kami siap.\" Kata dia\n\nLalu pergi."));
    }

    [Fact]
    public void Should_not_split_after_a_title_or_an_initial()
    {
        Assert.Equal(["Menurut dr. Budi dan H. Ahmad, air naik."], Sentences("Menurut dr. Budi dan H. Ahmad, air naik."));
    }
}
