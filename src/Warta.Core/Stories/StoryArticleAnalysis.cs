using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;

namespace Warta.Core.Stories;

/// <summary>What a story view needs of one article, worked out once: its sentences with their content terms and event times, and the quantities it states.</summary>
/// <remarks>
/// Made by <see cref="StoryViewBuilder.Analyze"/>, immutable and independent of the story the article is in, so that a view is
/// built again after each commit from the analyses of the articles it already had and the analysis of the new one: tokenising
/// and splitting 50 articles again made most of an update's cost.
/// </remarks>
public sealed class StoryArticleAnalysis
{
    internal StoryArticleAnalysis(string articleId, string outlet, string language, PublicationTime? published,
        IReadOnlyList<AnalyzedSentence> sentences, IReadOnlyList<QuantityStatement> quantities)
    {
        ArticleId = articleId;
        Outlet = outlet;
        Language = language;
        Published = published;
        Sentences = sentences;
        Quantities = quantities;
    }

    /// <summary>The article.</summary>
    public string ArticleId { get; }

    /// <summary>Its normalised outlet.</summary>
    public string Outlet { get; }

    /// <summary>Its language.</summary>
    public string Language { get; }

    /// <summary>Its publication time; null when undated.</summary>
    public PublicationTime? Published { get; }

    internal IReadOnlyList<AnalyzedSentence> Sentences { get; }

    internal IReadOnlyList<QuantityStatement> Quantities { get; }

    /// <summary>One body sentence: its text (dateline cut), light-stemmed content terms, word count and the event time it dates.</summary>
    internal sealed record AnalyzedSentence(int Index, string Text, HashSet<string> Terms, int Words, TemporalExpression? EventTime,
        bool IsQuote, bool IsQuestion, bool HasQuoteMark);

    /// <summary>A quantity the article states, with what it counts as the comparer keys it and the words around it.</summary>
    internal sealed record QuantityStatement(Quantity Quantity, string Key, bool IsChange, bool InCorrection)
    {
        /// <summary>Light-stemmed words of the event counted or dated (<c>rusak</c>, <c>longsor jadi</c>); empty when none is said.</summary>
        public IReadOnlyList<string> Events { get; init; } = [];

        /// <summary>The span or state a count is of (<c>sejak</c>, <c>selama</c>, <c>sisa</c>); null for a plain count.</summary>
        public string? Period { get; init; }

        /// <summary>The TIMEX3 value of an event's date or time; null for other quantities.</summary>
        public string? When { get; init; }
    }
}
