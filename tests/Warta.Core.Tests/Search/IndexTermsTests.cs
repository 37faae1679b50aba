using Warta.Core.Search;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Search;

public sealed class IndexTermsTests
{
    [Fact]
    public void Should_give_the_same_terms_into_a_reused_list_as_into_a_new_one()
    {
        var texts = SampleCorpus.Articles().Take(12).SelectMany(static a => new[] { a.Title, a.Body }).ToList();
        // One list for every text, as an indexing thread reuses it: what the last text left must not show.
        var reused = new List<IndexedTerm>();
        foreach (var text in texts)
        {
            var fresh = IndexTerms.Of(Analyzers.Default, text, "id");
            Assert.Same(reused, IndexTerms.Of(Analyzers.Default, text, "id", reused));
            Assert.Equal(fresh, reused);
        }
        Assert.Contains(IndexTerms.Of(Analyzers.Default, texts[1], "id"), static t => t.Form is not null && t.Form != t.Text);
    }

    [Fact]
    public void Should_keep_a_stopword_s_place_in_the_positions_of_the_terms_after_it()
    {
        var terms = IndexTerms.Of(Analyzers.Default, "Banjir di Bogor, dan Jakarta", "id", [new IndexedTerm("sisa", 0, 4, 1)]);
        Assert.Equal(["banjir", "bogor", "jakarta"], terms.Select(static t => t.Text));
        Assert.Equal([1, 2, 2], terms.Select(static t => t.PositionIncrement));
    }
}
