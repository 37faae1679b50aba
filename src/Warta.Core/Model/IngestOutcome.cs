using Warta.Core.Model;

namespace Warta.Core.Model;

/// <summary>What reading one record of an input produced: an article or an error, never both.</summary>
public sealed record IngestOutcome
{
    private IngestOutcome(Article? article, IngestError? error) => (Article, Error) = (article, error);

    public Article? Article { get; }
    public IngestError? Error { get; }

    public static IngestOutcome Of(Article article) => new(article, null);
    public static IngestOutcome Failed(IngestError error) => new(null, error);
}
