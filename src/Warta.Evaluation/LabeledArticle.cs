using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>An article with the gold story (or thread) it belongs to.</summary>
public sealed record LabeledArticle(Article Article, string Gold);
