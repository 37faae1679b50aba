using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Evaluation;
using Warta.Evaluation.Entities;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Entities;

public class ShippedEntityTaggerTests
{
    private static IReadOnlyList<EntityMention> TagSeed(string file, StoryEntities? story = null)
    {
        Assert.True(EntityTagger.HasShippedModel, "Warta.Core carries no NER model; run `warta train ner`");
        var text = File.ReadAllText(SharedData.PathOf(Path.Combine("seeds", file)));
        return EntityLinker.Link(EntityTagger.Shipped.Tag(Tokenizer.Tokenize(text)), story);
    }

    private static void AssertFound(IReadOnlyList<EntityMention> mentions, EntityType type, string canonical) =>
        Assert.True(mentions.Any(m => m.Type == type && m.CanonicalName == canonical),
            $"{type} {canonical} not among: {string.Join("; ", mentions.Select(m => $"{m.Type} {m.CanonicalName}").Distinct())}");

    [Fact]
    public void Should_tag_news_with_the_shared_weights_and_know_its_training_sets()
    {
        var tagger = EntityTagger.Shipped;

        Assert.Null(tagger.Domain);
        Assert.Equal(["nergrit", "nerp", "idner-news-2k"], tagger.Domains);
        Assert.Equal("nergrit", tagger.ForDataset("nergrit").Domain);
        Assert.Null(tagger.ForDataset("nerui").Domain);
    }

    [Fact]
    public void Should_find_the_people_places_and_organisations_of_the_tirto_seed_article()
    {
        // Given the tirto.id report, When tagged and linked
        var mentions = TagSeed("tirto-2019-04-23-kim-rusia.txt");

        // Then the main entities are found with their types
        AssertFound(mentions, EntityType.Person, "Kim Jong-un");
        AssertFound(mentions, EntityType.Person, "Vladimir Putin");
        AssertFound(mentions, EntityType.Person, "Donald Trump");
        AssertFound(mentions, EntityType.Place, "Rusia");
        AssertFound(mentions, EntityType.Place, "Korea Utara");
        AssertFound(mentions, EntityType.Place, "Vladivostok");
        AssertFound(mentions, EntityType.Place, "Pyongyang");
        AssertFound(mentions, EntityType.Place, "Vietnam");
        AssertFound(mentions, EntityType.Organisation, "Associated Press");
        AssertFound(mentions, EntityType.Organisation, "Kantor Berita Pusat Korea");

        // And Korut, Kim and Kim Jong-un are linked to their full names
        var korut = Assert.Single(mentions, m => m.Text == "Korut");
        Assert.Equal("place:korea utara", korut.EntityId);
        var kims = mentions.Where(m => m.Text == "Kim").ToList();
        Assert.NotEmpty(kims);
        Assert.All(kims, m => Assert.Equal("person:kim jong un", m.EntityId));
        var putins = mentions.Where(m => m.Text == "Putin").ToList();
        Assert.NotEmpty(putins);
        Assert.All(putins, m => Assert.Equal("person:vladimir putin", m.EntityId));
    }

    [Fact]
    public void Should_find_the_entities_of_the_rakyatku_seed_article_and_link_them_across_the_story()
    {
        // Given the story's first report already linked
        var story = new StoryEntities();
        story.Add(TagSeed("tirto-2019-04-23-kim-rusia.txt"));

        // When the rakyatku.com report is tagged and linked in the story
        var mentions = TagSeed("rakyatku-2019-03-26-kim-rusia.txt", story);
        story.Add(mentions);

        // Then its people and places are found, and Kim Jong Un is one entity across both reports
        AssertFound(mentions, EntityType.Person, "Oleg Melnichenko");
        AssertFound(mentions, EntityType.Person, "Donald Trump");
        AssertFound(mentions, EntityType.Place, "Korea Utara");
        AssertFound(mentions, EntityType.Place, "Pyongyang");
        AssertFound(mentions, EntityType.Place, "Vietnam");
        AssertFound(mentions, EntityType.Place, "Penza");
        AssertFound(mentions, EntityType.Organisation, "Dewan Federasi");
        var melnichenkos = mentions.Where(m => m.Text == "Melnichenko").ToList();
        Assert.NotEmpty(melnichenkos);
        Assert.All(melnichenkos, m => Assert.Equal("person:oleg melnichenko", m.EntityId));
        var kim = story.Find("person:kim jong un");
        Assert.NotNull(kim);
        Assert.Contains("Kim Jong Un", kim.Aliases);
        Assert.Contains("Kim Jong-un", kim.Aliases);
        Assert.DoesNotContain(story.Entities, e => e.Type == EntityType.Person && e.EntityId == "person:kim");
    }

    [Theory]
    [InlineData("nerui/dev.tsv", "ner.nerui.f1")]
    [InlineData("idner-news-2k/dev.txt", "ner.idner.f1")]
    [InlineData("nergrit/valid.tsv", "ner.nergrit.f1")]
    [InlineData("nerugm/dev.tsv", "ner.nerugm.f1")]
    [InlineData("nerp/valid.tsv", "ner.nerp.f1")]
    public void Should_stay_above_the_entity_F1_floor_on_each_dev_split(string split, string floorKey)
    {
        // Given a dev split the shipped model never trained on
        IReadOnlyList<NerSentence> sentences;
        using (var reader = File.OpenText(SharedData.PathOf(Path.Combine("ner", split)))) sentences = NerDatasetReader.Read(reader);

        // When scored at entity level, with the set's own correction when the model trained on its train split (as `warta eval ner`)
        var report = NerEvaluator.Evaluate(EntityTagger.Shipped.ForDataset(split.Split('/')[0]), sentences);

        // Then F1 (in percent) is at least the pinned floor
        Assert.True(report.Overall.F1 * 100 >= Baseline.Floor(floorKey), $"{split}: F1 {report.Overall.F1 * 100:F2} < floor {Baseline.Floor(floorKey)}");
    }
}
