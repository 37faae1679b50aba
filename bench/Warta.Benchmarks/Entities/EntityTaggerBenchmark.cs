using BenchmarkDotNet.Attributes;
using Warta.Core.Entities;
using Warta.Text;

namespace Warta.Benchmarks.Entities;

/// <summary>Tagging speed of the shipped NER model on a news paragraph; tokens/second = <see cref="Tokens"/> / mean time.</summary>
[MemoryDiagnoser]
public class EntityTaggerBenchmark
{
    private const string Paragraph =
        "Korea Utara telah mengkonfirmasi pada hari Selasa (23/4/2019), Kim Jong-un akan mengunjungi Rusia untuk pertemuan dengan Presiden Vladimir Putin. " +
        "Dilansir AP News, Kantor Berita Pusat Korea yang dikelola pemerintah Korut merilis pernyataan dua kalimat singkat yang mengatakan Kim akan segera berkunjung ke Federasi Rusia. " +
        "Tanggal untuk pertemuan ini belum diketahui, tetapi ada sejumlah tanda pertemuan tersebut akan diadakan pada pekan ini di pelabuhan Vladivostok. " +
        "Sebelumnya, Kim dan Presiden Donald Trump telah memiliki dua KTT, tetapi pertemuan tersebut gagal mencapai kesepakatan pada pertemuan terakhirnya di Vietnam Februari lalu. ";

    private TokenizedText _tokens = null!;
    private EntityTagger _tagger = null!;

    /// <summary>Tokens per invocation (the paragraph repeated ten times).</summary>
    public int Tokens => _tokens.Count;

    [GlobalSetup]
    public void Setup()
    {
        _tokens = Tokenizer.Tokenize(string.Concat(Enumerable.Repeat(Paragraph, 10)));
        _tagger = EntityTagger.Shipped;
        Console.WriteLine($"// tokens per invocation: {_tokens.Count}");
    }

    [Benchmark]
    public int TagArticle() => _tagger.Tag(_tokens).Count;
}
