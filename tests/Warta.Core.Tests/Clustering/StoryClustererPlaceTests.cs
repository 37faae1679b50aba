using Warta.Core.Clustering;
using Warta.Core.Model;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

public class StoryClustererPlaceTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly string RampaBody =
        "Hujan deras sejak Minggu sore membuat Sungai Rampa meluap dan merendam sembilan desa di Kabupaten Rampa Hulu, Jambi. " +
        "Sebanyak 1.450 warga mengungsi ke masjid dan gedung sekolah. Kepala Pelaksana BPBD Rampa Hulu mengatakan ketinggian air " +
        "mencapai 1,2 meter. Warga lansia dan balita dievakuasi lebih dulu dengan perahu karet. BPBD mendirikan posko dan dapur umum.";

    private static readonly string RampaFollowUp =
        "Banjir di Kabupaten Rampa Hulu meluas ke 14 desa. Seorang warga lansia meninggal terseret arus Sungai Rampa. " +
        "BPBD Rampa Hulu mencatat jumlah pengungsi bertambah dan posko pengungsian kekurangan selimut serta air bersih.";

    private static readonly string SembungBody =
        "Tanggul Kali Sembung di Kabupaten Sembung, Jawa Tengah, jebol sepanjang 15 meter pada Rabu malam. Banjir merendam enam desa " +
        "dan memaksa 900 warga mengungsi. Kepala Pelaksana BPBD Sembung mengatakan hujan deras selama enam jam membuat debit Kali " +
        "Sembung naik drastis. Warga yang terjebak sudah dievakuasi dengan perahu karet. Posko pengungsian didirikan di balai desa.";

    private static Article WithPlaces(Article article, params string[] places)
    {
        var mentions = places.Select(p => new EntityMention(0, p.Length, p, EntityType.Place, "place:" + p.ToLowerInvariant(), p)).ToList();
        return article with { Annotations = new ArticleAnnotations(mentions, [], []) };
    }

    [Fact]
    public void Should_weigh_a_story_whose_places_do_not_overlap_by_the_conflict_factor()
    {
        // Threshold 0 so the second flood joins either way and its similarity can be read.
        var scores = new List<double>();
        foreach (var factor in (double[])[1.0, 0.5])
        {
            var clusterer = new StoryClusterer(new StoryClustererOptions { AssignThreshold = 0, PlaceConflictFactor = factor });
            Place(clusterer, WithPlaces(Make("rampa-1", "Sungai Rampa Meluap, Sembilan Desa Terendam", RampaBody, January), "Rampa Hulu", "Sungai Rampa", "Jambi"));
            var other = Place(clusterer, WithPlaces(Make("sembung-1", "Tanggul Jebol, Enam Desa Terendam Banjir", SembungBody, January.AddDays(2), "lain.id"),
                "Sembung", "Kali Sembung", "Jawa Tengah"));
            Assert.Equal("s-rampa-1", other.Assignment.StoryId);
            scores.Add(other.Assignment.Similarity);
        }

        Assert.True(scores[0] > 0);
        Assert.Equal(scores[0] * 0.5, scores[1], 9);
    }

    [Fact]
    public void Should_join_a_follow_up_that_names_the_same_regency()
    {
        var clusterer = new StoryClusterer();
        var first = Place(clusterer, WithPlaces(Make("rampa-1", "Sungai Rampa Meluap, Sembilan Desa Terendam", RampaBody, January),
            "Rampa Hulu", "Sungai Rampa", "Jambi"));

        var followUp = Place(clusterer, WithPlaces(Make("rampa-2", "Banjir Meluas ke 14 Desa, Seorang Lansia Meninggal", RampaFollowUp, January.AddDays(1), "lain.id"),
            "Rampa Hulu", "Jambi"));

        Assert.Equal(first.Assignment.StoryId, followUp.Assignment.StoryId);
    }
}
