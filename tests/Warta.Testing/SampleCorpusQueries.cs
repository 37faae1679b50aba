namespace Warta.Testing;

/// <summary>The search queries the tests run on the sample corpus: those of the Lucene index's tests
/// (Warta.Search.Lucene.Tests) and the rest of the query syntax, one list for every test that holds two indexes against each other.</summary>
public static class SampleCorpusQueries
{
    public static IReadOnlyList<string> All { get; } =
    [
        "mengungsi", "pengungsi", "menemukan", "pertemuan", "Sulut", "Sulawesi Utara", "\"Sungai Lamaru\"", "\"Lamaru Sungai\"", "Lamaru Sungai",
        "Ambalang", "Seruni", "Lamaru", "banjir", "Ambalang OR Seruni", "Lamaru -banjir", "banjir outlet:kabarnusa.id", "lang:en",
        "Lamaru since:2025-03-01 until:2025-03-31", "entity:Sulut", "Dimas Kalindra", "banjir Lamaru", "warga", "setelah", "\"Korea Utara\"",
        "-banjir lang:id", "yang", "yang banjir", "\"jebol di Kecamatan\"", "\"desa Kabupaten\"", "-\"Sungai Lamaru\" Lamaru",
        "banjir OR longsor pengungsi", "entity:\"Sulawesi Utara\" since:2025-01-01", "outlet:kabarnusa.id outlet:antarprov.com until:2025-03-31",
        "banjir-lamaru", "erupsi OR eruption", "lang:en volcano", "rp2 miliar", "2025", "lang:id",
    ];
}
