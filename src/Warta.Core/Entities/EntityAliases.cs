using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>Compiled alias table of entities Indonesian news names in several ways (<c>AS</c> = <c>Amerika Serikat</c>, <c>Korut</c> = <c>Korea Utara</c>).</summary>
/// <remarks>Compiled by hand for this project from common usage in Indonesian news (abbreviations the outlets use and the
/// CLDR Indonesian country names); the first name of each row is the canonical one.</remarks>
internal static class EntityAliases
{
    private static readonly (EntityType Type, string[] Names)[] Rows =
    [
        (EntityType.Place, ["Amerika Serikat", "AS", "Amerika", "USA", "Paman Sam"]),
        (EntityType.Place, ["Korea Utara", "Korut", "Republik Rakyat Demokratik Korea", "North Korea"]),
        (EntityType.Place, ["Korea Selatan", "Korsel", "Republik Korea", "South Korea"]),
        (EntityType.Place, ["Indonesia", "RI", "Republik Indonesia", "NKRI", "Tanah Air"]),
        (EntityType.Place, ["Rusia", "Federasi Rusia", "Russia"]),
        (EntityType.Place, ["Tiongkok", "Cina", "China", "RRT", "RRC", "Republik Rakyat Tiongkok"]),
        (EntityType.Place, ["Inggris", "Britania Raya", "Inggris Raya", "Kerajaan Inggris", "UK"]),
        (EntityType.Place, ["Arab Saudi", "Saudi", "Saudi Arabia"]),
        (EntityType.Place, ["Uni Emirat Arab", "UEA"]),
        (EntityType.Place, ["Belanda", "Netherlands"]),
        (EntityType.Place, ["Jepang", "Japan"]),
        (EntityType.Place, ["Jerman", "Germany"]),
        (EntityType.Place, ["Prancis", "Perancis", "France"]),
        (EntityType.Place, ["Filipina", "Philippines"]),
        (EntityType.Place, ["Selandia Baru", "New Zealand"]),
        (EntityType.Place, ["Vietnam", "Viet Nam"]),
        (EntityType.Place, ["Palestina", "Palestine"]),
        (EntityType.Place, ["Jakarta", "DKI Jakarta", "DKI", "Ibu Kota Jakarta"]),
        (EntityType.Place, ["Yogyakarta", "DI Yogyakarta", "DIY", "Jogja", "Yogya", "Jogjakarta"]),
        (EntityType.Place, ["Jawa Barat", "Jabar"]),
        (EntityType.Place, ["Jawa Tengah", "Jateng"]),
        (EntityType.Place, ["Jawa Timur", "Jatim"]),
        (EntityType.Place, ["Sumatera Utara", "Sumut"]),
        (EntityType.Place, ["Sumatera Barat", "Sumbar"]),
        (EntityType.Place, ["Sumatera Selatan", "Sumsel"]),
        (EntityType.Place, ["Sulawesi Selatan", "Sulsel"]),
        (EntityType.Place, ["Sulawesi Utara", "Sulut"]),
        (EntityType.Place, ["Nusa Tenggara Barat", "NTB"]),
        (EntityType.Place, ["Nusa Tenggara Timur", "NTT"]),
        (EntityType.Place, ["Kalimantan Timur", "Kaltim"]),
        (EntityType.Place, ["Kepulauan Riau", "Kepri"]),
        (EntityType.Place, ["Moskow", "Moscow"]),
        (EntityType.Organisation, ["Perserikatan Bangsa-Bangsa", "PBB", "United Nations"]),
        (EntityType.Organisation, ["Komisi Pemberantasan Korupsi", "KPK"]),
        (EntityType.Organisation, ["Dewan Perwakilan Rakyat", "DPR", "DPR RI"]),
        (EntityType.Organisation, ["Majelis Permusyawaratan Rakyat", "MPR"]),
        (EntityType.Organisation, ["Tentara Nasional Indonesia", "TNI"]),
        (EntityType.Organisation, ["Kepolisian Negara Republik Indonesia", "Polri"]),
        (EntityType.Organisation, ["Komisi Pemilihan Umum", "KPU"]),
        (EntityType.Organisation, ["Badan Pengawas Pemilu", "Bawaslu"]),
        (EntityType.Organisation, ["Mahkamah Konstitusi", "MK"]),
        (EntityType.Organisation, ["Mahkamah Agung", "MA"]),
        (EntityType.Organisation, ["Kantor Berita Pusat Korea", "KCNA", "Korean Central News Agency"]),
        (EntityType.Organisation, ["Associated Press", "AP", "AP News"]),
        (EntityType.Organisation, ["Organisasi Kesehatan Dunia", "WHO"]),
        (EntityType.Organisation, ["Pakta Pertahanan Atlantik Utara", "NATO"]),
        (EntityType.Organisation, ["Uni Eropa", "UE", "EU"]),
        (EntityType.Organisation, ["Perhimpunan Bangsa-Bangsa Asia Tenggara", "ASEAN"]),
    ];

    private static readonly Dictionary<(EntityType, string), string> CanonicalByAlias = BuildIndex();

    /// <summary>All place names of the table (for the gazetteer).</summary>
    public static IEnumerable<string> PlaceNames =>
        Rows.Where(r => r.Type == EntityType.Place).SelectMany(r => r.Names);

    /// <summary>Organisation names of the table written in several words (<c>Kantor Berita Pusat Korea</c>), split into tokens.</summary>
    public static IEnumerable<string[]> MultiWordOrganisationNames =>
        Rows.Where(r => r.Type == EntityType.Organisation)
            .SelectMany(r => r.Names)
            .Select(n => n.Split(' '))
            .Where(t => t.Length > 1 && t.All(w => w.All(char.IsLetter)));

    /// <summary>The canonical name and type of an alias, preferring the given type (the tagger may call <c>Rusia</c> a person); null when the table does not know it.</summary>
    public static (EntityType Type, string Canonical)? Find(EntityType preferred, string normalisedName)
    {
        if (CanonicalByAlias.TryGetValue((preferred, normalisedName), out var canonical)) return (preferred, canonical);
        foreach (var type in (EntityType[])[EntityType.Place, EntityType.Organisation, EntityType.Person])
        {
            if (CanonicalByAlias.TryGetValue((type, normalisedName), out canonical)) return (type, canonical);
        }
        return null;
    }

    /// <summary>Type and every name of each row the normalised name belongs to (canonical first), for query-time expansion in search.</summary>
    public static IEnumerable<(EntityType Type, IReadOnlyList<string> Names)> RowsNaming(string normalisedName) =>
        Rows.Where(r => r.Names.Any(n => EntityLinker.Normalise(n) == normalisedName)).Select(static r => (r.Type, (IReadOnlyList<string>)r.Names));

    private static Dictionary<(EntityType, string), string> BuildIndex()
    {
        var index = new Dictionary<(EntityType, string), string>();
        foreach (var (type, names) in Rows)
        {
            foreach (var name in names) index.TryAdd((type, EntityLinker.Normalise(name)), names[0]);
        }
        return index;
    }
}
