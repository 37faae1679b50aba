using Warta.Core.Clustering;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Clustering;

public class NearDuplicateDetectorTests(ITestOutputHelper output)
{
    private const string Body =
        "Banjir merendam ratusan rumah warga di Kecamatan Dayeuhkolot, Kabupaten Bandung, setelah Sungai Citarum meluap " +
        "akibat hujan deras sejak Senin malam. Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter. " +
        "Warga mengungsi ke masjid dan sekolah terdekat sambil menunggu air surut.";

    [Fact]
    public void Should_find_a_copy_with_one_word_changed_and_not_an_unrelated_text()
    {
        var detector = new NearDuplicateDetector();
        detector.Add("original", Fingerprint("Banjir di Dayeuhkolot", Body));

        var copy = detector.Find(Fingerprint("Banjir di Dayeuhkolot", Body.Replace("Senin", "Minggu", StringComparison.Ordinal)));
        var other = detector.Find(Fingerprint("KPK Tetapkan Bupati Tersangka",
            "Komisi Pemberantasan Korupsi menetapkan seorang bupati di Jawa Timur sebagai tersangka kasus suap proyek pembangunan " +
            "jalan. Penyidik menyita uang tunai ratusan juta rupiah dalam operasi tangkap tangan di rumah dinas bupati."));

        Assert.Equal("original", copy?.OriginalArticleId);
        Assert.Null(other);
    }

    [Fact]
    public void Should_match_short_headlines_only_when_identical()
    {
        var detector = new NearDuplicateDetector();
        detector.Add("h1", Fingerprint("Mt. Gox files for U.S. bankruptcy protection", ""));

        Assert.Equal("h1", detector.Find(Fingerprint("Mt. Gox files for U.S. bankruptcy protection", ""))?.OriginalArticleId);
        Assert.Null(detector.Find(Fingerprint("Mt. Gox files for U.S. bankruptcy protection again", "")));
    }

    [Fact]
    public void Should_forget_a_removed_article()
    {
        var detector = new NearDuplicateDetector();
        detector.Add("original", Fingerprint("Banjir di Dayeuhkolot", Body));

        Assert.True(detector.Remove("original"));

        Assert.Null(detector.Find(Fingerprint("Banjir di Dayeuhkolot", Body)));
        Assert.Equal(0, detector.Count);
    }

    [Fact]
    public void Should_find_the_same_rewrite_in_a_story_with_kept_members_as_by_looking_every_id_up()
    {
        // Given a story whose members grow at the end, lose one to an editor and gain others, and a second story evicted
        var detector = new NearDuplicateDetector();
        var members = new NearDuplicateDetector.StoryMembers();
        var ids = new List<string>();
        string[] words = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
        var queries = words.Select(w => Fingerprint("Banjir di Dayeuhkolot", Body.Replace("Senin", w, StringComparison.Ordinal) + " Warga " + w)).ToList();
        void Join(string id, string body)
        {
            ids.Add(id);
            detector.Add(id, Fingerprint("Banjir di Dayeuhkolot", body));
        }
        void Check()
        {
            foreach (var query in queries)
            {
                Assert.Equal(detector.FindAmong(query, ids), detector.FindAmong(query, ids, members));
            }
        }

        // When each change is followed by lookups
        Join("a1", Body);
        Check();
        Join("a2", Body.Replace("Senin", "Selasa", StringComparison.Ordinal));
        ids.Add("copy-of-a1");
        Check();
        Join("a3", Body.Replace("Senin", "Rabu", StringComparison.Ordinal) + " Warga Rabu");
        Check();
        Assert.True(detector.Remove("a1"));
        ids.Remove("a1");
        Check();
        detector.Add("other", Fingerprint("Banjir di Dayeuhkolot", Body + " Warga Kamis"));
        detector.RemoveWithStory("other");
        Join("a4", Body.Replace("Senin", "Jumat", StringComparison.Ordinal) + " Warga Jumat");

        // Then the kept lists answer as the full lookup does, and find the earliest closest member
        Check();
        Assert.NotNull(detector.FindAmong(queries[4], ids, members));
        Assert.DoesNotContain(members.Entries, e => e.ArticleId == "a1");
    }

    /// <summary>Measures the thresholds quoted on <see cref="NearDuplicateDetector"/>: constructed copies of the Kompas dev articles against all distinct pairs.</summary>
    [Fact]
    public void Should_find_constructed_copies_of_kompas_articles_and_no_distinct_pair()
    {
        var folder = SharedData.PathOf("timex/kompas-dev");
        var articles = Directory.GetFiles(folder, "*.tml").Order(StringComparer.Ordinal).Select(TimeMlTestReader.Read).ToList();
        var prints = articles.Select(a => Fingerprint(a.Title, a.Body, "id")).ToList();
        var random = new Random(5);

        int copies = 0, found = 0, falsePairs = 0, closest = 64;
        var copyDistances = new int[65];
        for (var i = 0; i < articles.Count; i++)
        {
            var detector = new NearDuplicateDetector();
            detector.Add("original", prints[i]);
            foreach (var variant in Variants(articles[i].Title, articles[i].Paragraphs, random))
            {
                copies++;
                var print = Fingerprint(variant.Title, variant.Body, "id");
                copyDistances[System.Numerics.BitOperations.PopCount(print.Hash ^ prints[i].Hash)]++;
                if (detector.Find(print) is { OriginalArticleId: "original" }) found++;
            }
            for (var j = i + 1; j < articles.Count; j++)
            {
                var distance = System.Numerics.BitOperations.PopCount(prints[i].Hash ^ prints[j].Hash);
                closest = Math.Min(closest, distance);
                if (distance <= NearDuplicateDetector.MaxDistance) falsePairs++;
            }
        }

        var recall = (double)found / copies;
        output.WriteLine("copy distances: " + string.Join(' ', copyDistances.Select((n, d) => (n, d)).Where(x => x.n > 0).Select(x => $"{x.d}:{x.n}")));
        output.WriteLine($"copies found {found}/{copies} ({recall:P1}); distinct pairs within distance {falsePairs}; closest distinct pair at {closest}");
        Assert.Equal(0, falsePairs);
        Assert.True(recall >= 0.9, $"recall {recall:P1}");
    }

    private static IEnumerable<(string Title, string Body)> Variants(string title, IReadOnlyList<string> paragraphs, Random random)
    {
        var body = string.Join("\n\n", paragraphs);
        yield return (title, body);
        if (paragraphs.Count > 4) yield return (title, string.Join("\n\n", paragraphs.Take(paragraphs.Count - 1)));
        var words = body.Split(' ');
        for (var changes = 1; changes <= 3; changes++)
        {
            var edited = (string[])words.Clone();
            for (var k = 0; k < changes; k++) edited[random.Next(edited.Length)] = "diubah";
            yield return (title, string.Join(' ', edited));
        }
    }

    private static TextFingerprint Fingerprint(string title, string body, string language = "id") =>
        NearDuplicateDetector.Fingerprint(Analyzers.Default.Analyze(Tokenizer.Tokenize(title), language), Analyzers.Default.Analyze(Tokenizer.Tokenize(body), language));
}
