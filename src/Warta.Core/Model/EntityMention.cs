namespace Warta.Core.Model;

/// <summary>One occurrence of a named entity in an article body, linked to its canonical entity.</summary>
/// <param name="Start">Offset into <see cref="Article.Body"/>.</param>
/// <param name="Length">Length in chars.</param>
/// <param name="Text">The surface form as written (<c>Korut</c>).</param>
/// <param name="Type">Person, place or organisation.</param>
/// <param name="EntityId">Key of the linked entity, shared by all its aliases (e.g. <c>place:korea utara</c>).</param>
/// <param name="CanonicalName">Display name of the linked entity (<c>Korea Utara</c>).</param>
public sealed record EntityMention(int Start, int Length, string Text, EntityType Type, string EntityId, string CanonicalName);
