using System.Text;
using BenchmarkDotNet.Attributes;
using Warta.Core.Ingestion;

namespace Warta.Benchmarks.Core.Ingestion;

/// <summary>Cost of reading one saved text page and one HTML page end to end (decode, clean, extract).</summary>
[MemoryDiagnoser]
public class ArticleIngestorBenchmarks
{
    private readonly ArticleIngestor _ingestor = new();
    private RawDocument _textPage = null!;
    private RawDocument _htmlPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
            $"Paragraf {i}: Pemerintah mengatakan harga bahan bakar akan turun pada Senin (2/12/2019), kata pejabat yang ditemui di Jakarta."));
        var page = "Selasa, 26 Maret 2019 20:34\n\nJudul Berita tentang Harga Bahan Bakar\n\nSuriawati\nKonten Redaksi Rakyatku.Com\n\nRAKYATKU.COM - " + body;
        _textPage = new RawDocument("page.txt", Encoding.UTF8.GetBytes(page));
        var html = "<html><head><meta property=\"og:title\" content=\"Judul Berita\"><meta property=\"article:published_time\" content=\"2019-03-26T20:34:00+07:00\"></head><body><nav><a href=\"/\">Beranda</a></nav><article>"
            + string.Concat(body.Split("\n\n").Select(p => "<p>" + p + "</p>")) + "</article><footer>Hak cipta</footer></body></html>";
        _htmlPage = new RawDocument("page.html", Encoding.UTF8.GetBytes(html));
    }

    [Benchmark]
    public int TextPage() => _ingestor.Read(_textPage).Count;

    [Benchmark]
    public int HtmlPage() => _ingestor.Read(_htmlPage).Count;
}
