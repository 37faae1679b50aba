using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class TemporalTaggerTests
{
    // Tuesday 23 April 2019, ISO week 17: the tirto article's publication date.
    private static readonly DateTimeOffset Tirto = new(2019, 4, 23, 0, 0, 0, TimeSpan.FromHours(7));

    private static TemporalExpression Single(string text, DateTimeOffset reference)
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize(text), reference);
        return Assert.Single(found);
    }

    [Theory]
    [InlineData("Korut mengonfirmasi pada hari Selasa (23/4/2019), Kim akan datang.", "hari Selasa (23/4/2019)", "DATE", "2019-04-23")]
    [InlineData("Pertemuan akan diadakan pada pekan ini di Vladivostok.", "pekan ini", "DATE", "2019-W17")]
    [InlineData("Namun, pada pekan lalu, Korut menguji senjata.", "pekan lalu", "DATE", "2019-W16")]
    [InlineData("Kim akan mengunjungi Rusia pada paruh kedua April, kata pemerintah.", "paruh kedua April", "DATE", "2019-04")]
    [InlineData("Pertemuan gagal di Vietnam Februari lalu karena sanksi.", "Februari lalu", "DATE", "2019-02")]
    [InlineData("Rusia mengundang Kim tahun lalu ke Moskow.", "tahun lalu", "DATE", "2018")]
    [InlineData("Delegasi dikirim kurang dari satu bulan setelah pertemuan.", "kurang dari satu bulan", "DURATION", "P1M")]
    [InlineData("Ali menyampaikan hal itu, Kamis (17/10/2013), di Jakarta.", "Kamis (17/10/2013)", "DATE", "2013-10-17")]
    [InlineData("Harga ditutup pada pukul 20.34 WIB di Jakarta.", "pukul 20.34 WIB", "TIME", "2019-04-23T20:34")]
    [InlineData("Pesawat mendarat pukul 14.10 WITA di Makassar.", "pukul 14.10 WITA", "TIME", "2019-04-23T14:10")]
    [InlineData("Rapat dimulai sekitar pukul 09.00 WIB di Istana.", "sekitar pukul 09.00 WIB", "TIME", "2019-04-23T09:00")]
    [InlineData("Harga minyak turun waktu setempat (Selasa pagi WIB) di New York.", "Selasa pagi WIB", "TIME", "2019-04-23TMO")]
    [InlineData("Hingga penghujung 2019 ini, baru 40 persen terpasang.", "penghujung 2019 ini", "DATE", "2019")]
    [InlineData("Situasi pasar sekarang ini sedang sulit.", "sekarang ini", "DATE", "PRESENT_REF")]
    [InlineData("Laporan yang dirilis kemarin (22/4) menunjukkan kenaikan.", "kemarin (22/4)", "DATE", "2019-04-22")]
    [InlineData("Harga naik sedikit hingga tengah hari di pasar.", "tengah hari", "TIME", "2019-04-23T12:00")]
    [InlineData("Petugas masih berjaga hingga tengah malam di posko.", "tengah malam", "TIME", "2019-04-23T24:00")]
    [InlineData("Sosialisasi berlangsung selama dua tahun di semua provinsi.", "dua tahun", "DURATION", "P2Y")]
    [InlineData("Pasokan dikirim setiap hari ke SPBU.", "setiap hari", "SET", "P1D")]
    [InlineData("Sistem itu saat ini masih diuji.", "saat ini", "DATE", "PRESENT_REF")]
    [InlineData("Harga minyak sekarang hampir separuhnya.", "sekarang", "DATE", "PRESENT_REF")]
    [InlineData("Sejak dulu harga itu tidak berubah.", "dulu", "DATE", "PAST_REF")]
    [InlineData("Target itu berlaku pada 23 April 2019 untuk semua.", "23 April 2019", "DATE", "2019-04-23")]
    [InlineData("Pemasangan rampung pada Juni 2014 di Jakarta.", "Juni 2014", "DATE", "2014-06")]
    [InlineData("Pertumbuhan itu tercatat pada tahun 2019 saja.", "tahun 2019", "DATE", "2019")]
    [InlineData("Harga naik dua pekan lalu di pasar.", "dua pekan lalu", "DATE", "2019-W15")]
    [InlineData("Harga terendah dalam tiga tahun terakhir di pasar.", "tiga tahun terakhir", "DURATION", "P3Y")]
    [InlineData("Ia datang kemarin ke kantor.", "kemarin", "DATE", "2019-04-22")]
    [InlineData("Ia datang besok ke kantor.", "besok", "DATE", "2019-04-24")]
    [InlineData("Ia datang lusa ke kantor.", "lusa", "DATE", "2019-04-25")]
    [InlineData("Rapat digelar bulan depan di Jakarta.", "bulan depan", "DATE", "2019-05")]
    [InlineData("Rapat digelar tahun depan di Jakarta.", "tahun depan", "DATE", "2020")]
    [InlineData("Rapat digelar Juli mendatang di Jakarta.", "Juli mendatang", "DATE", "2019-07")]
    [InlineData("Target rampung pada awal 2020 untuk Jawa.", "awal 2020", "DATE", "2020")]
    [InlineData("Rapat digelar pada akhir pekan di Bogor.", "akhir pekan", "DATE", "2019-W17-WE")]
    [InlineData("Harga naik pada paruh pertama tahun ini saja.", "paruh pertama tahun ini", "DATE", "2019-H1")]
    [InlineData("Ia tiba beberapa hari lalu di Jakarta.", "beberapa hari lalu", "DATE", "PAST_REF")]
    [InlineData("Kontrak selama dua puluh lima tahun diteken.", "dua puluh lima tahun", "DURATION", "P25Y")]
    [InlineData("Proyek itu berlangsung sebelas bulan penuh.", "sebelas bulan", "DURATION", "P11M")]
    [InlineData("Pemasangan pada 5 Agt 2019 ditunda.", "5 Agt 2019", "DATE", "2019-08-05")]
    [InlineData("Pengiriman Jumat (5/12) ditunda.", "Jumat (5/12)", "DATE", "2018-12-05")]
    [InlineData("Produksi turun di bulan November menurut OPEC.", "bulan November", "DATE", "2018-11")]
    [InlineData("Rapat digelar tanggal 5 di Jakarta.", "tanggal 5", "DATE", "2019-04-05")]
    [InlineData("Minyak adalah energi abad ke-20 saja.", "abad ke-20", "DATE", "19")]
    [InlineData("Pertumbuhan triwulan III/2014 melambat.", "triwulan III/2014", "DATE", "2014-Q3")]
    [InlineData("Antrean berlangsung setengah jam di SPBU.", "setengah jam", "DURATION", "PT0.5H")]
    [InlineData("Proyek molor satu setengah tahun dari jadwal.", "satu setengah tahun", "DURATION", "P1.5Y")]
    [InlineData("Saham melemah pada sore hari ini di bursa.", "sore hari ini", "TIME", "2019-04-23TAF")]
    [InlineData("Permintaan naik karena musim dingin di Eropa.", "musim dingin", "DATE", "2019-WI")]
    [InlineData("Sistem berlaku pada 1 Januari 2020 mendatang untuk Jawa.", "1 Januari 2020 mendatang", "DATE", "2020-01-01")]
    [InlineData("Asumsi APBN-P 2015 masih bisa berubah.", "2015", "DATE", "2015")]
    [InlineData("Harga cabai biasanya naik menjelang Natal di Ambon.", "Natal", "DATE", "2019-12-25")]
    [InlineData("Harga cabai turun lagi usai Natal di Ambon.", "Natal", "DATE", "2018-12-25")]
    [InlineData("Jepang tak menganggap hari raya Natal sebagai libur nasional.", "hari raya Natal", "DATE", "XXXX-12-25")]
    [InlineData("Penjualan naik saat Natal 2019 di pusat belanja.", "Natal 2019", "DATE", "2019-12-25")]
    [InlineData("Lonjakan serupa terjadi pada Tahun Baru lalu di Bali.", "Tahun Baru lalu", "DATE", "2019-01-01")]
    [InlineData("Upacara HUT RI ke-74 digelar di Istana Merdeka.", "HUT RI ke-74", "DATE", "2019-08-17")]
    [InlineData("Pasar ramai menjelang Imlek di Glodok.", "Imlek", "DATE", "2020-01-25")]
    [InlineData("Pasar ramai saat Imlek di Glodok.", "Imlek", "DATE", "2019-02-05")]
    [InlineData("Libur Paskah tahun ini sudah selesai bagi sekolah.", "Paskah tahun ini", "DATE", "2019-04-21")]
    public void Should_recognise_and_normalise_the_expression_against_the_reference_date(string sentence, string expected, string type, string value)
    {
        // Given a sentence from a report published on Tuesday 23 April 2019
        // When it is tagged
        var found = Single(sentence, Tirto);

        // Then the expression has the TimeML span, type and value
        Assert.Equal(expected, found.Text);
        Assert.Equal(expected, sentence.Substring(found.Start, found.Length));
        Assert.Equal(type, found.Type.ToString().ToUpperInvariant());
        Assert.Equal(value, found.Value);
    }

    [Fact]
    public void Should_put_midnight_at_the_end_of_the_day_just_told_of()
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize("Kebakaran terjadi Minggu (21/4) tengah malam di gudang."), Tirto);

        Assert.Equal(["Minggu (21/4)", "tengah malam"], found.Select(static e => e.Text));
        Assert.Equal("2019-04-21T24:00", found[1].Value);
    }

    [Theory]
    [InlineData("Senin", "2019-04-22")]
    [InlineData("Kamis", "2019-04-25")]
    [InlineData("Sabtu", "2019-04-20")]
    [InlineData("Selasa", "2019-04-23")]
    public void Should_resolve_a_bare_weekday_to_the_nearest_matching_date(string weekday, string value)
    {
        var found = Single($"Menteri itu, {weekday}, mengatakan harga naik.", Tirto);
        Assert.Equal(weekday, found.Text);
        Assert.Equal(value, found.Value);
    }

    [Fact]
    public void Should_resolve_a_month_before_the_reference_month_with_lalu_to_the_same_year_and_otherwise_to_the_last()
    {
        Assert.Equal("2019-02", Single("Februari lalu harga naik.", Tirto).Value);
        Assert.Equal("2018-06", Single("Juni lalu harga naik.", Tirto).Value);
        // Written in April, "April lalu" is this April (last year's is "April tahun lalu").
        Assert.Equal("2019-04", Single("Sejak awal April lalu harga naik.", Tirto).Value);
    }

    [Theory]
    [InlineData("Rapat digelar Senin pekan lalu di Jakarta.", "Senin pekan lalu", "2019-04-15")]
    [InlineData("Rapat digelar Kamis minggu lalu di Jakarta.", "Kamis minggu lalu", "2019-04-18")]
    [InlineData("Rapat akan digelar Selasa pekan depan di Jakarta.", "Selasa pekan depan", "2019-04-30")]
    [InlineData("Rapat digelar Senin pekan ini di Jakarta.", "Senin pekan ini", "2019-04-22")]
    public void Should_date_a_weekday_of_a_named_week_within_that_week(string text, string span, string value)
    {
        // Tuesday 23 April 2019: last week ran 15-21 April, next week 29 April-5 May.
        var found = Single(text, Tirto);
        Assert.Equal(span, found.Text);
        Assert.Equal(value, found.Value);
    }

    [Theory]
    [InlineData("Jl Raya Pasar Minggu 14, Pancoran.")]
    [InlineData("Ia membintangi film Valentine's Day di Hollywood.")]
    [InlineData("Banjir melanda Kabupaten Mandailing Natal di Sumatera Utara.")]
    [InlineData("Ia ingat hari ibu dirawat di rumah sakit.")]
    [InlineData("Kami ingin memastikan dulu sistemnya berjalan.")]
    [InlineData("Pemasangan di kendaraan baru 2.500 unit dan 266 SPBU.")]
    [InlineData("Skor akhir 3/4 untuk tim tamu.")]
    public void Should_not_tag_words_that_only_look_temporal(string sentence)
    {
        Assert.Empty(TemporalTagger.Tag(Tokenizer.Tokenize(sentence), Tirto));
    }

    [Fact]
    public void Should_give_the_first_month_of_a_range_the_year_written_after_the_second()
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize("Harga pada Juni-Juli 2014 berkisar 95 dollar."), Tirto);
        Assert.Equal([("Juni", "2014-06"), ("Juli 2014", "2014-07")], found.Select(f => (f.Text, f.Value)));
    }

    [Fact]
    public void Should_anchor_a_clock_time_on_the_date_just_mentioned()
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize("Harga dicatat Jumat (5/12/2014), pukul 7.55 WIB."), Tirto);
        Assert.Equal(["2014-12-05", "2014-12-05T07:55"], found.Select(f => f.Value));
    }

    [Theory]
    [InlineData("Hujan lebat mengguyur hulu sungai sejak Minggu sore. Sekitar pukul 02.30 WIT, air bercampur lumpur turun deras.", "2025-04-14T02:30")]
    [InlineData("Warga berjaga sejak Minggu malam. Pukul 01.00 dini hari air mulai masuk rumah.", "2025-04-14T01:00")]
    [InlineData("Hujan turun sejak Minggu sore. Sekitar pukul 17.30 WIT, air mulai naik.", "2025-04-13T17:30")]
    [InlineData("Warga berkumpul Minggu pagi. Sekitar pukul 02.30 WIT, air turun deras.", "2025-04-13T02:30")]
    public void Should_put_a_small_hours_clock_time_told_after_an_evening_on_the_next_day(string text, string value)
    {
        // Given a report published Monday 14 April 2025 telling of Sunday evening, then of a clock time
        var monday = new DateTimeOffset(2025, 4, 14, 16, 20, 0, TimeSpan.FromHours(9));

        // When it is tagged
        var clock = TemporalTagger.Tag(Tokenizer.Tokenize(text), monday)[^1];

        // Then a time in the small hours after an afternoon, evening or night is that night's (the next day); others stay on the day
        Assert.Equal(TimexType.Time, clock.Type);
        Assert.Equal(value, clock.Value);
    }

    [Theory]
    [InlineData("Harga ditutup pada pukul 20.34 WIB di Jakarta.", "2019-04-23T20:34", "+07:00")]
    [InlineData("Pesawat mendarat pukul 14.10 WITA di Makassar.", "2019-04-23T14:10", "+08:00")]
    [InlineData("Kapal merapat pukul 06.15 WIT di Sorong.", "2019-04-23T06:15", "+09:00")]
    [InlineData("Sinyal terakhir diterima pukul 13.57 waktu Singapura menurut otoritas.", "2019-04-23T13:57", "+08:00")]
    [InlineData("Rapat dimulai pukul 10.00 di Istana.", "2019-04-23T10:00", null)]
    public void Should_keep_the_zone_out_of_the_value_and_give_its_offset_apart(string sentence, string value, string? offset)
    {
        // Given a clock time, with or without a named zone
        // When it is tagged
        var found = Single(sentence, Tirto);

        // Then the value is the wall-clock reading (TimeML, IndoTimex) and the zone's UTC offset is kept beside it
        Assert.Equal(TimexType.Time, found.Type);
        Assert.Equal(value, found.Value);
        Assert.Equal(offset, found.UtcOffset);
    }

    // Tuesday 30 December 2014, 10:00 WIB: the third day of a search for a missing airliner.
    private static readonly DateTimeOffset SearchDay = new(2014, 12, 30, 10, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("Pesawat itu hilang kontak pada Minggu (28/12/2014) pukul 07.24 WIB di atas Laut Jawa.", "Minggu (28/12/2014) pukul 07.24 WIB", "TIME", "2014-12-28T07:24")]
    [InlineData("Kapal perang berangkat dari Tanjung Priok pada Minggu (28/12/2014) pagi.", "Minggu (28/12/2014) pagi", "TIME", "2014-12-28TMO")]
    [InlineData("Keluarga penumpang berkumpul di bandara sejak kemarin sore.", "kemarin sore", "TIME", "2014-12-29TAF")]
    [InlineData("Tim SAR gabungan memasuki hari ketiga pencarian di perairan Belitung.", "hari ketiga", "DATE", "2014-12-30")]
    [InlineData("Pada hari ke-3 operasi, penyelam diturunkan di sektor timur.", "hari ke-3", "DATE", "2014-12-30")]
    [InlineData("Helikopter berputar di atas lokasi selama 2 jam tanpa hasil.", "2 jam", "DURATION", "PT2H")]
    [InlineData("Penyelam bertahan di dasar laut sekitar 30 menit sebelum naik.", "sekitar 30 menit", "DURATION", "PT30M")]
    [InlineData("Pencarian akan diperluas lusa bila cuaca membaik.", "lusa", "DATE", "2015-01-01")]
    [InlineData("Basarnas menggelar jumpa pers pada hari Senin di Jakarta.", "hari Senin", "DATE", "2014-12-29")]
    [InlineData("Keluarga korban dikumpulkan di posko krisis hari Minggu lalu.", "hari Minggu lalu", "DATE", "2014-12-28")]
    public void Should_tag_the_expressions_of_search_operation_reports(string sentence, string expected, string type, string value)
    {
        // Given a sentence from a report on the third day of a search for a missing airliner
        // When it is tagged
        var found = Single(sentence, SearchDay);

        // Then span, type and value follow the published conventions
        Assert.Equal(expected, found.Text);
        Assert.Equal(type, found.Type.ToString().ToUpperInvariant());
        Assert.Equal(value, found.Value);
    }

    [Fact]
    public void Should_put_a_date_and_the_clock_time_after_it_in_one_expression_only_without_a_comma_between()
    {
        var joined = TemporalTagger.Tag(Tokenizer.Tokenize("Pesawat lepas landas Minggu (28/12/2014) pukul 05.35 WIB dari Juanda."), SearchDay);
        var apart = TemporalTagger.Tag(Tokenizer.Tokenize("Pesawat lepas landas Minggu (28/12/2014), pukul 05.35 WIB dari Juanda."), SearchDay);

        Assert.Equal([("Minggu (28/12/2014) pukul 05.35 WIB", "2014-12-28T05:35", "+07:00")], joined.Select(f => (f.Text, f.Value!, f.UtcOffset)));
        Assert.Equal([("Minggu (28/12/2014)", "2014-12-28", null), ("pukul 05.35 WIB", "2014-12-28T05:35", "+07:00")], apart.Select(f => (f.Text, f.Value!, f.UtcOffset)));
    }

    [Fact]
    public void Should_resolve_that_morning_and_the_next_day_against_the_day_last_told_of()
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize(
            "Kapal nelayan melihat asap pada Minggu (28/12/2014). Pagi itu laut tenang. Keesokan harinya tim SAR tiba di lokasi."), SearchDay);

        Assert.Equal([("Minggu (28/12/2014)", "2014-12-28"), ("Pagi itu", "2014-12-28TMO"), ("Keesokan harinya", "2014-12-29")], found.Select(f => (f.Text, f.Value!)));
    }

    [Fact]
    public void Should_count_a_year_before_from_the_year_just_told_of()
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize(
            "Pada 2012 maskapai itu mengangkut 4 juta penumpang, naik dari setahun sebelumnya."), SearchDay);

        Assert.Equal([("2012", "2012"), ("setahun sebelumnya", "2011")], found.Select(f => (f.Text, f.Value!)));
    }

    [Theory]
    [InlineData("Evakuasi yang berlangsung dua hari sebelumnya terhenti karena ombak.", "dua hari sebelumnya", "P2D")]
    [InlineData("Padahal, belum ada sepekan sebelumnya, maskapai itu menambah rute.", "sepekan", "P1W")]
    public void Should_read_a_counted_span_before_sebelumnya_as_a_duration_when_it_says_how_long(string sentence, string expected, string value)
    {
        var found = Single(sentence, SearchDay);

        Assert.Equal(expected, found.Text);
        Assert.Equal(TimexType.Duration, found.Type);
        Assert.Equal(value, found.Value);
    }

    [Fact]
    public void Should_give_both_quarters_of_an_elided_head_the_year_written_after_the_second()
    {
        var found = TemporalTagger.Tag(Tokenizer.Tokenize("Pesanan pesawat baru dikirim pada kuartal pertama dan kedua tahun depan."), SearchDay);

        Assert.Equal([("kuartal pertama", "2015-Q1"), ("kedua tahun depan", "2015-Q2")], found.Select(f => (f.Text, f.Value!)));
    }

    [Theory]
    [InlineData("Sidang berikutnya dijadwalkan pada Agustus di Jakarta.", "2015-08")]
    [InlineData("Maskapai itu membuka rute baru pada Agustus di Surabaya.", "2014-08")]
    public void Should_put_a_bare_month_in_the_coming_year_when_the_sentence_speaks_of_what_is_to_come(string sentence, string value)
    {
        Assert.Equal(value, Single(sentence, SearchDay).Value);
    }

    [Theory]
    [InlineData("Cuaca di Selat Karimata akhir-akhir ini buruk.", "akhir-akhir ini", "DATE", "PAST_REF")]
    [InlineData("Pencarian sementara ini dipusatkan di sekitar Pulau Belitung.", "sementara ini", "DATE", "PRESENT_REF")]
    [InlineData("Bandara itu pada masa sebelumnya melayani penerbangan malam.", "masa sebelumnya", "DATE", "PAST_REF")]
    [InlineData("Kapal itu bersandar dini hari tadi di Pangkalan Bun.", "dini hari tadi", "TIME", "2014-12-30TMO")]
    [InlineData("Parkir bandara selalu penuh pada Sabtu-Minggu.", "Sabtu-Minggu", "SET", "XXXX-WXX-WE")]
    public void Should_follow_the_published_values_for_reference_words_and_parts_of_the_day(string sentence, string expected, string type, string value)
    {
        var found = Single(sentence, SearchDay);

        Assert.Equal(expected, found.Text);
        Assert.Equal(type, found.Type.ToString().ToUpperInvariant());
        Assert.Equal(value, found.Value);
    }

    [Fact]
    public void Should_normalise_the_seed_expressions_of_the_tirto_report()
    {
        // Given the tirto seed, published 23 April 2019
        var text = File.ReadAllText(SharedData.PathOf("seeds/tirto-2019-04-23-kim-rusia.txt"));

        // When it is tagged against its publication date
        var found = TemporalTagger.Tag(Tokenizer.Tokenize(text), Tirto).ToDictionary(f => f.Text, f => f.Value);

        // Then the examples carry their TimeML values
        Assert.Equal("2019-04-23", found["hari Selasa (23/4/2019)"]);
        Assert.Equal("2019-02", found["Februari lalu"]);
        Assert.Equal("2019-W17", found["pekan ini"]);
        Assert.Equal("2019-W16", found["pekan lalu"]);
        Assert.Equal("2019-04", found["paruh kedua April"]);
    }

    [Fact]
    public void Should_normalise_the_seed_expressions_of_the_rakyatku_report()
    {
        // Given the rakyatku seed, published Tuesday 26 March 2019 20:34 WIB
        var text = File.ReadAllText(SharedData.PathOf("seeds/rakyatku-2019-03-26-kim-rusia.txt"));
        var published = new PublicationTime(new DateTimeOffset(2019, 3, 26, 20, 34, 0, TimeSpan.FromHours(7)), TimePrecision.Minute);

        // When it is tagged against its publication time
        var found = TemporalTagger.Tag(Tokenizer.Tokenize(text), published);

        // Then the relative expressions resolve against that Tuesday
        Assert.Contains(found, f => f.Text == "tahun lalu" && f.Value == "2018");
        Assert.Contains(found, f => f.Text == "hari Senin" && f.Value == "2019-03-25");
        Assert.Contains(found, f => f.Text == "kurang dari satu bulan" && f.Type == TimexType.Duration && f.Value == "P1M");
        Assert.Contains(found, f => f.Text == "Selasa, 26 Maret 2019" && f.Value == "2019-03-26");
    }
}
