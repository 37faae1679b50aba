using Warta.Core.Model;
using Xunit;

namespace Warta.Testing;

/// <summary>Structural equality of model values whose records hold lists (record equality compares those by reference).</summary>
public static class ModelAssert
{
    /// <summary>Equal when their stable JSON forms are equal: every field, list item, offset and tick.</summary>
    public static void Equal(Article expected, Article? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(ArticleJson.Serialize(expected), ArticleJson.Serialize(actual));
    }

    public static void Equal(Story expected, Story? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    public static void Equal(IReadOnlyList<Story> expected, IReadOnlyList<Story> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
    }

    private static string Describe(Story story) => string.Join(
        " | ",
        story.Id,
        story.Headline,
        story.ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string.Join(",", story.Outlets),
        story.FirstPublished is { } first ? ArticleJson.FormatInstant(first) : "-",
        story.LastPublished is { } last ? ArticleJson.FormatInstant(last) : "-");
}
