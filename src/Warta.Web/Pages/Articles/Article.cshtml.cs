using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories;
using Warta.Hosting;
using Warta.Web.Api;
using Warta.Web.App;

namespace Warta.Web.Pages.Articles;

/// <summary>One article: its metadata with where each field came from, its story, and its text with entities, times and quotes highlighted.</summary>
internal sealed class ArticleModel(ReadStorePool stores) : PageModel
{
    public Article Article { get; private set; } = null!;

    public StoryAssignment? Assignment { get; private set; }

    /// <summary>Its outlet's withdrawal or later revision of it (a followed page); null when neither.</summary>
    public ArticleStanding? Standing { get; private set; }

    public Story? Story { get; private set; }

    /// <summary>The article's URL when it may be a link (http or https), else null and it is shown as text.</summary>
    public string? Href { get; private set; }

    public IReadOnlyList<IHtmlContent> Paragraphs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        var resolved = await new ArticleQueries(store).ResolveAsync(id, cancellationToken).ConfigureAwait(false);
        if (resolved.Value is not { } article) return NotFound();
        if (!string.Equals(article.Id, id, StringComparison.Ordinal)) return Redirect("/articles/" + Uri.EscapeDataString(article.Id));
        Article = article;
        Assignment = await store.GetAssignmentAsync(article.Id, cancellationToken).ConfigureAwait(false);
        if (Assignment is not null) Story = await store.GetStoryAsync(Assignment.StoryId, cancellationToken).ConfigureAwait(false);
        if (store is ISourceStateStore following)
        {
            Standing = (await following.StandingOfAsync([article.Id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(article.Id);
        }
        Href = SafeLink.Href(article.Url);
        Paragraphs = AnnotatedText.Paragraphs(article);
        return Page();
    }

    /// <summary>Where <paramref name="field"/> was taken from, or null when the extractor did not say.</summary>
    public string? From(string field) => Article.Provenance.TryGetValue(field, out var source) ? source : null;
}
