using CsCheck;
using Warta.Core.Extraction.Temporal;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class TemporalTaggerPropertyTests
{
    private static readonly string[] Words =
    [
        "Selasa", "(23/4/2019)", "pekan", "ini", "lalu", "depan", "tahun", "2019", "Februari", "pukul", "20.34", "WIB", "kurang", "dari",
        "satu", "dua", "puluh", "bulan", "setiap", "hari", "saat", "dulu", "akhir", "paruh", "kedua", "(", ")", "/", ".", ",", "-",
        "Minggu", "Jl", "harga", "minyak", "12", "31/12", "kemarin", "sehari-hari", "tiga", "terakhir", "“", "”", "\n", "Des", "Mei",
    ];

    [Fact]
    public void Should_never_return_overlapping_or_out_of_bounds_spans_on_random_text()
    {
        var words = Gen.Int[0, Words.Length - 1].Select(i => Words[i]);
        var chars = Gen.Char["0123456789/.:()-, aAsSeElLiIuU\n"].Array[0, 12].Select(a => new string(a));
        var pieces = Gen.OneOf(words, words, words, chars).Array[0, 40];
        var texts = pieces.Select(Gen.Bool.Array[40], (p, spaces) => string.Concat(p.Select((w, i) => spaces[i] ? w + " " : w)));
        var references = Gen.Date[new DateTime(1950, 1, 1), new DateTime(2090, 12, 31)];

        texts.Select(references).Sample((text, date) =>
        {
            var found = TemporalTagger.Tag(Tokenizer.Tokenize(text), new DateTimeOffset(date, TimeSpan.FromHours(7)));
            var previousEnd = 0;
            foreach (var e in found)
            {
                Assert.True(e.Start >= previousEnd && e.Length > 0 && e.Start + e.Length <= text.Length, $"bad span {e.Start}+{e.Length} in '{text}'");
                Assert.Equal(text.Substring(e.Start, e.Length), e.Text);
                previousEnd = e.Start + e.Length;
            }
        }, iter: 2000);
    }
}
