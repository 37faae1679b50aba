using System.IO.Compression;
using System.Runtime.Intrinsics;
using Warta.Core.Entities;
using Xunit;

namespace Warta.Core.Tests.Entities;

public class EmissionTableTests
{
    private static readonly string[][] Sentences =
    [
        ["Presiden", "Joko", "Widodo", "meresmikan", "Bendungan", "Jatigede", "di", "Sumedang", ",", "Jawa", "Barat", ",", "Senin", "(", "24/8/2015", ")", "."],
        ["Badan", "Nasional", "Penanggulangan", "Bencana", "(", "BNPB", ")", "mencatat", "1.200", "rumah", "terendam", "banjir", "di", "Kabupaten", "Bandung", "."],
        ["Gubernur", "DKI", "Jakarta", "Anies", "Baswedan", "bertemu", "Menteri", "Keuangan", "Sri", "Mulyani", "di", "Balai", "Kota", "."],
        ["Kim", "Jong-un", "akan", "mengunjungi", "Rusia", "untuk", "bertemu", "Presiden", "Vladimir", "Putin", "di", "Vladivostok", "."],
        ["Kepala", "Desa", "Budi", "Santoso", "mengatakan", "warga", "Kampung", "Baru", "menunggu", "bantuan", "dari", "PMI", "."],
        ["PT", "Pertamina", "(", "Persero", ")", "menaikkan", "harga", "Pertamax", "mulai", "1", "Oktober", "2022", "."],
        ["Timnas", "Indonesia", "kalah", "1-2", "dari", "Vietnam", "di", "Stadion", "Utama", "Gelora", "Bung", "Karno", "."],
        ["hujan", "deras", "sejak", "pagi", "membuat", "sungai", "meluap"],
    ];

    [Fact]
    public void Should_widen_every_half_precision_value_to_the_float_the_runtime_converts_it_to()
    {
        // Given every 16-bit pattern (normal, subnormal, zero, infinite and NaN halves of both signs)
        var halves = new ushort[8];
        for (var first = 0; first <= ushort.MaxValue; first += 8)
        {
            for (var t = 0; t < 8; t++) halves[t] = (ushort)(first + t);

            // When widened eight at a time
            var widened = EmissionTable.Widen(Vector128.Create(halves));

            // Then each lane is exactly (float)Half of its pattern, NaN for NaN
            for (var t = 0; t < 8; t++)
            {
                var expected = (float)BitConverter.UInt16BitsToHalf(halves[t]);
                if (float.IsNaN(expected)) Assert.True(float.IsNaN(widened[t]), $"0x{halves[t]:X4}");
                else Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(widened[t]));
            }
        }
    }

    [Fact]
    public void Should_score_and_tag_sentences_exactly_as_the_dense_float_weights_do()
    {
        // Given the shipped model, and its weights as the dense float rows the tagger held before (T floats per bucket)
        var tagger = EntityTagger.LoadShippedModel();
        var (emission, transition, extractor) = tagger.Parts;
        var dense = Dense(emission);
        var domainTable = tagger.DomainEmission!;
        var domainDense = Dense(domainTable);
        var mask = (1 << tagger.BucketBits) - 1;

        foreach (var tokens in Sentences)
        {
            var features = extractor.Extract(tokens);
            for (var domain = 0; domain <= tagger.Domains.Count; domain++)
            {
                // When scored from the half-precision table and from the floats, with the shared weights alone and with each correction
                var scores = EntityTagger.Scores(features, tokens.Length, emission, domainTable, domain, mask);
                var expected = EntityTagger.DenseScores(features, tokens.Length, dense, domainDense, domain, mask);

                // Then the scores are the same bit for bit
                Assert.Equal(expected.Select(BitConverter.SingleToUInt32Bits), scores.Select(BitConverter.SingleToUInt32Bits));
            }

            // And the tagger's tags are the float model's
            var floatTags = EntityTagger.Viterbi(features, tokens.Length, dense, transition, null, default, 0, mask);
            Assert.Equal(floatTags, tagger.WithoutNameRules().Decode(tokens));
        }
    }

    [Fact]
    public void Should_score_the_same_bits_with_each_word_sum_taken_from_the_cache_as_without_it()
    {
        // Given the shipped model with the shared weights and with each domain's correction
        var tagger = EntityTagger.LoadShippedModel();
        var (emission, _, extractor) = tagger.Parts;
        var mask = (1 << tagger.BucketBits) - 1;
        string?[] domains = [null, .. tagger.Domains];
        foreach (var domain in domains)
        {
            var model = tagger.ForDomain(domain);
            var index = domain is null ? 0 : tagger.Domains.ToList().IndexOf(domain) + 1;
            // When each sentence is scored twice, first with its words unseen on this thread, then with their sums cached
            foreach (var tokens in Sentences)
            {
                var expected = EntityTagger.Scores(extractor.Extract(tokens), tokens.Length, emission, tagger.DomainEmission, index, mask);
                var cold = model.CachedScores(tokens, null, tagger.DomainEmission, mask);
                var warm = model.CachedScores(tokens, null, tagger.DomainEmission, mask);

                // Then both are the uncached scores, bit for bit
                Assert.Equal(expected.Select(BitConverter.SingleToUInt32Bits), cold.Select(BitConverter.SingleToUInt32Bits));
                Assert.Equal(expected.Select(BitConverter.SingleToUInt32Bits), warm.Select(BitConverter.SingleToUInt32Bits));
            }
        }
    }

    [Fact]
    public void Should_keep_the_word_cache_bounded_and_keep_recently_read_words()
    {
        var cache = new WordScoreCache(100);
        var sum = System.Runtime.Intrinsics.Vector256.Create(1f);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Add($"kata{i}", sum);
            // A word read again every round survives every turn of the generations
            Assert.True(cache.TryGet("kata0", out _) || i == 0);
        }

        Assert.True(cache.Count <= 200, $"{cache.Count} words held");
        Assert.True(cache.TryGet("kata0", out var kept));
        Assert.Equal(sum, kept);
        Assert.False(cache.TryGet("kata500", out _));
    }

    [Fact]
    public void Should_read_the_shipped_domain_rows_only_when_a_domain_is_first_used()
    {
        // Given the shipped model loaded as an ingest loads it
        var tagger = EntityTagger.LoadShippedModel();
        Assert.True(tagger.Domains.Count > 0);

        // When news is tagged with the shared weights
        var shared = tagger.Predict(Sentences[0]);

        // Then the domain rows are still unread
        Assert.False(tagger.DomainRowsLoaded);
        Assert.Contains("B-PER", shared);

        // And when a domain is used they are read, and tag as the eagerly read model does
        var lazy = tagger.ForDomain("nergrit").Predict(Sentences[2]);
        Assert.True(tagger.DomainRowsLoaded);
        EntityTagger eager;
        using (var stream = ShippedModelStream()) eager = EntityTagger.Load(stream);
        Assert.True(eager.DomainRowsLoaded);
        Assert.Equal(eager.ForDomain("nergrit").Predict(Sentences[2]), lazy);
    }

    [Fact]
    public void Should_save_the_shipped_model_to_the_same_bytes_it_was_read_from()
    {
        // Given the shipped model read into half-precision tables
        var tagger = EntityTagger.LoadShippedModel();

        // When saved again
        using var saved = new MemoryStream();
        tagger.Save(saved);

        // Then the decompressed file is the embedded one byte for byte (rows, gaps, domains and all)
        saved.Position = 0;
        using var shipped = ShippedModelStream();
        Assert.Equal(Decompress(shipped), Decompress(saved));
    }

    private static Stream ShippedModelStream() =>
        typeof(EntityTagger).Assembly.GetManifestResourceStream("Warta.Core.Entities.Model.ner-id.bin")
        ?? throw new InvalidOperationException("Warta.Core carries no NER model; run `warta train ner`");

    private static byte[] Decompress(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The trainer's layout: <c>BioTags.Count</c> floats per bucket, zero where the table has no row.</summary>
    private static float[] Dense(EmissionTable table)
    {
        const int T = 7;
        var dense = new float[(1 << table.BucketBits) * T];
        foreach (var (bucket, halves) in table.Rows())
        {
            for (var t = 0; t < T; t++) dense[bucket * T + t] = (float)BitConverter.UInt16BitsToHalf(halves[t]);
        }
        return dense;
    }
}
