using Warta.Core.Extraction.Quantities;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class QuantityExtractorTests
{
    private static Quantity Single(string text)
    {
        var found = QuantityExtractor.Extract(Tokenizer.Tokenize(text));
        return Assert.Single(found);
    }

    [Fact]
    public void Should_read_a_dotted_thousand_as_an_approximate_count_of_evacuees()
    {
        var quantity = Single("Banjir memaksa sekitar 3.000 warga mengungsi.");

        Assert.Equal(3000m, quantity.Value);
        Assert.True(quantity.IsApproximate);
        Assert.Equal("pengungsi", quantity.Counts);
        Assert.Equal("sekitar 3.000 warga mengungsi", quantity.Text);
    }

    [Fact]
    public void Should_read_rupiah_with_a_decimal_comma_and_a_magnitude()
    {
        var quantity = Single("Kerugian sementara ditaksir Rp3,5 miliar.");

        Assert.Equal(3_500_000_000m, quantity.Value);
        Assert.Equal("Rp", quantity.Unit);
        Assert.Equal("kerugian", quantity.Counts);
        Assert.False(quantity.IsApproximate);
    }

    [Fact]
    public void Should_read_number_words_and_what_the_classifier_counts()
    {
        var quantity = Single("Sebanyak dua belas orang meninggal dunia.");

        Assert.Equal(12m, quantity.Value);
        Assert.Equal("orang", quantity.Unit);
        Assert.Equal("meninggal", quantity.Counts);
    }

    [Fact]
    public void Should_take_the_count_noun_before_the_number_when_none_follows()
    {
        var quantity = Single("Korban meninggal bertambah menjadi 10 orang.");

        Assert.Equal(10m, quantity.Value);
        Assert.Equal("meninggal", quantity.Counts);
    }

    [Fact]
    public void Should_read_a_vague_amount_as_approximate()
    {
        var quantity = Single("Perusahaan memberhentikan ratusan karyawan.");

        Assert.Equal(100m, quantity.Value);
        Assert.True(quantity.IsApproximate);
        Assert.Equal("karyawan", quantity.Counts);
    }

    [Fact]
    public void Should_read_a_range()
    {
        var quantity = Single("Air merendam 10-12 rumah warga.");

        Assert.Equal(10m, quantity.Value);
        Assert.Equal(12m, quantity.UpperValue);
        Assert.Equal("rumah", quantity.Counts);
    }

    [Fact]
    public void Should_leave_years_dates_and_clock_times_to_the_temporal_tagger()
    {
        var found = QuantityExtractor.Extract(Tokenizer.Tokenize("Pada 2019, Senin (16/10/2025) pukul 21.30 WIB, salah satu kios terbakar."));

        Assert.Empty(found);
    }

    [Fact]
    public void Should_give_the_sentence_index_of_each_quantity()
    {
        var found = QuantityExtractor.Extract(Tokenizer.Tokenize("Tujuh orang tewas. Lalu 35 warga dievakuasi ke masjid."));

        Assert.Equal(2, found.Count);
        Assert.Equal([0, 1], found.Select(static q => q.Sentence));
        Assert.Equal("meninggal", found[0].Counts);
    }

    [Fact]
    public void Should_not_read_an_age_in_brackets_as_a_count()
    {
        var found = QuantityExtractor.Extract(Tokenizer.Tokenize("Warga Desa Batu Hampar, Hamdani (52), berharap relokasi tidak memisahkan warga."));

        Assert.Empty(found);
    }

    [Fact]
    public void Should_count_people_by_a_classifier_not_the_villages_named_before_it()
    {
        var found = QuantityExtractor.Extract(Tokenizer.Tokenize("Warga dua desa di zona bahaya, sekitar 1.900 jiwa, diminta bersiap."));

        Assert.Equal(["desa", "warga"], found.Select(static q => q.Counts));
        Assert.Equal(1900m, found[1].Value);
    }

    [Fact]
    public void Should_not_take_a_count_noun_that_begins_a_name()
    {
        var quantity = Single("Jumlah korban meninggal akibat longsor di Nagari Koto Ilalang mencapai sembilan orang.");

        Assert.Equal("meninggal", quantity.Counts);
    }

    [Fact]
    public void Should_read_english_thousands_separated_by_a_comma()
    {
        var found = QuantityExtractor.Extract(Tokenizer.Tokenize("Some 2,300 people from three villages had been moved."), "en");

        Assert.Equal(2300m, found[0].Value);
        Assert.True(found[0].IsApproximate);
    }

    [Fact]
    public void Should_read_kilometres_per_hour_as_a_speed()
    {
        var quantity = Single("Kecepatan rata-rata sudah sesuai rencana, 70 kilometer per jam.");

        Assert.Equal(70m, quantity.Value);
        Assert.Equal("km/jam", quantity.Unit);
        Assert.Equal("70 kilometer per jam", quantity.Text);
    }
}
