using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("Pemerintah akan menunda kebijakan itu karena masih ada masalah dengan sistem yang baru.", "id")]
    [InlineData("The government said it would delay the policy because the new system has problems.", "en")]
    [InlineData("Kim Jong Un", "und")]
    [InlineData("Der Präsident sagte am Montag, dass die Regierung die Politik verschieben werde.", "und")]
    public void Should_tell_indonesian_from_english_and_refuse_to_guess_otherwise(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }
}
