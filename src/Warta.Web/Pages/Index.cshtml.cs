using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Model;
using Warta.Core.Stories;
using Warta.Hosting;

namespace Warta.Web.Pages;

/// <summary>Beranda: the stories developing now.</summary>
internal sealed class IndexModel(StoreOpener opener) : PageModel
{
    public IReadOnlyList<Story> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        using var store = opener.OpenForReading();
        Stories = await new StoryQueries(store, store).CurrentAsync(cancellationToken).ConfigureAwait(false);
    }
}
