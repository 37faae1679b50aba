using Warta.Core.Clustering;
using Warta.Core.Model;
using Xunit;
using static Warta.Core.Tests.Clustering.StreamArticles;

namespace Warta.Core.Tests.Clustering;

public class StoryClustererPersonTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(7));

    private static readonly string HarsonoBody =
        "Komisi Pemberantasan Korupsi menangkap Bupati Lembah Tinggi Harsono Wibisono dalam operasi tangkap tangan pada Selasa " +
        "dini hari. Penyidik menyita uang tunai Rp 1,2 miliar yang diduga suap proyek jalan. Harsono dibawa ke Gedung Merah Putih " +
        "KPK dengan rompi oranye. Juru bicara KPK mengatakan tujuh orang ikut diperiksa dan status mereka ditentukan dalam 1x24 jam.";

    private static readonly string DarmintoBody =
        "Komisi Pemberantasan Korupsi menangkap Bupati Lembah Tinggi Darminto Sagala dalam operasi tangkap tangan pada Kamis malam. " +
        "Penyidik menyita uang tunai Rp 800 juta yang diduga suap perizinan tambang. Darminto dibawa ke Gedung Merah Putih KPK " +
        "dengan rompi oranye. Juru bicara KPK mengatakan lima orang ikut diperiksa dan status mereka ditentukan dalam 1x24 jam.";

    private static Article WithPeople(Article article, params string[] people)
    {
        var mentions = people.Select(p => new EntityMention(0, p.Length, p, EntityType.Person, "person:" + p.ToLowerInvariant(), p)).ToList();
        return article with { Annotations = new ArticleAnnotations(mentions, [], []) };
    }

    [Fact]
    public void Should_weigh_a_story_whose_people_do_not_overlap_by_the_conflict_factor()
    {
        // Threshold 0 so the second arrest joins either way and its similarity can be read.
        var scores = new List<double>();
        foreach (var factor in (double[])[1.0, 0.5])
        {
            var clusterer = new StoryClusterer(new StoryClustererOptions { AssignThreshold = 0, PersonConflictFactor = factor });
            Place(clusterer, WithPeople(Make("harsono-1", "KPK Tangkap Bupati Lembah Tinggi", HarsonoBody, March), "Harsono Wibisono", "Harsono"));
            var other = Place(clusterer, WithPeople(Make("darminto-1", "KPK Tangkap Bupati Lembah Tinggi", DarmintoBody, March.AddDays(2), "lain.id"),
                "Darminto Sagala", "Darminto"));
            Assert.Equal("s-harsono-1", other.Assignment.StoryId);
            scores.Add(other.Assignment.Similarity);
        }

        Assert.True(scores[0] > 0);
        Assert.Equal(scores[0] * 0.5, scores[1], 9);
    }

    [Fact]
    public void Should_leave_out_a_name_without_a_capital_letter()
    {
        // The English word "as" tagged as the Indonesian place "AS": with it, both reports would share a place.
        var scores = new List<double>();
        foreach (var capitals in (bool[])[false, true])
        {
            var clusterer = new StoryClusterer(new StoryClustererOptions { AssignThreshold = 0, NamesNeedCapitals = capitals });
            var mention = new EntityMention(0, 2, "as", EntityType.Place, "place:amerika serikat", "Amerika Serikat");
            var annotations = new ArticleAnnotations([mention], [], []);
            Place(clusterer, Make("harsono-1", "KPK Tangkap Bupati Lembah Tinggi", HarsonoBody, March) with { Annotations = annotations });
            var second = Make("darminto-1", "KPK Tangkap Bupati Lembah Tinggi", DarmintoBody, March.AddDays(2), "lain.id");
            var other = Place(clusterer, second with { Annotations = annotations });
            scores.Add(other.Assignment.Similarity);
        }

        Assert.True(scores[1] < scores[0]);
    }
}
