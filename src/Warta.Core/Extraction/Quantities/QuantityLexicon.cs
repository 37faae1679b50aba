namespace Warta.Core.Extraction.Quantities;

/// <summary>Words the quantity extractor knows: number words, magnitudes, hedges, units and the nouns counts are made of.</summary>
internal static class QuantityLexicon
{
    /// <summary>Magnitude words after a number (<c>2 miliar</c>, <c>tiga ribu</c>).</summary>
    public static readonly Dictionary<string, decimal> Magnitudes = new(StringComparer.Ordinal)
    {
        ["ribu"] = 1_000m,
        ["juta"] = 1_000_000m,
        ["miliar"] = 1_000_000_000m,
        ["milyar"] = 1_000_000_000m,
        ["triliun"] = 1_000_000_000_000m,
        ["thousand"] = 1_000m,
        ["million"] = 1_000_000m,
        ["billion"] = 1_000_000_000m,
    };

    /// <summary>Vague amounts: <c>ratusan</c> is "hundreds", stored as 100 and approximate.</summary>
    public static readonly Dictionary<string, decimal> VagueAmounts = new(StringComparer.Ordinal)
    {
        ["puluhan"] = 10m,
        ["ratusan"] = 100m,
        ["ribuan"] = 1_000m,
        ["puluhan ribu"] = 10_000m,
        ["jutaan"] = 1_000_000m,
        ["dozens"] = 12m,
        ["hundreds"] = 100m,
        ["thousands"] = 1_000m,
    };

    /// <summary>Words before a number that make it approximate.</summary>
    public static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "sekitar", "kurang", "lebih", "hampir", "nyaris", "kira-kira", "sekira", "setidaknya", "sedikitnya", "paling", "mencapai", "di atas", "about", "around", "nearly", "almost", "over", "some",
    };

    /// <summary>Units and classifiers written after a number; a classifier (<c>orang</c>) lets the noun after it say what is counted.</summary>
    public static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "persen", "%", "meter", "m", "sentimeter", "cm", "kilometer", "km", "km/jam", "hektare", "hektar", "ha", "ton", "kg", "kilogram", "liter", "menit", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "derajat", "mil",
        "orang", "jiwa", "unit", "buah", "ekor", "kepala", "kk", "titik", "lembar", "batang", "percent", "people", "kilometres", "kilometers",
    };

    /// <summary>Classifiers: what they count is the noun that follows (or the one before the number).</summary>
    public static readonly HashSet<string> Classifiers = new(StringComparer.Ordinal) { "orang", "jiwa", "unit", "buah", "ekor", "kepala", "people" };

    /// <summary>Classifiers of people: what they count is a person noun or state, never a place.</summary>
    public static readonly HashSet<string> PeopleClassifiers = new(StringComparer.Ordinal) { "orang", "jiwa", "people" };

    /// <summary>The <see cref="CountNouns"/> keys that count people.</summary>
    public static readonly HashSet<string> PeopleCounts = new(StringComparer.Ordinal)
    {
        "meninggal", "hilang", "luka", "pengungsi", "dievakuasi", "warga", "pasien", "karyawan", "personel", "relawan", "penumpang", "siswa", "pedagang", "keluarga", "kepala keluarga",
    };

    /// <summary>What happened to people (dead, missing, injured, displaced, evacuated), one key per state: a count of them is
    /// of that state, and beside <c>warga</c>, <c>orang</c> or <c>jiwa</c> they say which people were counted.</summary>
    public static readonly IReadOnlyDictionary<string, string> PeopleStates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["meninggal"] = "meninggal",
        ["tewas"] = "meninggal",
        ["menewaskan"] = "meninggal",
        ["wafat"] = "meninggal",
        ["jenazah"] = "meninggal",
        ["dead"] = "meninggal",
        ["killed"] = "meninggal",
        ["hilang"] = "hilang",
        ["missing"] = "hilang",
        ["luka"] = "luka",
        ["luka-luka"] = "luka",
        ["injured"] = "luka",
        ["pengungsi"] = "pengungsi",
        ["mengungsi"] = "pengungsi",
        ["dievakuasi"] = "dievakuasi",
        ["evacuated"] = "dievakuasi",
        ["evacuees"] = "pengungsi",
    };

    /// <summary>Nouns and states a count is of, mapped to one key so that <c>tewas</c> and <c>meninggal</c> compare equal.</summary>
    public static readonly Dictionary<string, string> CountNouns = new(PeopleStates, StringComparer.Ordinal)
    {
        ["korban"] = "meninggal",
        ["korban jiwa"] = "meninggal",
        ["korban meninggal"] = "meninggal",
        ["korban tewas"] = "meninggal",
        ["korban luka"] = "luka",
        ["korban hilang"] = "hilang",
        ["warga"] = "warga",
        ["warga mengungsi"] = "pengungsi",
        ["jiwa mengungsi"] = "pengungsi",
        ["orang mengungsi"] = "pengungsi",
        ["penduduk"] = "warga",
        ["residents"] = "warga",
        ["rumah"] = "rumah",
        ["houses"] = "rumah",
        ["desa"] = "desa",
        ["villages"] = "desa",
        ["kios"] = "kios",
        ["lapak"] = "kios",
        ["stalls"] = "kios",
        ["kasus"] = "kasus",
        ["cases"] = "kasus",
        ["pasien"] = "pasien",
        ["kepala keluarga"] = "kepala keluarga",
        ["kk"] = "kepala keluarga",
        ["karyawan"] = "karyawan",
        ["pegawai"] = "karyawan",
        ["pekerja"] = "karyawan",
        ["employees"] = "karyawan",
        ["staff"] = "karyawan",
        ["personel"] = "personel",
        ["relawan"] = "relawan",
        ["penumpang"] = "penumpang",
        ["passengers"] = "penumpang",
        ["siswa"] = "siswa",
        ["sekolah"] = "sekolah",
        ["kendaraan"] = "kendaraan",
        ["mobil"] = "mobil",
        ["sepeda motor"] = "sepeda motor",
        ["jembatan"] = "jembatan",
        ["negeri"] = "desa",
        ["kampung"] = "desa",
        ["nagari"] = "desa",
        ["pedagang"] = "pedagang",
        ["keluarga"] = "keluarga",
        ["titik"] = "titik",
        ["posko"] = "posko",
        ["tenda"] = "tenda",
        ["perjalanan"] = "perjalanan",
    };

    /// <summary>What a money amount is of (<c>kerugian ditaksir Rp3,5 miliar</c>).</summary>
    public static readonly Dictionary<string, string> MoneyNouns = new(StringComparer.Ordinal)
    {
        ["kerugian"] = "kerugian",
        ["taksiran"] = "kerugian",
        ["loss"] = "kerugian",
        ["losses"] = "kerugian",
        ["dana"] = "dana",
        ["anggaran"] = "anggaran",
        ["biaya"] = "biaya",
        ["tarif"] = "tarif",
        ["harga"] = "harga",
        ["gaji"] = "gaji",
        ["pesangon"] = "pesangon",
        ["suap"] = "suap",
        ["uang"] = "uang",
        ["investasi"] = "investasi",
        ["pendanaan"] = "pendanaan",
        ["denda"] = "denda",
        ["nilai"] = "nilai",
        ["bantuan"] = "bantuan",
        ["fare"] = "tarif",
        ["funding"] = "pendanaan",
    };

    /// <summary>Words that tell a money amount's currency when written before it.</summary>
    public static readonly Dictionary<string, string> Currencies = new(StringComparer.Ordinal)
    {
        ["rp"] = "Rp",
        ["rupiah"] = "Rp",
        ["us$"] = "USD",
        ["usd"] = "USD",
        ["$"] = "USD",
        ["dolar"] = "USD",
    };
}
