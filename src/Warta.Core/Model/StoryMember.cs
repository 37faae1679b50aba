namespace Warta.Core.Model;

/// <summary>One article of a story as a story view orders and samples it, without reading the article itself.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Language">Its language, which decides the view's language by majority.</param>
public sealed record StoryMember(string ArticleId, string Language);
