using CsCheck;
using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class PageCleanerPropertyTests
{
    /// <summary>Pages assembled from the kinds of lines real saved pages have, in random order and number.</summary>
    private static readonly Gen<string> Pages = Gen.OneOf(
            "Selasa, 26 Maret 2019 20:34",
            "Kim Jong Un Berencana ke Rusia",
            "Harga Cabai Naik Lagi",
            "Suriawati",
            "Penulis: Dian Rahma",
            "Konten Redaksi Rakyatku.Com",
            "Baca juga: Harga Beras Turun",
            "Foto Kim dan Trump",
            "RAKYATKU.COM - Pemimpin Korea Utara akan berkunjung.",
            "JAKARTA, KOMPAS.com \u2013 Harga cabai naik lagi hari ini.",
            "Pemimpin Korea Utara akan berkunjung.",
            "Menurut dia, harga \u201Cbisa\u201D naik (23/4/2019).",
            "warga menunggu di",
            "Oleh karena itu, warga menolak.",
            "",
            "")
        .Array[0, 14]
        .Select(lines => string.Join("\n", lines));

    [Fact]
    public void Should_change_nothing_when_cleaning_the_cleaned_body_again()
    {
        Pages.Sample(page =>
        {
            var once = PageCleaner.Clean(page);
            var twice = PageCleaner.Clean(string.Join("\n\n", once.Paragraphs), once.Title);
            Assert.Equal(once.Paragraphs, twice.Paragraphs);
        }, iter: 3000);
    }

    [Fact]
    public void Should_never_invent_text()
    {
        Pages.Sample(page =>
        {
            var cleaned = PageCleaner.Clean(page);
            foreach (var paragraph in cleaned.Paragraphs) Assert.Contains(Flat(paragraph), Flat(page), StringComparison.Ordinal);
            if (cleaned.Title is not null) Assert.Contains(Flat(cleaned.Title), Flat(page), StringComparison.Ordinal);
        }, iter: 3000);
    }

    [Fact]
    public void Should_never_invent_text_from_arbitrary_strings()
    {
        Gen.String[Gen.Char["ab .,-\n\u2013:|/0123456789KOMPAS"], 0, 200].Sample(page =>
        {
            foreach (var paragraph in PageCleaner.Clean(page).Paragraphs) Assert.Contains(Flat(paragraph), Flat(page), StringComparison.Ordinal);
        }, iter: 3000);
    }

    /// <summary>Whitespace runs as single spaces: the cleaner joins hard-wrapped lines with a space.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
