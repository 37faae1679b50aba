using Warta.Core.Entities;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Entities;

public class EntityLinkerTests
{
    private static EntityMention Mention(string text, EntityType type) => new(0, text.Length, text, type, "", text);

    [Fact]
    public void Should_split_a_region_named_before_its_office_holder_off_the_person()
    {
        // Given "… di Kabupaten Lamaru. Bupati Lamaru Nurlaila Rahmah mengatakan … Nurlaila …", the tagger's reading
        const string text = "Banjir di Kabupaten Lamaru. Bupati Lamaru Nurlaila Rahmah mengatakan warga aman, ujar Nurlaila.";
        EntityMention At(string surface, EntityType type, int from = 0) =>
            new(text.IndexOf(surface, from, StringComparison.Ordinal), surface.Length, surface, type, "", surface);
        EntityMention[] mentions =
        [
            At("Kabupaten Lamaru", EntityType.Place),
            At("Lamaru Nurlaila Rahmah", EntityType.Person),
            At("Nurlaila", EntityType.Person, text.LastIndexOf("ujar", StringComparison.Ordinal)),
        ];

        // When linked
        var linked = EntityLinker.Link(mentions);

        // Then the region is a place and the office holder a person, each at its own offsets, and the short name joins her
        Assert.Equal(["Kabupaten Lamaru", "Lamaru", "Nurlaila Rahmah", "Nurlaila"], linked.Select(m => m.Text));
        Assert.All(linked, m => Assert.Equal(m.Text, text.Substring(m.Start, m.Length)));
        Assert.Equal(EntityType.Place, linked[1].Type);
        Assert.Equal("person:nurlaila rahmah", linked[2].EntityId);
        Assert.Equal("person:nurlaila rahmah", linked[3].EntityId);
    }

    [Fact]
    public void Should_join_a_bare_place_name_to_the_one_administrative_unit_of_that_name()
    {
        EntityMention[] mentions =
        [
            Mention("Kabupaten Lamaru", EntityType.Place), Mention("Sungai Lamaru", EntityType.Place), Mention("Lamaru", EntityType.Place),
            Mention("Kota Bandung", EntityType.Place), Mention("Kabupaten Bandung", EntityType.Place), Mention("Bandung", EntityType.Place),
        ];

        var linked = EntityLinker.Link(mentions);

        // Lamaru is the regency (the river is another place); Bandung could be the city or the regency, so it stays apart
        Assert.Equal(["place:kabupaten lamaru", "place:sungai lamaru", "place:kabupaten lamaru"], linked.Take(3).Select(m => m.EntityId));
        Assert.Equal("Kabupaten Lamaru", linked[2].CanonicalName);
        Assert.Equal(["place:kota bandung", "place:kabupaten bandung", "place:bandung"], linked.Skip(3).Select(m => m.EntityId));
    }

    [Fact]
    public void Should_join_a_bare_place_name_to_an_administrative_unit_named_earlier_in_the_story()
    {
        var story = new StoryEntities();
        story.Add(EntityLinker.Link([Mention("Kabupaten Lamaru", EntityType.Place)]));

        var linked = EntityLinker.Link([Mention("Lamaru", EntityType.Place)], story);

        Assert.Equal("place:kabupaten lamaru", Assert.Single(linked).EntityId);
    }

    [Fact]
    public void Should_give_a_name_the_type_the_story_gave_it_so_far()
    {
        // Given a story whose earlier articles named "BPBD Lamaru" as an organisation three times
        var story = new StoryEntities();
        story.Add(EntityLinker.Link([Mention("BPBD Lamaru", EntityType.Organisation), Mention("BPBD Lamaru", EntityType.Organisation)]));
        story.Add(EntityLinker.Link([Mention("BPBD Lamaru", EntityType.Organisation)]));

        // When a later article's tagger read it as a place once
        var linked = EntityLinker.Link([Mention("BPBD Lamaru", EntityType.Place), Mention("Lamaru", EntityType.Place)], story);

        // Then it joins the organisation, and the place stays a place
        Assert.Equal(["organisation:bpbd lamaru", "place:lamaru"], linked.Select(m => m.EntityId));
    }

    [Fact]
    public void Should_keep_a_person_whose_first_name_is_no_place_of_the_article_or_who_has_one_name_left()
    {
        EntityMention[] mentions = [Mention("Kota Batu", EntityType.Place), Mention("Batu Rahmah", EntityType.Person), Mention("Sari Nurlaila Rahmah", EntityType.Person)];

        var linked = EntityLinker.Link(mentions);

        Assert.Equal(["Kota Batu", "Batu Rahmah", "Sari Nurlaila Rahmah"], linked.Select(m => m.Text));
    }

    [Fact]
    public void Should_link_aliases_short_names_and_spelling_variants_within_an_article()
    {
        // Given the mentions of one article in order
        EntityMention[] mentions =
        [
            Mention("Korea Utara", EntityType.Place),
            Mention("Kim Jong-un", EntityType.Person),
            Mention("Korut", EntityType.Place),
            Mention("Kim", EntityType.Person),
            Mention("Kim Jong Un", EntityType.Person),
            Mention("AS", EntityType.Place),
            Mention("Federasi Rusia", EntityType.Place),
            Mention("Rusia", EntityType.Place),
        ];

        // When linked
        var linked = EntityLinker.Link(mentions);

        // Then aliases share one entity id and canonical name
        Assert.Equal("place:korea utara", linked[0].EntityId);
        Assert.Equal(linked[0].EntityId, linked[2].EntityId);
        Assert.Equal("Korea Utara", linked[2].CanonicalName);
        Assert.Equal("person:kim jong un", linked[1].EntityId);
        Assert.Equal(linked[1].EntityId, linked[3].EntityId);
        Assert.Equal(linked[1].EntityId, linked[4].EntityId);
        Assert.Equal("Kim Jong-un", linked[3].CanonicalName);
        Assert.Equal("place:amerika serikat", linked[5].EntityId);
        Assert.Equal("Amerika Serikat", linked[5].CanonicalName);
        Assert.Equal(linked[6].EntityId, linked[7].EntityId);
        Assert.Equal("Korut", linked[2].Text);
    }

    [Fact]
    public void Should_link_a_short_name_to_the_longest_name_containing_it()
    {
        // Given a truncated "Kim Jong" before the full name and a bare "Kim" after
        EntityMention[] mentions = [Mention("Kim Jong", EntityType.Person), Mention("Kim Jong Un", EntityType.Person), Mention("Kim", EntityType.Person)];

        var linked = EntityLinker.Link(mentions);

        Assert.All(linked, m => Assert.Equal("person:kim jong un", m.EntityId));
    }

    [Fact]
    public void Should_link_a_short_name_to_the_nearest_earlier_of_two_equally_long_names_else_the_first_later_one()
    {
        // Given two Budis named in full before a bare "Budi", and a bare "Budi" before two others named in full
        EntityMention[] earlier = [Mention("Budi Santoso", EntityType.Person), Mention("Budi Hartono", EntityType.Person), Mention("Budi", EntityType.Person)];
        EntityMention[] later = [Mention("Budi", EntityType.Person), Mention("Budi Gunawan", EntityType.Person), Mention("Budi Karya", EntityType.Person)];

        var first = EntityLinker.Link(earlier);
        var second = EntityLinker.Link(later);

        // Then the first bare name joins the nearer earlier name, the second the first name after it
        Assert.Equal("person:budi hartono", first[2].EntityId);
        Assert.Equal("person:budi gunawan", second[0].EntityId);
    }

    [Fact]
    public void Should_not_link_a_short_name_to_a_different_type()
    {
        EntityMention[] mentions = [Mention("Jawa Barat", EntityType.Place), Mention("Barat", EntityType.Person)];

        var linked = EntityLinker.Link(mentions);

        Assert.Equal("person:barat", linked[1].EntityId);
    }

    [Fact]
    public void Should_give_a_stray_type_the_majority_type_of_the_same_name()
    {
        EntityMention[] mentions = [Mention("Penza", EntityType.Place), Mention("Penza", EntityType.Place), Mention("Penza", EntityType.Person)];

        var linked = EntityLinker.Link(mentions);

        Assert.All(linked, m => Assert.Equal(EntityType.Place, m.Type));
    }

    [Fact]
    public void Should_link_short_names_across_the_articles_of_a_story()
    {
        // Given a story whose first article named Oleg Melnichenko in full
        var story = new StoryEntities();
        story.Add(EntityLinker.Link([Mention("Oleg Melnichenko", EntityType.Person), Mention("Korea Utara", EntityType.Place)]));

        // When a later article says only "Melnichenko" and "Korut"
        var linked = EntityLinker.Link([Mention("Melnichenko", EntityType.Person), Mention("Korut", EntityType.Place)], story);
        story.Add(linked);

        // Then both join the story's entities, which count mentions and aliases
        Assert.Equal("person:oleg melnichenko", linked[0].EntityId);
        Assert.Equal("Oleg Melnichenko", linked[0].CanonicalName);
        var korea = story.Find("place:korea utara");
        Assert.NotNull(korea);
        Assert.Equal(2, korea.Mentions);
        Assert.Equal(["Korea Utara", "Korut"], korea.Aliases);
        Assert.Equal(2, story.Entities.Count);
    }

    [Theory]
    [InlineData("Kim Jong-un", "kim jong un")]
    [InlineData("  KIM   Jong Un ", "kim jong un")]
    [InlineData("S.H.I.E.L.D", "s h i e l d")]
    public void Should_normalise_case_hyphens_and_spaces(string surface, string expected) =>
        Assert.Equal(expected, EntityLinker.Normalise(surface));
}
