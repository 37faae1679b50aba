using CsCheck;
using Warta.Core.Clustering;
using Warta.Core.Model;
using Warta.Evaluation.Clustering;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

public class StoryClustererPropertyTests
{
    private static readonly string[][] Topics =
    [
        ["banjir", "citarum", "dayeuhkolot", "pengungsi", "meluap", "bandung", "bpbd", "hujan"],
        ["kpk", "suap", "bupati", "tersangka", "proyek", "penyidik", "korupsi", "jalan"],
        ["gempa", "lombok", "tsunami", "bmkg", "mataram", "magnitudo", "guncangan", "warga"],
        ["pemilu", "kpu", "suara", "rekapitulasi", "caleg", "tps", "bawaslu", "partai"],
    ];

    private static readonly DateTimeOffset Start = new(2019, 4, 1, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>10-60 articles over up to ten hours, each mostly from one topic with some words from another.</summary>
    private static readonly Gen<Article[]> Streams =
        Gen.Select(Gen.Int[0, Topics.Length - 1], Gen.Int[0, Topics.Length - 1], Gen.Int[0, 599], Gen.Int[0, 255].Array[6])
            .Array[10, 60]
            .Select(items => items.Select((item, i) =>
            {
                var (topic, other, minute, picks) = item;
                var words = picks.Select((p, k) => k < 4 ? Topics[topic][p % 8] : Topics[other][p % 8]).ToArray();
                return Make($"p{i:D3}", string.Join(' ', words.Take(3)), string.Join(' ', words) + ".", Start.AddMinutes(minute));
            }).ToArray());

    [Fact]
    public void Should_change_nothing_when_the_same_stream_is_ingested_twice()
    {
        Streams.Sample(stream =>
        {
            var ordered = StreamOrder.Sort(stream);
            var clusterer = new StoryClusterer();
            var first = ordered.Select(a => Place(clusterer, a).Assignment).ToList();
            var stories = clusterer.LiveStoryCount;

            var second = ordered.Select(a => Place(clusterer, a)).ToList();

            Assert.Equal(first, second.Select(r => r.Assignment).ToList());
            Assert.All(second, r => Assert.Empty(r.ChangedStories));
            Assert.All(second, r => Assert.Empty(r.Merges));
            Assert.Equal(stories, clusterer.LiveStoryCount);
        }, iter: 100);
    }

    [Fact]
    public void Should_give_the_same_stories_when_arrival_is_shuffled_within_the_hour()
    {
        Gen.Select(Streams, Gen.Int).Sample((stream, seed) =>
        {
            var expected = Run(StreamOrder.Sort(stream));
            var random = new Random(seed);
            var shuffled = stream
                .GroupBy(a => a.Published!.Value.Value.UtcTicks / TimeSpan.TicksPerHour)
                .OrderBy(g => g.Key)
                .SelectMany(g => g.OrderBy(_ => random.Next()))
                .ToList();

            var order = new StreamOrder(TimeSpan.FromHours(1));
            var released = new List<Article>();
            foreach (var article in shuffled) released.AddRange(order.Push(article));
            released.AddRange(order.Flush());

            Assert.Equal(expected, Run(released));
        }, iter: 100);
    }

    private static Dictionary<string, string> Run(IEnumerable<Article> articles)
    {
        var clusterer = new StoryClusterer();
        return articles.ToDictionary(a => a.Id, a => Place(clusterer, a).Assignment.StoryId);
    }
}
