using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warta.Core.Stories;
using Warta.Hosting;
using Warta.Web.Api;

namespace Warta.Web.Pages.Entities;

/// <summary>One entity (by its linked id, <c>place:korea utara</c>): its names and its stories over time, oldest first.</summary>
internal sealed class EntityModel(ReadStorePool stores, EntityListCache cache) : PageModel
{
    public EntityInStories Entity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        using var lease = stores.Rent();
        var store = lease.Store;
        var all = await cache.GetAsync(store, cancellationToken).ConfigureAwait(false);
        if (all.FirstOrDefault(e => string.Equals(e.Entity.EntityId, id, StringComparison.Ordinal)) is not { } found) return NotFound();
        Entity = found with
        {
            Stories = [.. found.Stories.OrderBy(static s => s.FirstPublished ?? DateTimeOffset.MaxValue).ThenBy(static s => s.Id, StringComparer.Ordinal)],
        };
        return Page();
    }
}
