using Lucene.Net.Search.Highlight;
using Warta.Testing;
using Xunit;

namespace Warta.Search.Lucene.Tests;

public sealed class SnippetTermsTests
{
    private const string English =
        "The countries' armies were studying the flooded valleys happily. Officials said the agreed relocation of families " +
        "was generally going well, though dying livestock and the skies' heavy rains worried the villagers who are relying on aid.";

    [Fact]
    public void Should_mark_the_same_words_at_the_same_offsets_as_full_analysis_on_the_sample_corpus()
    {
        // Given the sample corpus's articles and, for each, searched stems drawn from its own words and a few common ones
        var analyzer = Analyzers.Default;
        var compared = 0;
        var unsearched = 0;
        foreach (var article in SampleCorpus.Articles(annotated: false).Where(static a => a.Language == "id"))
        {
            var full = AnalyzedTerms.Of(analyzer, article.Body, "id");
            string[] searched = [.. full.Where((_, i) => i % 9 == 4).Select(static t => t.Text).Concat(["tahun", "serang", "banjir"]).Distinct().Where(static t => t.Length > 2)];

            // When the snippet's terms are made with only the words that can match analysed
            var snippet = SnippetTerms.Of(analyzer, article.Body, "id", searched);

            // Then every term keeps its offsets and positions, and a searched stem is marked exactly where full analysis marks it
            AssertSameMarks(full, snippet, searched);
            compared += full.Count;
            unsearched += snippet.Count(static t => t.Text == SnippetTerms.Unsearched);
        }
        Assert.True(compared > 1000, $"{compared} terms compared");
        Assert.True(unsearched > compared / 2, $"only {unsearched} of {compared} words were left unanalysed");
    }

    [Fact]
    public void Should_mark_english_stems_whose_last_letters_change()
    {
        // Given English words whose stems are not prefixes of them (studying → studi, happily → happili, skies → sky)
        var full = AnalyzedTerms.Of(Analyzers.Default, English, "en");
        Assert.True(full.Count(static t => t.Form is not null && !t.Form.StartsWith(t.Text, StringComparison.Ordinal)) >= 3);

        // When each stem of the text is searched alone, Then it is marked where full analysis marks it
        foreach (var stem in full.Select(static t => t.Text).Distinct().Where(static t => t.Length > 2))
        {
            AssertSameMarks(full, SnippetTerms.Of(Analyzers.Default, English, "en", [stem]), [stem]);
        }
    }

    [Fact]
    public void Should_give_the_snippet_full_analysis_gives()
    {
        // Given a searched word and an article of the sample corpus that holds it far into its body
        var analyzer = Analyzers.Default;
        var article = SampleCorpus.Articles(annotated: false).Where(static a => a.Language == "id").OrderByDescending(static a => a.Body.Length).First();
        var full = AnalyzedTerms.Of(analyzer, article.Body, "id");
        var stem = full[full.Count * 3 / 4].Text;
        var query = new global::Lucene.Net.Search.TermQuery(new global::Lucene.Net.Index.Term(IndexFields.Body("id"), stem));

        // When the best fragment is cut from the full analysis and from the snippet's terms
        string? Fragment(List<Warta.Core.Search.IndexedTerm> terms)
        {
            var highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryTermScorer(query, IndexFields.Body("id"))) { TextFragmenter = new SimpleFragmenter(LuceneSearchIndex.SnippetChars) };
            using var stream = new AnalyzedTokenStream(forms: false);
            stream.Set(terms, article.Body.Length);
            return highlighter.GetBestFragment(stream, article.Body);
        }

        // Then they are the same text, with the word marked
        var expected = Fragment(full);
        Assert.NotNull(expected);
        Assert.Contains("[", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Fragment(SnippetTerms.Of(analyzer, article.Body, "id", [stem])));
    }

    private static void AssertSameMarks(List<Warta.Core.Search.IndexedTerm> full, List<Warta.Core.Search.IndexedTerm> snippet, IReadOnlyCollection<string> searched)
    {
        Assert.Equal(full.Count, snippet.Count);
        for (var i = 0; i < full.Count; i++)
        {
            Assert.Equal((full[i].Start, full[i].End, full[i].PositionIncrement), (snippet[i].Start, snippet[i].End, snippet[i].PositionIncrement));
            if (searched.Contains(full[i].Text)) Assert.Equal(full[i].Text, snippet[i].Text);
            else Assert.False(searched.Contains(snippet[i].Text), $"'{snippet[i].Text}' marked at {snippet[i].Start} where full analysis gives '{full[i].Text}'");
        }
    }
}
