using Warta.Core.Model;

namespace Warta.Core.Ingestion;

/// <summary>What a feed said about a page before it was fetched: signals for the article's metadata where the page's own metadata is silent.</summary>
/// <param name="Url">The link the page was fetched from.</param>
/// <param name="Title">The feed item's title.</param>
/// <param name="Published">The feed item's publication time.</param>
/// <param name="Author">The feed item's author.</param>
/// <param name="Outlet">The outlet the source is configured as.</param>
/// <param name="Signal">The provenance recorded for a field taken from here (e.g. <c>feed-item</c>).</param>
public sealed record DocumentHints(string? Url, string? Title, PublicationTime? Published, string? Author, string? Outlet, string Signal = "feed-item")
{
    /// <summary>The article a previous fetch of this page was stored as, when the page is fetched again: an article read from it with other text supersedes that one (see <see cref="Model.Article.Revises"/>).</summary>
    public string? Revises { get; init; }
}
