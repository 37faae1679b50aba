using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class PageCleanerTests
{
    [Fact]
    public void Should_strip_header_noise_of_an_invented_page()
    {
        const string page = """
            Kamis, 5 Desember 2013 | 14:05 WIB

            Pasar Baru Dibuka di Tengah Kota

            Penulis: Dian Rahma | Editor: Agus Salim
            Foto pasar baru
            Foto pasar baru
            Baca juga: Pasar Lama Ditutup

            BANDUNG, PIKIRAN-RAKYAT.com — Pasar baru dibuka hari ini di tengah kota.

            Pedagang menyambut "gembira" pembukaan itu.

            Simak video berikut ini
            Lihat juga
            """;

        var cleaned = PageCleaner.Clean(page);

        Assert.Equal("Pasar Baru Dibuka di Tengah Kota", cleaned.Title);
        Assert.Equal("2013-12-05T14:05+07:00", cleaned.DateLine?.ToString());
        Assert.Equal(["Dian Rahma"], cleaned.Authors);
        Assert.Equal("PIKIRAN-RAKYAT.com", cleaned.DatelineOutlet);
        Assert.Equal(["Pasar baru dibuka hari ini di tengah kota.", "Pedagang menyambut \"gembira\" pembukaan itu."], cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("Dewi Anggraini | Kamis, 27 Februari 2025 13:45 WITA", "2025-02-27T13:45+08:00", "Dewi Anggraini")]
    [InlineData("Senin, 11 Agustus 2025 | 14:35 WITA \u00B7 Penulis: Nurul Hidayah \u00B7 Editor: Andi Rahmat", "2025-08-11T14:35+08:00", "Nurul Hidayah")]
    [InlineData("Rabu, 5 Maret 2025 \u2022 Oleh Rina Marlina", "2025-03-05", "Rina Marlina")]
    public void Should_read_a_meta_line_joining_the_date_and_the_byline(string meta, string published, string author)
    {
        // Given a page whose meta line joins date and byline with | · or •
        var page = $"Banjir Surut di Tiga Kecamatan\n\n{meta}\n\nAir mulai surut sejak Senin pagi, kata petugas.";

        // When cleaned
        var cleaned = PageCleaner.Clean(page);

        // Then the date and the author are read, the editor is not an author, and the line is not body text
        Assert.Equal(published, cleaned.DateLine?.ToString());
        Assert.Equal([author], cleaned.Authors);
        Assert.Equal(["Air mulai surut sejak Senin pagi, kata petugas."], cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("Harga cabai | naik lagi pekan ini, kata pedagang di Pasar Senen.")]
    [InlineData("Kamis, 27 Februari 2025 | Kamis, 6 Maret 2025")]
    public void Should_keep_a_line_with_bars_that_is_not_a_meta_line(string line)
    {
        var page = $"Banjir Surut di Tiga Kecamatan\n\nAir mulai surut sejak Senin pagi.\n\n{line}";

        var cleaned = PageCleaner.Clean(page);

        Assert.Contains(line, cleaned.Paragraphs);
    }

    [Theory]
    [InlineData("JAKARTA, KOMPAS.com - Harga naik.", "KOMPAS.com")]
    [InlineData("JAKARTA, KOMPAS.com \u2013 Harga naik.", "KOMPAS.com")]
    [InlineData("JAKARTA, KOMPAS.com \u2014 Harga naik.", "KOMPAS.com")]
    [InlineData("JAKARTA, KOMPAS.com \uFFFD Harga naik.", "KOMPAS.com")]
    [InlineData("JAKARTA, KOMPAS.com \u00E2\u20AC\u201C Harga naik.", "KOMPAS.com")]
    [InlineData("JAKARTA, KOMPAS. com - Harga naik.", "KOMPAS. com")]
    [InlineData("NEW YORK, KOMPAS.com - Harga naik.", "KOMPAS.com")]
    [InlineData("tirto.id - Harga naik.", "tirto.id")]
    [InlineData("RAKYATKU.COM - Harga naik.", "RAKYATKU.COM")]
    [InlineData("Jakarta, CNN Indonesia -- Harga naik.", "CNN Indonesia")]
    [InlineData("TRIBUN-MEDAN.COM, MEDAN \u2014 Harga naik.", "TRIBUN-MEDAN.COM")]
    [InlineData("SUARAMERDEKA.COM, SEMARANG - Harga naik.", "SUARAMERDEKA.COM")]
    [InlineData("JAKARTA (ANTARA) - Harga naik.", "ANTARA")]
    [InlineData("Kupang (ANTARA) - Harga naik.", "ANTARA")]
    [InlineData("JAKARTA, Indonesia (Reuters) - Harga naik.", "Reuters")]
    public void Should_strip_a_dateline_with_any_dash_and_keep_its_outlet(string paragraph, string outlet)
    {
        var cleaned = PageCleaner.Clean(paragraph);

        Assert.Equal("Harga naik.", Assert.Single(cleaned.Paragraphs));
        Assert.Equal(outlet, cleaned.DatelineOutlet);
    }

    [Fact]
    public void Should_keep_a_lead_repeated_after_the_dateline_once()
    {
        const string page = "Judul Berita yang Panjang\n\nWarga kota berkumpul di alun-alun.\n\nPOJOKSATU.id - Warga kota berkumpul di alun-alun.\n\nMereka menunggu pengumuman.";

        var cleaned = PageCleaner.Clean(page);

        Assert.Equal(["Warga kota berkumpul di alun-alun.", "Mereka menunggu pengumuman."], cleaned.Paragraphs);
    }

    [Fact]
    public void Should_read_promo_outlet_and_bare_byline()
    {
        const string page = "Gubernur Resmikan Jembatan Baru\n\nAndi Wijaya\nKonten Redaksi Fajar.co.id\n\nGubernur meresmikan jembatan itu kemarin.";

        var cleaned = PageCleaner.Clean(page);

        Assert.Equal(["Andi Wijaya"], cleaned.Authors);
        Assert.Equal("Fajar.co.id", cleaned.PromoOutlet);
        Assert.Equal("Gubernur meresmikan jembatan itu kemarin.", Assert.Single(cleaned.Paragraphs));
    }

    [Fact]
    public void Should_not_take_a_sentence_starting_with_oleh_as_a_byline()
    {
        const string page = "Judul Berita yang Panjang\n\nOleh karena itu, warga menolak rencana tersebut.";

        var cleaned = PageCleaner.Clean(page);

        Assert.Empty(cleaned.Authors);
        Assert.Equal("Oleh karena itu, warga menolak rencana tersebut.", Assert.Single(cleaned.Paragraphs));
    }

    [Fact]
    public void Should_join_hard_wrapped_lines_but_keep_separate_lines_as_paragraphs()
    {
        const string page = "Judul Berita yang Panjang\n\nWarga kota berkumpul di\nalun-alun sejak pagi.\nMereka menunggu pengumuman.";

        var cleaned = PageCleaner.Clean(page);

        Assert.Equal(["Warga kota berkumpul di alun-alun sejak pagi.", "Mereka menunggu pengumuman."], cleaned.Paragraphs);
    }

    [Fact]
    public void Should_keep_paragraph_text_untouched()
    {
        const string paragraph = "Menurut dia,  harga \u201Cbisa\u201D naik 5,5 persen \u2014 atau lebih \u2026 kata  Budi (23/4/2019).";

        var cleaned = PageCleaner.Clean("Judul Berita yang Panjang\n\n" + paragraph);

        Assert.Equal(paragraph, Assert.Single(cleaned.Paragraphs));
    }

    [Theory]
    [InlineData("Bagikan artikel ini")]
    [InlineData("Share: Facebook Twitter WhatsApp")]
    [InlineData("Baca juga: Harga Beras Turun")]
    [InlineData("Lihat juga")]
    [InlineData("ADVERTISEMENT")]
    public void Should_drop_promo_lines_anywhere(string promo)
    {
        var cleaned = PageCleaner.Clean($"Judul Berita yang Panjang\n\nParagraf pertama.\n\n{promo}\n\nParagraf kedua.");

        Assert.Equal(["Paragraf pertama.", "Paragraf kedua."], cleaned.Paragraphs);
    }

    [Fact]
    public void Should_keep_a_sentence_that_starts_like_a_share_prompt()
    {
        var cleaned = PageCleaner.Clean("Markets Fall Again\n\nShare prices fell sharply on Monday.");

        Assert.Equal("Share prices fell sharply on Monday.", Assert.Single(cleaned.Paragraphs));
    }

    [Fact]
    public void Should_read_a_date_line_that_starts_with_the_outlet()
    {
        var cleaned = PageCleaner.Clean("Harga Cabai Naik Lagi di Pasar\n\nKompas.com - 26/03/2019, 20:34 WIB\n\nFoto: Dok. Pedagang\n\nHarga cabai naik lagi.");

        Assert.Equal("2019-03-26T20:34+07:00", cleaned.DateLine?.ToString());
        Assert.Equal("Kompas.com", cleaned.DatelineOutlet);
        Assert.Equal("Harga cabai naik lagi.", Assert.Single(cleaned.Paragraphs));
    }

    [Fact]
    public void Should_strip_a_place_only_dateline_without_inventing_an_outlet()
    {
        var cleaned = PageCleaner.Clean("Jokowi - Prabowo Bertemu di Istana\n\nJakarta - Presiden bertemu rivalnya di Istana.");

        Assert.Equal("Jokowi - Prabowo Bertemu di Istana", cleaned.Title);
        Assert.Equal("Presiden bertemu rivalnya di Istana.", Assert.Single(cleaned.Paragraphs));
        Assert.Null(cleaned.DatelineOutlet);
    }

    [Theory]
    [InlineData("warga kota - yang menunggu sejak pagi - pulang.")]
    [InlineData("Harga naik 5 - 10 persen.")]
    public void Should_not_take_lower_case_words_or_numbers_for_a_dateline(string paragraph)
    {
        var cleaned = PageCleaner.Clean("Judul Berita yang Panjang\n\n" + paragraph);

        Assert.Equal(paragraph, Assert.Single(cleaned.Paragraphs));
    }
}
