using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class NumberWordsTests
{
    private readonly struct Words(string text) : IWordRun
    {
        private readonly string[] _words = text.Split(' ');

        public string? LowerWordAt(int index) => index < _words.Length && _words[index].All(char.IsLetter) ? _words[index] : null;
    }

    [Theory]
    [InlineData("dua puluh lima korban", 25, 3)]
    [InlineData("seratus lima puluh rumah", 150, 3)]
    [InlineData("dua belas tiga", 12, 2)]
    [InlineData("sebelas dua", 11, 1)]
    [InlineData("seribu dua ratus warga", 1200, 3)]
    [InlineData("tiga ratus dua puluh satu", 321, 5)]
    public void Should_read_a_cardinal_spelt_in_words_and_stop_where_it_ends(string text, long expected, int next)
    {
        Assert.True(NumberWords.TryRead(new Words(text), 0, thousands: false, out var value, out var end));

        Assert.Equal(expected, value);
        Assert.Equal(next, end);
    }

    [Fact]
    public void Should_multiply_by_thousands_only_when_asked()
    {
        Assert.True(NumberWords.TryRead(new Words("dua ribu tiga ratus tahun"), 0, thousands: true, out var withThousands, out var afterThousands));
        Assert.True(NumberWords.TryRead(new Words("dua ribu tiga ratus tahun"), 0, thousands: false, out var without, out var afterDigits));

        Assert.Equal((2300L, 4), (withThousands, afterThousands));
        Assert.Equal((2L, 1), (without, afterDigits));
        Assert.True(NumberWords.TryRead(new Words("satu juta dua ratus ribu orang"), 0, thousands: true, out var millions, out var afterMillions));
        Assert.Equal((1_200_000L, 5), (millions, afterMillions));
    }

    [Theory]
    [InlineData("puluh tahun")]
    [InlineData("banjir 3")]
    [InlineData("ribu warga")]
    public void Should_read_nothing_where_no_cardinal_starts(string text)
    {
        Assert.False(NumberWords.TryRead(new Words(text), 0, thousands: true, out _, out var next));
        Assert.Equal(0, next);
    }
}
