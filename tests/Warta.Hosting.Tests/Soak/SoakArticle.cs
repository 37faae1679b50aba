using System.Globalization;
using System.Text;

namespace Warta.Hosting.Tests.Soak;

/// <summary>One generated news item of a soak outlet: what its feed lists and what its page says.</summary>
/// <param name="Serial">Publication number across all outlets (1, 2, …), also in the text so no two pages are the same.</param>
/// <param name="Topic">The topic it was written from; <see cref="SoakArticle.Flood"/> and <see cref="SoakArticle.Quake"/> are what the alert rules look for.</param>
/// <param name="Path">The page's path on its outlet (<c>/berita/2026/11/02/…-17.html</c>).</param>
/// <param name="Title">The headline, in the feed and on the page.</param>
/// <param name="Author">The reporter, in the feed and the page's metadata.</param>
/// <param name="Published">The publication time, in the feed and the page's metadata.</param>
/// <param name="Paragraphs">The article's text.</param>
internal sealed record SoakArticle(int Serial, string Topic, string Path, string Title, string Author, DateTimeOffset Published, IReadOnlyList<string> Paragraphs)
{
    public const string Flood = "banjir";
    public const string Quake = "gempa";

    private static readonly string[] Cities =
    [
        "Medan", "Padang", "Pekanbaru", "Palembang", "Bandar Lampung", "Serang", "Bandung", "Semarang", "Yogyakarta", "Surabaya",
        "Denpasar", "Mataram", "Kupang", "Pontianak", "Banjarmasin", "Samarinda", "Manado", "Makassar", "Ambon", "Jayapura",
    ];

    private static readonly string[] Officials =
    [
        "Bambang Sutrisno", "Dewi Lestari", "Hendra Gunawan", "Sri Wahyuni", "Yusuf Maulana", "Ratna Sari", "Agus Salim", "Nur Aini",
        "Teguh Prasetyo", "Fitri Handayani",
    ];

    private static readonly string[] Reporters = ["Rina Wulandari", "Ahmad Fauzi", "Siti Nurhaliza", "Dimas Pratama", "Lia Kurniasih", "Joko Susilo"];

    private static readonly string[] Days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

    /// <summary>Topics with templates: {city}, {official}, {n}, {m}, {day}, {serial} are filled in. Only the flood topic says "banjir" and only the quake topic says "gempa".</summary>
    private static readonly (string Topic, string Title, string[] Body)[] Topics =
    [
        (Flood, "Banjir rendam {n} rumah warga di {city}",
        [
            "{CITY}, Warta — Banjir setinggi {m} sentimeter merendam {n} rumah warga di {city} sejak {day} pagi setelah hujan deras mengguyur sepanjang malam.",
            "Kepala Badan Penanggulangan Bencana Daerah {official} mengatakan petugas telah mendirikan {m} posko pengungsian di sekolah dan masjid terdekat.",
            "\"Kami mengimbau warga di bantaran sungai untuk waspada karena debit air masih naik,\" kata {official}. Catatan redaksi nomor {serial}.",
            "Dinas Sosial menyalurkan beras, air bersih dan selimut bagi warga yang mengungsi.",
        ]),
        (Quake, "Gempa magnitudo {mag} guncang {city}, warga berhamburan",
        [
            "{CITY}, Warta — Gempa bermagnitudo {mag} mengguncang {city} pada {day} dini hari dan membuat warga berhamburan ke luar rumah.",
            "Badan Meteorologi, Klimatologi, dan Geofisika mencatat pusat gempa berada {m} kilometer di barat daya kota pada kedalaman {n} kilometer.",
            "{official} dari BMKG menyatakan gempa tidak berpotensi tsunami. Laporan kerusakan nomor {serial} masih didata petugas.",
            "Sejumlah dinding rumah dan sekolah dilaporkan retak, namun belum ada korban jiwa.",
        ]),
        ("beras", "Harga beras di {city} naik jadi Rp{n} per kilogram",
        [
            "{CITY}, Warta — Harga beras medium di pasar tradisional {city} naik menjadi Rp{n} per kilogram pada {day}.",
            "Pedagang menyebut pasokan dari sentra produksi berkurang {m} persen dibanding bulan lalu.",
            "Kepala Dinas Perdagangan {official} berjanji menggelar operasi pasar pekan depan. Pantauan harga nomor {serial}.",
            "Badan Pusat Statistik mencatat beras menjadi penyumbang terbesar inflasi daerah bulan ini.",
        ]),
        ("jalan", "Jalan tol {city} ruas baru dibuka, lalu lintas padat",
        [
            "{CITY}, Warta — Ruas baru jalan tol sepanjang {m} kilometer di {city} resmi dibuka untuk umum pada {day}.",
            "Operator mencatat {n} kendaraan melintas pada hari pertama dan memberlakukan tarif gratis selama dua pekan.",
            "Direktur operasi {official} mengatakan ruas ini memangkas waktu tempuh hingga satu jam. Laporan lalu lintas nomor {serial}.",
            "Polisi menyiagakan petugas di gerbang tol untuk mengurai antrean kendaraan.",
        ]),
        ("dbd", "Kasus demam berdarah di {city} capai {n} orang",
        [
            "{CITY}, Warta — Dinas Kesehatan {city} mencatat {n} kasus demam berdarah dengue sejak awal bulan, {m} di antaranya anak-anak.",
            "Kepala Dinas Kesehatan {official} meminta warga menguras bak mandi dan menutup tempat penampungan air.",
            "Petugas melakukan pengasapan di {m} kelurahan dengan kasus terbanyak pada {day}. Data kesehatan nomor {serial}.",
            "Rumah sakit daerah menambah ruang perawatan untuk pasien demam berdarah.",
        ]),
        ("kebakaran", "Kebakaran pasar di {city} hanguskan {n} kios",
        [
            "{CITY}, Warta — Kebakaran melanda pasar induk {city} pada {day} malam dan menghanguskan {n} kios pedagang.",
            "Sebanyak {m} unit mobil pemadam dikerahkan dan api baru padam setelah tiga jam.",
            "Kepala Dinas Pemadam Kebakaran {official} menduga api berasal dari korsleting listrik. Laporan nomor {serial}.",
            "Pedagang berharap pemerintah kota segera menyediakan lapak sementara.",
        ]),
    ];

    /// <summary>The <paramref name="serial"/>th item, for outlet <paramref name="outlet"/>, drawn from <paramref name="random"/>.</summary>
    public static SoakArticle Create(int serial, SoakOutlet outlet, Random random, DateTimeOffset published)
    {
        var (topic, title, body) = Topics[random.Next(Topics.Length)];
        var city = Cities[random.Next(Cities.Length)];
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{city}"] = city,
            ["{CITY}"] = city.ToUpperInvariant(),
            ["{official}"] = Officials[random.Next(Officials.Length)],
            ["{day}"] = Days[random.Next(Days.Length)],
            ["{n}"] = (100 + random.Next(9900)).ToString("N0", CultureInfo.GetCultureInfo("id-ID")),
            ["{m}"] = (2 + random.Next(60)).ToString(CultureInfo.InvariantCulture),
            ["{mag}"] = (4 + (random.Next(30) / 10.0)).ToString("0.0", CultureInfo.GetCultureInfo("id-ID")),
            ["{serial}"] = serial.ToString(CultureInfo.InvariantCulture),
        };
        string Fill(string template)
        {
            var text = new StringBuilder(template);
            foreach (var (key, value) in values) text.Replace(key, value);
            return text.Replace("Warta —", outlet.Name + " —").ToString();
        }
        var filledTitle = Fill(title);
        var slug = string.Join('-', filledTitle.ToLowerInvariant().Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries)) + "-" + serial.ToString(CultureInfo.InvariantCulture);
        var path = string.Create(CultureInfo.InvariantCulture, $"/berita/{published:yyyy/MM/dd}/{slug}.html");
        return new SoakArticle(serial, topic, path, filledTitle, Reporters[random.Next(Reporters.Length)], published, [.. body.Select(Fill)]);
    }

    /// <summary>The article page as an outlet's CMS renders it: metadata in the head, the text in an article element, navigation around it.</summary>
    public string Html(SoakOutlet outlet, string baseUrl)
    {
        var published = Published.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><title>{Title} - {outlet.Name}</title>
            <meta property="og:title" content="{Title}">
            <meta property="og:site_name" content="{outlet.Name}">
            <meta property="article:published_time" content="{published}">
            <meta name="author" content="{Author}">
            <link rel="canonical" href="{baseUrl}{Path}">
            </head><body>
            <header><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/daerah">Daerah</a> <a href="/ekonomi">Ekonomi</a></nav></header>
            <main><article><h1>{Title}</h1><p class="byline">Oleh {Author}</p>

            """);
        foreach (var paragraph in Paragraphs) html.Append("<p>").Append(paragraph).Append("</p>\n");
        html.Append("</article><aside><h2>Terpopuler</h2><ul><li><a href=\"/\">Indeks berita</a></li></ul></aside></main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<footer>&copy; {Published.Year} {outlet.Name}. Hak cipta dilindungi.</footer></body></html>\n");
        return html.ToString();
    }
}
