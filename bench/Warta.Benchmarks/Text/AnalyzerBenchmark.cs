using BenchmarkDotNet.Attributes;
using Warta.Testing;
using Warta.Text;

namespace Warta.Benchmarks.Text;

/// <summary>Throughput of <see cref="TextAnalyzer.Analyze"/> on an Indonesian news article; tokens/s = <see cref="TokenCount"/> / mean time.</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmark
{
    // Written for this benchmark in the style of an Indonesian news report (about 330 tokens).
    private const string Article = """
        JAKARTA, KOMPAS.com – Pemerintah memastikan pembangunan pabrik-pabrik baru di kawasan industri Bekasi tetap berjalan meskipun harga bahan baku naik 3,5 persen sejak awal tahun. Menteri Perindustrian mengatakan, pertemuan dengan para pengusaha pada Selasa (23/4/2019) menghasilkan kesepakatan untuk memberikan keringanan pajak bagi perusahaan yang mempekerjakan lebih dari 1.000 orang.

        "Kami tidak ingin investor menunda rencananya. Keringanan ini berlaku mulai Juli," ujar sang menteri seusai mengunjungi salah satu pabrik, sekitar pukul 20.34 WIB. Ia menambahkan, pemerintah daerah diminta mempercepat perizinan agar pembangunan tidak terhambat oleh persoalan lahan.

        Sementara itu, Asosiasi Pengusaha Indonesia (Apindo) menyambut baik kebijakan tersebut. Ketua Apindo menilai, kebijakan itu akan membantu perusahaan-perusahaan kecil yang selama ini kesulitan bersaing dengan produk impor. Namun, ia mengingatkan bahwa kenaikan upah minimum dan biaya logistik masih menjadi tantangan terbesar bagi industri padat karya.

        Menurut data Badan Pusat Statistik, pertumbuhan industri pengolahan pada kuartal pertama mencapai 4,8 persen, lebih rendah dibandingkan periode yang sama tahun lalu. Para ekonom memperkirakan, tanpa dukungan kebijakan, pertumbuhan sektor tersebut bisa melambat hingga akhir tahun. Informasi lengkap dapat dibaca di https://www.kemenperin.go.id/artikel/20190423 atau ditanyakan melalui humas@kemenperin.go.id.

        Di media sosial, tagar #PabrikBaru sempat menjadi perbincangan. Warganet mempertanyakan apakah pembangunan itu akan menyerap tenaga kerja lokal. Kepala Dinas Tenaga Kerja Kabupaten Bekasi menegaskan, sedikitnya 60 persen pekerja harus berasal dari warga setempat. "Kami akan mengawasi pelaksanaannya secara ketat," katanya.
        """;

    private TextAnalyzer _analyzer = null!;
    private string _article = string.Empty;

    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = Analyzers.Shared;
        _article = Article;
        TokenCount = Tokenizer.Tokenize(_article).Count;
        Console.WriteLine($"// tokens per article: {TokenCount}");
    }

    [Benchmark(Baseline = true)]
    public int Analyze() => _analyzer.Analyze(Tokenizer.Tokenize(_article), "id").Tokens.Count;

    [Benchmark]
    public int Tokenize() => Tokenizer.Tokenize(_article).Count;
}
