using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Entities;

public class NameRulesTests
{
    private static string Describe(IEnumerable<EntityMention> mentions) =>
        string.Join("; ", mentions.Select(m => $"{m.Type} {m.Text}"));

    [Theory]
    [InlineData("Ia tumbuh di wilayah Penza dan kini mewakili daerah itu di Moskow.", "Penza")]
    [InlineData("Banjir merendam ratusan rumah di kecamatan Sukamaju sejak Minggu malam.", "Sukamaju")]
    [InlineData("Kapal itu tenggelam di perairan dekat pulau Wetar, kata petugas.", "Wetar")]
    public void Should_read_a_capitalised_word_after_a_place_noun_as_a_place(string sentence, string place)
    {
        // When a sentence names a place after "wilayah", "kecamatan" or "pulau"
        var mentions = EntityTagger.Shipped.Tag(Tokenizer.Tokenize(sentence));

        // Then that word is a place (the model may keep the noun in the name, as some training sets do)
        Assert.True(mentions.Any(m => m.Type == EntityType.Place && m.Text.EndsWith(place, StringComparison.Ordinal)), Describe(mentions));
    }

    [Theory]
    [InlineData("Usulan itu ditolak Dewan Federasi pekan lalu setelah perdebatan panjang.", "Dewan Federasi")]
    [InlineData("Pernyataan itu dirilis Kantor Berita Pusat Korea yang dikelola pemerintah.", "Kantor Berita Pusat Korea")]
    [InlineData("Stasiun itu ditegur Komisi Penyiaran Independen karena menayangkan iklan rokok.", "Komisi Penyiaran Independen")]
    [InlineData("Pejabat pembuat komitmen proyek dari Dinas PUPR Lamaru, Arief Rahman, menjelaskan tanggul baru dibangun sepanjang 180 meter.", "Dinas PUPR Lamaru")]
    public void Should_read_a_capitalised_name_opened_by_an_institution_noun_as_one_organisation(string sentence, string organisation)
    {
        // When a sentence names an institution by its head noun and capitalised name
        var mentions = EntityTagger.Shipped.Tag(Tokenizer.Tokenize(sentence));

        // Then the whole name is one organisation
        Assert.True(mentions.Any(m => m.Type == EntityType.Organisation && m.Text == organisation), Describe(mentions));
    }

    [Theory]
    [InlineData("Peresmian itu dihadiri Presiden Joko Widodo dan sejumlah menteri.", "Presiden", EntityType.Person, "Joko Widodo")]
    [InlineData("Kemarin Gubernur Sulawesi Selatan meninjau tanggul yang jebol di tepi sungai.", "Gubernur", EntityType.Place, "Sulawesi Selatan")]
    [InlineData("Usulan itu disampaikan Perdana Menteri Anwar Ibrahim dalam jumpa pers.", "Perdana", EntityType.Person, "Anwar Ibrahim")]
    public void Should_keep_titles_and_offices_out_of_names(string sentence, string title, EntityType type, string name)
    {
        // When a name follows a title or an office
        var mentions = EntityTagger.Shipped.Tag(Tokenizer.Tokenize(sentence));

        // Then the name is found without the title, and no mention starts with the title
        Assert.True(mentions.Any(m => m.Type == type && m.Text == name), Describe(mentions));
        Assert.DoesNotContain(mentions, m => m.Text.StartsWith(title, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Rapat itu dihadiri anggota Komisi III dari beberapa fraksi.")]
    [InlineData("Dewan menyetujui anggaran itu tanpa perubahan.")]
    [InlineData("Dewan Kota Setuju Anggaran Baru Untuk Perbaikan Jalan Desa")]
    public void Should_leave_numbered_bodies_bare_heads_and_headlines_to_the_model(string sentence)
    {
        // When the rules have nothing sound to say (a numbered commission, a bare head, a title-case headline)
        var withRules = EntityTagger.Shipped.Tag(Tokenizer.Tokenize(sentence));
        var modelOnly = EntityTagger.Shipped.WithoutNameRules().Tag(Tokenizer.Tokenize(sentence));

        // Then the tags are the model's own
        Assert.Equal(Describe(modelOnly), Describe(withRules));
    }
}
