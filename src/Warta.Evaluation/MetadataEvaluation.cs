namespace Warta.Evaluation;

/// <summary>Scores of metadata extraction against TimeML gold: publish date and title accuracy, outlet count.</summary>
public sealed record MetadataEvaluation
{
    public required int Articles { get; init; }
    /// <summary>Articles whose extracted publication day equals the DCT value.</summary>
    public required int PublishedCorrect { get; init; }
    /// <summary>Articles with a non-empty gold title (the only ones title accuracy counts).</summary>
    public required int TitlesScored { get; init; }
    public required int TitlesSkipped { get; init; }
    public required int TitlesCorrect { get; init; }
    /// <summary>Articles whose outlet came out as <see cref="MetadataEvaluator.ExpectedOutlet"/>.</summary>
    public required int OutletMatches { get; init; }
    /// <summary>Files that could not be read or ingested; they count as wrong for every measure.</summary>
    public required int Errors { get; init; }
    /// <summary>One line per wrong field, e.g. <c>x.tml: title "A" ≠ gold "B"</c>, for diagnosis.</summary>
    public required IReadOnlyList<string> Misses { get; init; }

    public double PublishedAccuracy => Articles == 0 ? 0 : (double)PublishedCorrect / Articles;
    public double TitleAccuracy => TitlesScored == 0 ? 0 : (double)TitlesCorrect / TitlesScored;
}
