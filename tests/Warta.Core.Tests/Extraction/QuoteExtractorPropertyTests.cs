using CsCheck;
using Warta.Core.Extraction.Quotes;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class QuoteExtractorPropertyTests
{
    private static readonly string[] Words =
    [
        "“", "”", "\"", ",", ".", ":", "\n", "kata", "ujarnya", "mengatakan", "bahwa", "Menurut", "Menteri", "Keuangan", "Bambang",
        "PS", "Ali", "Mundakir", "seorang", "senator", "yang", "harga", "naik", "dia", "Selasa", "PT", "Pertamina", "(", ")",
    ];

    [Fact]
    public void Should_return_quotes_inside_the_text_whose_text_is_the_span_on_random_input()
    {
        var words = Gen.Int[0, Words.Length - 1].Select(i => Words[i]);
        var texts = words.Array[0, 50].Select(Gen.Bool.Array[50], (p, spaces) => string.Concat(p.Select((w, i) => spaces[i] ? w + " " : w)));
        var extractor = new QuoteExtractor();

        texts.Sample(text =>
        {
            foreach (var q in extractor.Extract(Tokenizer.Tokenize(text)))
            {
                Assert.True(q.Start >= 0 && q.Length > 0 && q.Start + q.Length <= text.Length, $"bad span {q.Start}+{q.Length} in '{text}'");
                Assert.Equal(text.Substring(q.Start, q.Length), q.Text);
            }
        }, iter: 2000);
    }
}
