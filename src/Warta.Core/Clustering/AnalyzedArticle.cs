using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Clustering;

/// <summary>An article with its analysed title and body: what the clusterer reads of it.</summary>
/// <param name="Article">The article.</param>
/// <param name="Title">Its title, analysed.</param>
/// <param name="Body">Its body, analysed.</param>
public sealed record AnalyzedArticle(Article Article, AnalyzedText Title, AnalyzedText Body);
