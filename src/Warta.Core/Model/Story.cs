namespace Warta.Core.Model;

/// <summary>A developing news story: the articles that tell it, summarised for listing.</summary>
/// <param name="Id">Stable id, fixed when the story starts; it never changes as articles join.</param>
/// <param name="Headline">Representative title of the story.</param>
/// <param name="ArticleCount">Articles in the story, copies included; an earlier revision of a followed page superseded by a later one is not counted (the stores read it so).</param>
/// <param name="Outlets">Distinct outlets that reported it, sorted.</param>
/// <param name="FirstPublished">Earliest publication time among its articles.</param>
/// <param name="LastPublished">Latest publication time among its articles.</param>
public sealed record Story(
    string Id,
    string Headline,
    int ArticleCount,
    IReadOnlyList<string> Outlets,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastPublished);
