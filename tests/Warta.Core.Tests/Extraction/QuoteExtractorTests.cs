using Warta.Core.Extraction.Quotes;
using Warta.Core.Model;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class QuoteExtractorTests
{
    [Fact]
    public void Should_attribute_the_rakyatku_quote_to_the_full_name_with_cue_kata_and_the_appositive_role()
    {
        // Given the rakyatku seed, whose quote opens with “ and closes with "
        var text = File.ReadAllText(SharedData.PathOf("seeds/rakyatku-2019-03-26-kim-rusia.txt"));

        // When quotes are extracted
        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        // Then the "Sampai saat ini" quote belongs to Oleg Melnichenko, the senator
        var quote = Assert.Single(quotes, q => q.Text.StartsWith("Sampai saat ini", StringComparison.Ordinal));
        Assert.Equal("Oleg Melnichenko", quote.Speaker);
        Assert.Equal("kata", quote.Cue);
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        Assert.Equal("seorang senator dari wilayah Penza Rusia", quote.SpeakerRole);
        Assert.EndsWith("dalam waktu dekat", quote.Text, StringComparison.Ordinal);
        Assert.Equal(quote.Text, text.Substring(quote.Start, quote.Length));
    }

    [Fact]
    public void Should_find_the_partial_direct_quote_after_mengatakan_in_the_tirto_report()
    {
        var text = File.ReadAllText(SharedData.PathOf("seeds/tirto-2019-04-23-kim-rusia.txt"));

        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        var quote = Assert.Single(quotes, q => q.Text == "akan segera berkunjung ke Federasi Rusia");
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        Assert.Equal("mengatakan", quote.Cue);
        // "Kantor Berita Pusat Korea … merilis pernyataan … yang mengatakan Kim “akan segera berkunjung …”": the agency's
        // statement speaks; Kim is the subject of the quoted clause.
        Assert.Equal("Kantor Berita Pusat Korea", quote.Speaker);
        Assert.DoesNotContain(quotes, q => q.Text == "senjata bersistem taktis");
    }

    [Fact]
    public void Should_give_reported_speech_to_the_unnamed_official_not_to_the_place_in_his_relative_clause()
    {
        // Given the rakyatku seed: "Seorang pejabat Rusia yang baru-baru ini memimpin delegasi pemerintah ke Korea Utara mengatakan, …"
        var text = File.ReadAllText(SharedData.PathOf("seeds/rakyatku-2019-03-26-kim-rusia.txt"));

        // When quotes are extracted
        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        // Then the invitation is reported by an unnamed Russian official, described by the role
        var quote = Assert.Single(quotes, q => q.Text.StartsWith("Rusia telah mengundang Kim", StringComparison.Ordinal));
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Null(quote.Speaker);
        Assert.Equal("seorang pejabat Rusia", quote.SpeakerRole);
    }

    [Theory]
    [InlineData("Ketua KPK Firli Bahuri yang ditemui di Gedung Merah Putih mengatakan, penyidik sudah memeriksa tujuh saksi.", "Firli Bahuri", "Ketua KPK")]
    [InlineData("Pejabat senior yang mendampingi Presiden Joko Widodo ke Beijing mengatakan, kesepakatan dagang itu diteken pekan depan.", null, "pejabat senior")]
    [InlineData("Menteri Luar Negeri Retno Marsudi mengatakan, Indonesia menolak klaim yang diajukan Beijing itu.", "Retno Marsudi", "Menteri Luar Negeri")]
    public void Should_attribute_reported_speech_to_the_subject_of_the_reporting_verb(string text, string? speaker, string role)
    {
        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(role, quote.SpeakerRole);
    }

    [Theory]
    [InlineData("“Kami buka enam pos kesehatan,” ujar Kepala SD Inpres Waisala, Agustina Wattimena.", "Agustina Wattimena", "Kepala SD Inpres Waisala")]
    [InlineData("“Terdakwa terbukti menerima hadiah,” kata jaksa KPK Ratna Kusumawardani.", "Ratna Kusumawardani", "jaksa KPK")]
    [InlineData("“Dia sudah izin ke saya sejak kemarin,” kata pelatih Teguh Wicaksono.", "Teguh Wicaksono", "pelatih")]
    [InlineData("Menurut Kepala Bidang Pelayanan Kesehatan, Ruth Tanamal, sebagian pengungsi mulai mengalami diare.", "Ruth Tanamal", "Kepala Bidang Pelayanan Kesehatan")]
    [InlineData("Kepala Bidang Pelayanan Kesehatan, Ruth Tanamal, mengatakan, sebagian pengungsi mulai mengalami diare.", "Ruth Tanamal", "Kepala Bidang Pelayanan Kesehatan")]
    [InlineData("Ruth Tanamal, Kepala Bidang Pelayanan Kesehatan, mengatakan, sebagian pengungsi mulai mengalami diare.", "Ruth Tanamal", "Kepala Bidang Pelayanan Kesehatan")]
    [InlineData("Pelatih Teguh Wicaksono mengatakan, klub sudah menyiapkan dua nama penyerang pengganti.", "Teguh Wicaksono", "Pelatih")]
    public void Should_separate_the_speakers_title_from_the_name(string text, string speaker, string role)
    {
        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(role, quote.SpeakerRole);
        Assert.DoesNotContain(speaker, quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_a_pronoun_cued_quote_to_the_speaker_of_a_reporting_verb_without_a_comma()
    {
        // Given reported speech with no comma after the verb (not taken as a quote), then a quote cued by a pronoun
        var text = "“Kami akan terus mengawasi,” kata Menteri Perdagangan Budi Santoso.\n\n"
            + "Pengamat ekonomi digital dari Universitas Nusa Bangsa, Lina Marlina, menilai startup sektor pangan menghadapi margin tipis. "
            + "“Biaya logistik untuk produk segar itu tinggi,” katanya.";

        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        // Then the second quote belongs to the analyst named with the verb, not to the minister quoted before her
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Budi Santoso", quotes[0].Speaker);
        Assert.Equal("Lina Marlina", quotes[1].Speaker);
        Assert.Equal("Pengamat ekonomi digital dari Universitas Nusa Bangsa", quotes[1].SpeakerRole);
    }

    [Fact]
    public void Should_attribute_quotes_in_an_english_report()
    {
        var text = "\"We still record frequent volcanic earthquakes,\" said Jefri Mamahit, head of the observation post.\n\n"
            + "\"People left their livestock behind,\" he said.\n\n"
            + "Agricultural economist Sarah Wijaya said direct trade deals can raise incomes. \"One container is a start,\" she said.\n\n"
            + "\"Now our members earn twice as much,\" Rante said.";

        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        Assert.Equal(["Jefri Mamahit", "Jefri Mamahit", "Sarah Wijaya", "Rante"], quotes.Select(q => q.Speaker));
        Assert.Equal("head of the observation post", quotes[0].SpeakerRole);
        Assert.Equal(["said", "said", "said", "said"], quotes.Select(q => q.Cue));
    }

    [Fact]
    public void Should_keep_an_unnamed_speaker_described_after_the_cue()
    {
        var text = "“Rapatnya cuma 15 menit,” ujar seorang analis data yang meminta namanya tidak disebut.";

        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Null(quote.Speaker);
        Assert.Equal("seorang analis data", quote.SpeakerRole);
    }

    [Fact]
    public void Should_not_take_an_office_acronym_into_the_name_when_a_short_form_is_resolved()
    {
        var text = "Sidang dibuka jaksa KPK Ratna Kusumawardani.\n\n“Terdakwa mengetahui hadiah itu terkait jabatannya,” kata Ratna.";

        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("Ratna Kusumawardani", quote.Speaker);
    }

    [Fact]
    public void Should_take_the_role_from_a_title_before_the_name()
    {
        var text = "“Defisit akan dijaga di bawah tiga persen,” kata Menteri Keuangan Bambang PS Brodjonegoro di Jakarta.";

        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("Bambang PS Brodjonegoro", quote.Speaker);
        Assert.Equal("Menteri Keuangan", quote.SpeakerRole);
        Assert.Equal("Defisit akan dijaga di bawah tiga persen", quote.Text);
    }

    [Fact]
    public void Should_give_a_quote_without_a_cue_to_the_speaker_of_the_previous_paragraph()
    {
        var text = "Ali Mundakir mengatakan, pemasangan RFID telah dilakukan di 266 SPBU.\n\n"
            + "“Kami ingin memastikan sistem itu stabil dan data terekam dengan baik.”\n\n"
            + "”Tidak ada masalah besar,” ujarnya.";

        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        Assert.Equal(3, quotes.Count);
        Assert.Equal(QuoteKind.Indirect, quotes[0].Kind);
        Assert.Equal("pemasangan RFID telah dilakukan di 266 SPBU", quotes[0].Text);
        Assert.All(quotes, q => Assert.Equal("Ali Mundakir", q.Speaker));
        Assert.Equal("", quotes[1].Cue);
        Assert.Equal("ujar", quotes[2].Cue);
    }

    [Fact]
    public void Should_take_a_bracketed_organisation_title_as_the_role()
    {
        var text = "Wakil Presiden Komunikasi Korporat PT Pertamina (Persero) Ali Mundakir hadir di Jakarta.\n\n"
            + "Ali mengatakan, pemasangan RFID telah dilakukan di 266 SPBU.";

        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("Ali Mundakir", quote.Speaker);
        Assert.Equal("Wakil Presiden Komunikasi Korporat PT Pertamina (Persero)", quote.SpeakerRole);
    }

    [Fact]
    public void Should_end_an_appositive_role_at_the_verb_of_the_clause()
    {
        var text = "James Williams, analis energi di WTRG Economics menanggapi harga minyak.\n\n“Pasar masih khawatir soal pasokan,” kata Williams.";

        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("James Williams", quote.Speaker);
        Assert.Equal("analis energi di WTRG Economics", quote.SpeakerRole);
    }

    [Theory]
    [InlineData("Pri Agung menyatakan bahwa kedua program itu tidak sinkron.", "Pri Agung", "menyatakan", "kedua program itu tidak sinkron")]
    [InlineData("Menurut Jero Wacik, uji coba harus berjalan baik lebih dulu.", "Jero Wacik", "menurut", "uji coba harus berjalan baik lebih dulu")]
    [InlineData("Iskandar menjelaskan sistem ini memantau semua kendaraan.", "Iskandar", "menjelaskan", "sistem ini memantau semua kendaraan")]
    public void Should_extract_reported_speech_with_its_speaker(string text, string speaker, string cue, string content)
    {
        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(cue, quote.Cue);
        Assert.Equal(content, quote.Text);
    }

    [Fact]
    public void Should_resolve_a_short_speaker_to_the_fullest_name_and_link_it_through_the_callback()
    {
        var text = "Wakil Presiden PT Pertamina Ali Mundakir hadir di Jakarta.\n\n\"Target kami rampung Juni,\" kata Ali.";
        var linker = new Dictionary<string, string>(StringComparer.Ordinal) { ["Ali Mundakir"] = "Q-ali" };

        var quote = Assert.Single(new QuoteExtractor(name => linker.GetValueOrDefault(name)).Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("Ali Mundakir", quote.Speaker);
        Assert.Equal("Q-ali", quote.SpeakerEntityId);
    }
    [Fact]
    public void Should_give_katanya_to_the_person_the_paragraph_introduces_not_to_the_earlier_speaker()
    {
        // Given a speaker quoted, then a new paragraph whose subject is a villager introduced with an age
        var text = "\"Banyak sawah yang terendam lebih dari sepekan,\" ungkap Kepala BPBD Syamsul Bahri.\n\n"
            + "Warga Desa Batu Hampar, Hamdani (52), berharap relokasi tidak memisahkan warga dari lahan garapan. \"Kalau pindah jauh, kami susah ke sawah,\" katanya.";

        // When quotes are extracted
        var quotes = new QuoteExtractor().Extract(Tokenizer.Tokenize(text));

        // Then katanya refers to Hamdani
        Assert.Equal("Hamdani", Assert.Single(quotes, static q => q.Text.StartsWith("Kalau pindah", StringComparison.Ordinal)).Speaker);
        Assert.Equal("Syamsul Bahri", Assert.Single(quotes, static q => q.Text.StartsWith("Banyak sawah", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void Should_keep_ia_with_the_subject_when_a_judge_is_named_inside_the_clause()
    {
        // Given the defendant as the subject and the judge named only as the one who gave him the floor
        var text = "\"Saya hanya disuruh mengantar,\" kata saksi Agus Priyambodo.\n\n"
            + "Bambang Wiratmoko membantah keterangan tersebut. Diberi kesempatan menanggapi oleh ketua majelis hakim Sutrisno Adi, ia menyebut, tas yang dibawa Agus berisi dokumen proyek.";

        // When quotes are extracted
        var quotes = new QuoteExtractor(static name => name == "Bambang Wiratmoko" ? "person:bambang wiratmoko" : null).Extract(Tokenizer.Tokenize(text));

        // Then ia is Bambang, not the earlier witness nor the judge
        Assert.Equal("Bambang Wiratmoko", Assert.Single(quotes, static q => q.Text.StartsWith("tas yang dibawa", StringComparison.Ordinal)).Speaker);
    }

    [Fact]
    public void Should_name_the_judge_after_a_lower_case_title_of_several_words()
    {
        var text = "\"Mengadili, menyatakan terdakwa terbukti bersalah,\" kata ketua majelis hakim Sutrisno Adi saat membacakan amar putusan.";

        var quote = Assert.Single(new QuoteExtractor().Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("Sutrisno Adi", quote.Speaker);
        Assert.Equal("ketua majelis hakim", quote.SpeakerRole);
    }

    [Fact]
    public void Should_leave_the_company_out_of_the_speaker_when_only_the_rest_is_a_person()
    {
        // Given "kata CEO Sayurloka Kevin Hartono", where the company name is also used on its own, and a linker that knows Kevin Hartono
        var text = "Sayurloka menjalin kerja sama dengan Toko Sentosa, lalu Sayurloka membuka 120 gerai.\n\n"
            + "\"Sekitar 35 persen pelanggan kami tidak keberatan mengambil sendiri,\" kata CEO Sayurloka Kevin Hartono.";

        var quote = Assert.Single(new QuoteExtractor(static name => name == "Kevin Hartono" ? "person:kevin hartono" : null).Extract(Tokenizer.Tokenize(text)));

        Assert.Equal("Kevin Hartono", quote.Speaker);
        Assert.Equal("person:kevin hartono", quote.SpeakerEntityId);
    }
}
