namespace Warta.Core.Stories;

/// <summary>An article that states something a story view shows: its id, outlet and publication time.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Outlet">Its normalised outlet.</param>
/// <param name="Published">Its publication time as <see cref="Model.PublicationTime"/> prints it; null when undated.</param>
public sealed record StoryCitation(string ArticleId, string Outlet, string? Published);
