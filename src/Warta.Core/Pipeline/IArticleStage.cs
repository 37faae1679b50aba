using Warta.Core.Model;

namespace Warta.Core.Pipeline;

/// <summary>One stateless step applied to every freshly read article before placement (today: <see cref="AnnotationStage"/>).</summary>
/// <remarks>
/// Stages run in the order <see cref="IngestPipeline"/> is given them. A stage returns the article to pass on
/// (usually a copy made with <c>with</c>); throwing fails only the record being processed. <see cref="IngestPipeline"/>
/// calls a stage for several articles at once, so a stage must be safe to call concurrently.
/// </remarks>
public interface IArticleStage
{
    /// <summary>Short name shown in error messages when the stage fails (e.g. <c>entities</c>).</summary>
    string Name { get; }

    Article Process(Article article);
}
