using BenchmarkDotNet.Attributes;
using Warta.Core.Entities;
using Warta.Core.Extraction.Quotes;
using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Text;

namespace Warta.Benchmarks.Pipeline;

/// <summary>Where annotation time goes on one news article (≈ 420 words): each part alone, then the whole stage.</summary>
[MemoryDiagnoser]
public class AnnotationBenchmark
{
    private const string Paragraphs =
        "Korea Utara telah mengkonfirmasi pada hari Selasa (23/4/2019), Kim Jong-un akan mengunjungi Rusia untuk pertemuan dengan Presiden Vladimir Putin.\n\n" +
        "Dilansir AP News, Kantor Berita Pusat Korea yang dikelola pemerintah Korut merilis pernyataan dua kalimat singkat yang mengatakan Kim akan segera berkunjung ke Federasi Rusia.\n\n" +
        "“Sampai saat ini, saya pikir semuanya tetap dalam mode konsultasi,” kata Oleg Melnichenko, seorang senator dari wilayah Penza, pada hari Senin.\n\n" +
        "Tanggal untuk pertemuan ini belum diketahui, tetapi ada sejumlah tanda pertemuan tersebut akan diadakan pada pekan ini di pelabuhan Vladivostok.\n\n" +
        "Sebelumnya, Kim dan Presiden Donald Trump telah memiliki dua KTT, tetapi pertemuan tersebut gagal mencapai kesepakatan pada pertemuan terakhirnya di Vietnam Februari lalu.\n\n";

    private static readonly DateTimeOffset Now = new(2019, 4, 23, 10, 0, 0, TimeSpan.FromHours(7));

    private readonly string _body = string.Concat(Enumerable.Repeat(Paragraphs, 4)).TrimEnd();
    private readonly AnnotationStage _stage = new(EntityTagger.Shipped);
    private Article _article = null!;
    private IReadOnlyList<EntityMention> _entities = [];
    private TokenizedText _tokens = null!;

    [GlobalSetup]
    public void Setup()
    {
        _article = new Article { Id = "bench", Title = "Kim Jong Un ke Rusia", Outlet = "tirto.id", Source = "bench", Paragraphs = _body.Split("\n\n"), Published = new PublicationTime(Now, TimePrecision.Minute) };
        _tokens = Tokenizer.Tokenize(_body);
        _entities = EntityLinker.Link(EntityTagger.Shipped.Tag(_tokens));
    }

    [Benchmark]
    public int Tokenize() => Tokenizer.Tokenize(_body).Count;

    /// <summary>Tagging from a fresh layer each time, so the layer's lazily made words and lower-case forms are counted in.</summary>
    [Benchmark]
    public int TagEntities() => EntityTagger.Shipped.Tag(Tokenizer.Tokenize(_body)).Count;

    [Benchmark]
    public int LinkEntities() => EntityLinker.Link(_entities).Count;

    [Benchmark]
    public int TagTimes() => TemporalTagger.Tag(Tokenizer.Tokenize(_body), Now).Count;

    [Benchmark]
    public int ExtractQuotes() => new QuoteExtractor(_ => null).Extract(Tokenizer.Tokenize(_body)).Count;

    [Benchmark(Baseline = true)]
    public Article WholeStage() => _stage.Process(_article);
}
