using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Stories;

/// <summary>Read-side article queries shared by the CLI and a future API: the listing and id or prefix resolution.</summary>
public sealed class ArticleQueries(IArticleReader articles)
{
    /// <summary>At most this many candidates are read to report an ambiguous prefix; one more than is shown tells "and more".</summary>
    public const int AmbiguousCandidates = 6;

    /// <summary>All stored articles, oldest first, undated last, then id.</summary>
    public async Task<IReadOnlyList<Article>> ListAsync(CancellationToken cancellationToken = default) =>
        (await articles.ListArticlesAsync(PageRequest.All, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>The article with this id, else the one article whose id starts with it.</summary>
    public async Task<IdResolution<Article>> ResolveAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (await articles.GetArticleAsync(idOrPrefix, cancellationToken).ConfigureAwait(false) is { } exact) return IdResolution<Article>.Found(exact);
        // An empty prefix would name every article; it names none.
        if (idOrPrefix.Length == 0) return IdResolution<Article>.NotFound;
        var matches = await articles.FindArticleIdsAsync(idOrPrefix, AmbiguousCandidates, cancellationToken).ConfigureAwait(false);
        if (matches.Count > 1) return IdResolution<Article>.Ambiguous(matches);
        if (matches.Count == 1 && await articles.GetArticleAsync(matches[0], cancellationToken).ConfigureAwait(false) is { } only)
        {
            return IdResolution<Article>.Found(only);
        }
        return IdResolution<Article>.NotFound;
    }
}
