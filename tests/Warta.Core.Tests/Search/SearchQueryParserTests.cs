using Warta.Core.Search;
using Xunit;

namespace Warta.Core.Tests.Search;

public sealed class SearchQueryParserTests
{
    [Fact]
    public void Should_require_every_word_when_words_are_given_alone()
    {
        var query = SearchQueryParser.Parse("banjir  lamaru");

        Assert.Equal(["banjir", "lamaru"], query.Required.Select(static g => Assert.Single(g.Terms).Text));
        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void Should_join_the_terms_on_both_sides_of_OR_into_one_group()
    {
        var query = SearchQueryParser.Parse("banjir OR longsor OR \"tanah bergerak\" lamaru");

        Assert.Equal(2, query.Required.Count);
        Assert.Equal("banjir OR longsor OR \"tanah bergerak\"", query.Required[0].ToString());
        Assert.Equal("lamaru", Assert.Single(query.Required[1].Terms).Text);
    }

    [Fact]
    public void Should_read_quoted_text_as_a_phrase_and_a_minus_as_an_exclusion()
    {
        var query = SearchQueryParser.Parse("\"Kim Jong Un\" -Rusia -\"Korea Selatan\"");

        Assert.Equal(new SearchTerm("Kim Jong Un", IsPhrase: true), Assert.Single(Assert.Single(query.Required).Terms));
        Assert.Equal([new SearchTerm("Rusia", false), new SearchTerm("Korea Selatan", true)], query.Excluded);
    }

    [Fact]
    public void Should_read_every_filter_with_lower_cased_outlets_and_languages_and_inclusive_dates()
    {
        var query = SearchQueryParser.Parse("banjir outlet:Kompas.com outlet:tirto.id lang:ID since:2025-03-01 until:2025-03-31 entity:\"Korea Utara\" story:s-1");

        Assert.Equal(["kompas.com", "tirto.id"], query.Outlets);
        Assert.Equal(["id"], query.Languages);
        Assert.Equal(new DateOnly(2025, 3, 1), query.Since);
        Assert.Equal(new DateOnly(2025, 3, 31), query.Until);
        Assert.Equal(["Korea Utara"], query.Entities);
        Assert.Equal(["s-1"], query.Stories);
        Assert.Equal("banjir", Assert.Single(Assert.Single(query.Required).Terms).Text);
    }

    [Fact]
    public void Should_accept_filters_without_words_and_treat_unknown_prefixes_as_words()
    {
        var filtersOnly = SearchQueryParser.Parse("outlet:kompas.com");
        var clock = SearchQueryParser.Parse("pukul 10:30");

        Assert.True(filtersOnly.HasNoTerms);
        Assert.Equal(["kompas.com"], filtersOnly.Outlets);
        Assert.Equal(["pukul", "10:30"], clock.Required.Select(static g => Assert.Single(g.Terms).Text));
    }

    [Theory]
    [InlineData("banjir \"lamaru", 8, "unbalanced quote")]
    [InlineData("outlet:", 1, "outlet: needs a value")]
    [InlineData("banjir outlet: lamaru", 8, "outlet: needs a value")]
    [InlineData("since:2025-13-01", 7, "not a date")]
    [InlineData("until:kemarin", 7, "not a date")]
    [InlineData("OR banjir", 1, "OR must stand between")]
    [InlineData("banjir OR", 8, "OR must stand between")]
    [InlineData("banjir OR -lamaru", 8, "OR cannot join an exclusion")]
    [InlineData("banjir - lamaru", 8, "'-' must be followed")]
    [InlineData("-outlet:kompas.com", 1, "cannot be excluded")]
    [InlineData("banjir \"\"", 8, "empty phrase")]
    [InlineData("   ", 1, "empty query")]
    [InlineData("since:2025-03-02 until:2025-03-01", 18, "until: is before since:")]
    public void Should_name_the_column_where_a_malformed_query_goes_wrong(string text, int column, string problem)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(text));

        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"query column {column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_expand_an_alias_to_the_other_names_of_its_entity_as_alternatives()
    {
        var expanded = EntityAliasExpansion.Expand(SearchQueryParser.Parse("Korut rudal"));

        var names = expanded.Required[0].Terms;
        Assert.Contains(new SearchTerm("Korut", false), names);
        Assert.Contains(new SearchTerm("Korea Utara", true), names);
        Assert.Equal("rudal", Assert.Single(expanded.Required[1].Terms).Text);
    }

    [Fact]
    public void Should_resolve_an_entity_filter_through_the_alias_table_or_take_an_id_as_given()
    {
        Assert.Equal(["place:korea utara"], EntityAliasExpansion.EntityIds("Korut"));
        Assert.Equal(["person:kim jong un"], EntityAliasExpansion.EntityIds("person:Kim Jong-un"));
        Assert.Equal(["person:jefri mamahit", "place:jefri mamahit", "organisation:jefri mamahit"], EntityAliasExpansion.EntityIds("Jefri Mamahit"));
    }
}
