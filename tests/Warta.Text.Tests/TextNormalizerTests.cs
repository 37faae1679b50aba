using Warta.Text;
using Xunit;

namespace Warta.Text.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Café  Résumé", "cafe resume")]
    [InlineData("“Kami” ‘siap’ — katanya", "\"kami\" 'siap' - katanya")]
    [InlineData("  Jum’at\t\npagi  ", "jum'at pagi")]
    [InlineData("JAKARTA, KOMPAS.com", "jakarta, kompas.com")]
    [InlineData("Ñandú", "nandu")]
    public void Should_fold_case_diacritics_quotes_and_spaces(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Should_return_empty_for_whitespace_only()
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(" \t\n "));
    }
}
