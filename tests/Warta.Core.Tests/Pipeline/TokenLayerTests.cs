using System.Reflection;
using Warta.Core.Clustering;
using Warta.Core.Entities;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Core.Tests.Pipeline;

public sealed class TokenLayerTests
{
    /// <summary>Counts how often one exact text is tokenised (other tests tokenise other texts in parallel).</summary>
    private sealed class TokenisationCounter : IDisposable
    {
        private readonly string _text;
        private int _count;

        public TokenisationCounter(string text)
        {
            _text = text;
            Tokenizer.Tokenizing += OnTokenizing;
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => Tokenizer.Tokenizing -= OnTokenizing;

        private void OnTokenizing(string text)
        {
            if (string.Equals(text, _text, StringComparison.Ordinal)) Interlocked.Increment(ref _count);
        }
    }

    private static Article UniqueArticle()
    {
        var marker = Guid.NewGuid().ToString("N");
        return SampleArticles.Make("layer-" + marker, "2019-04-23T10:00") with
        {
            Title = $"Kim Jong-un ke Rusia {marker}",
            Paragraphs =
            [
                $"Korea Utara mengonfirmasi pada Selasa (23/4/2019), Kim Jong-un akan mengunjungi Rusia untuk bertemu Presiden Vladimir Putin. Kode {marker}.",
                "“Sampai saat ini semuanya tetap dalam mode konsultasi,” kata Oleg Melnichenko, seorang senator dari wilayah Penza.",
            ],
        };
    }

    [Fact]
    public void Should_tokenise_each_body_and_title_once_through_annotation_and_clustering()
    {
        // Given an article with a body no other test uses
        var article = UniqueArticle();
        using var body = new TokenisationCounter(article.Body);
        using var title = new TokenisationCounter(article.Title);

        // When it is annotated and then placed, as the stream does
        var annotated = new AnnotationStage(EntityTagger.Shipped).Process(article);
        var tokens = ArticleTokens.Of(annotated);
        var result = new StoryClusterer().Add(annotated, Analyzers.Default.Analyze(tokens.Title, annotated.Language), Analyzers.Default.Analyze(tokens.Body, annotated.Language));

        // Then every annotator and the clustering read the one layer made for each text
        Assert.NotEmpty(annotated.Annotations.Entities);
        Assert.NotEmpty(annotated.Annotations.Times);
        Assert.NotEmpty(annotated.Annotations.Quotes);
        Assert.NotNull(result.Assignment.StoryId);
        Assert.Equal(1, body.Count);
        Assert.Equal(1, title.Count);
    }

    [Fact]
    public void Should_tokenise_an_article_again_once_its_text_changed()
    {
        // Given an annotated article whose copy has another title
        var article = UniqueArticle();
        var annotated = new AnnotationStage(EntityTagger.Shipped).Process(article);
        var retitled = annotated with { Title = "Judul lain" };

        // Then the copy does not carry the layers made for the old title
        Assert.Same(ArticleTokens.Of(annotated).Title, ArticleTokens.Of(annotated).Title);
        Assert.Equal("Judul lain", ArticleTokens.Of(retitled).Title.Text);
    }

    [Fact]
    public void Should_have_no_tokeniser_but_the_one_of_Warta_Text()
    {
        var tokenisers = new[] { typeof(Tokenizer).Assembly, typeof(AnnotationStage).Assembly }
            .SelectMany(static a => a.GetTypes())
            .Where(static t => t.Name.EndsWith("Tokenizer", StringComparison.Ordinal))
            .Select(static t => t.FullName)
            .ToList();
        Assert.Equal(["Warta.Text.Tokenizer"], tokenisers);
    }
}
