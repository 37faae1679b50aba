using Warta.Core.Model;
using Warta.Core.Sources;
using Xunit;

namespace Warta.Core.Tests.Sources;

public sealed class WithdrawalNoticeTests
{
    private static Article Of(string title, params string[] paragraphs) => new()
    {
        Id = "0000000000000000",
        Title = title,
        Outlet = "contoh.id",
        Paragraphs = paragraphs,
        Source = "https://contoh.id/berita/1",
    };

    [Theory]
    [InlineData("Artikel ini telah dicabut oleh redaksi karena tidak sesuai kode etik.", "Artikel ini telah dicabut")]
    [InlineData("Redaksi: berita ini ditarik atas permintaan narasumber.", "berita ini ditarik")]
    [InlineData("Editor's note: This article has been retracted.", "This article has been retracted")]
    [InlineData("This story has been withdrawn pending review.", "This story has been withdrawn")]
    public void An_outlets_withdrawal_notice_is_found_with_its_words(string notice, string words) =>
        Assert.Equal(words, WithdrawalNotice.Find(Of("Judul", "Paragraf pertama.", notice)));

    [Theory]
    [InlineData("Pasukan TNI ditarik dari perbatasan setelah situasi kondusif.")]
    [InlineData("Izin tambang itu dicabut oleh kementerian pada Senin.")]
    [InlineData("Mobil yang mogok ditarik derek ke kantor polisi.")]
    public void Ordinary_uses_of_ditarik_and_dicabut_are_not_notices(string paragraph) =>
        Assert.Null(WithdrawalNotice.Find(Of("Judul", paragraph)));
}
