namespace Warta.Core.Extraction.Quotes;

/// <summary>Indonesian reporting verbs, pronouns and title words used to attribute quotes.</summary>
internal static class QuoteLexicon
{
    /// <summary>Cues that follow a direct quote (<c>“…,” kata X</c>); <c>-nya</c> forms refer back to the last speaker.</summary>
    public static readonly HashSet<string> PostCues = new(StringComparer.Ordinal)
    {
        "kata", "ujar", "ungkap", "jelas", "tutur", "ucap", "imbuh", "tambah", "tegas", "sebut", "terang", "pungkas",
        "papar", "lanjut", "kilah", "aku", "ungkapnya", "katanya", "ujarnya", "tuturnya", "ucapnya", "imbuhnya", "tambahnya",
        "tegasnya", "sebutnya", "terangnya", "pungkasnya", "paparnya", "lanjutnya", "jelasnya", "kilahnya", "akunya",
        "seru", "serunya", "tulis", "tulisnya", "canda", "candanya", "timpal", "timpalnya", "sambung", "sambungnya",
        // English reports ("…,” said Jefri Mamahit)
        "said", "says", "added", "explained", "wrote", "asked",
    };

    /// <summary>Reporting verbs that introduce a quote or reported speech (<c>X mengatakan, …</c>).</summary>
    public static readonly HashSet<string> PreCues = new(StringComparer.Ordinal)
    {
        "mengatakan", "menyatakan", "menjelaskan", "menegaskan", "mengungkapkan", "menuturkan", "menambahkan",
        "menyebutkan", "menyebut", "menilai", "mengakui", "berkata", "memaparkan", "menerangkan", "mengemukakan",
        "menyampaikan", "mengklaim", "membantah", "mengingatkan", "menekankan", "berpendapat", "menandaskan", "menyebutkan",
        "mengungkap", "mengaku", "menduga", "memperkirakan", "berharap", "menyampaikan", "menulis", "bertanya", "menanggapi",
        // English ("Rante said", "Mamahit told reporters")
        "said", "says", "added", "explained", "told", "stated", "warned", "wrote", "asked",
    };

    /// <summary>Pronouns standing for the last named speaker.</summary>
    public static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "ia", "dia", "beliau", "nya", "he", "she", "they" };

    /// <summary>Words that head a title or office before a name (<c>Menteri Keuangan</c>, <c>Presiden</c>).</summary>
    public static readonly HashSet<string> TitleHeads = new(StringComparer.Ordinal)
    {
        "presiden", "wakil", "wapres", "menteri", "menko", "gubernur", "wagub", "bupati", "wali", "walikota", "direktur", "dirut",
        "kepala", "ketua", "sekretaris", "sekjen", "deputi", "juru", "jubir", "kapolri", "kapolda", "kapolres", "panglima",
        "jenderal", "senator", "anggota", "analis", "pengamat", "ekonom", "komisaris", "manajer", "manager", "vice", "president",
        "pemimpin", "perdana", "raja", "ratu", "duta", "dubes", "asisten", "staf", "dekan", "rektor", "profesor", "prof", "dr",
        "ir", "pak", "bu", "bapak", "ibu", "menkeu", "mendag", "menperin", "mentan", "gubernur", "chief", "ceo", "kabid",
        "kasubdit", "dirjen", "plt", "pj", "general", "head", "direktorat", "senior", "pejabat", "hakim", "jaksa", "kapten",
        "peneliti", "dosen", "guru", "ahli", "pakar", "ketua", "juragan", "pengusaha", "warga", "petani", "nelayan",
        "pelatih", "pengacara", "advokat", "kuasa", "penyidik", "komandan", "camat", "lurah", "kades", "sekda", "kapolsek",
        "pangdam", "danrem", "dandim", "kasat", "kabag", "kadis", "wamen", "terdakwa", "tersangka", "saksi", "korban",
        "pendiri", "pemilik", "koordinator", "pelaksana", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson",
        "secretary", "governor", "mayor", "minister", "director", "official", "officer",
    };

    /// <summary>Capitalised words that continue a title or office rather than start a name.</summary>
    public static readonly HashSet<string> OfficeWords = new(StringComparer.Ordinal)
    {
        "keuangan", "luar", "negeri", "dalam", "perdagangan", "perindustrian", "pertanian", "energi", "sumber", "daya", "mineral",
        "esdm", "bumn", "koordinator", "perekonomian", "bidang", "hukum", "politik", "keamanan", "pertahanan", "kesehatan",
        "pendidikan", "sosial", "agama", "pariwisata", "perhubungan", "komunikasi", "informatika", "utama", "eksekutif", "umum",
        "jenderal", "senior", "korporat", "operasi", "pemasaran", "niaga", "republik", "indonesia", "ri", "dki", "jakarta",
        "bank", "sentral", "dewan", "dpr", "mpr", "komisi", "fraksi", "bicara", "kota", "provinsi", "negara", "kabinet",
        "perencanaan", "pembangunan", "nasional", "bappenas", "bi", "ojk", "pt", "persero", "tbk", "hubungan", "masyarakat",
        "humas", "kementerian", "badan", "lembaga", "divisi", "departemen", "president", "manager", "officer", "vice",
        "fuel", "retail", "marketing", "corporate", "communication", "communications", "public", "relations", "affairs", "finance",
        "operation", "operations", "business", "development", "executive", "chief", "director", "distribution", "policy", "government",
    };
}
