namespace Warta.Core.Clustering;

/// <summary>Thresholds and limits of <see cref="StoryClusterer"/>; the defaults are the values measured on the dev sets.</summary>
public sealed record StoryClustererOptions
{
    /// <summary>Minimum decayed cosine between an article and a story centroid for the article to join that story.</summary>
    public double AssignThreshold { get; init; } = 0.30;

    /// <summary>When a new article scores at least this against a second live story as well, the two stories are merged.</summary>
    public double MergeThreshold { get; init; } = 0.60;

    /// <summary>Raw count of a title term relative to a body term (titles say what the story is about).</summary>
    public double TitleWeight { get; init; } = 3.0;

    /// <summary>Raw count of an entity feature (linked entity or capitalised-sequence proxy) per mention.</summary>
    public double EntityWeight { get; init; } = 1.5;

    /// <summary>Days after which the time decay has fallen halfway from 1 towards <see cref="DecayFloor"/>.</summary>
    public double DecayHalfLifeDays { get; init; } = 7.0;

    /// <summary>The decay never goes below this factor inside the working window, so a story resumed weeks later can still be joined.</summary>
    public double DecayFloor { get; init; } = 0.5;

    /// <summary>Stories with no article for this long (stream time) leave the working set.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Hard cap on live stories; beyond it the least recently updated ones are evicted, so memory stays bounded in any burst.</summary>
    public int MaxLiveStories { get; init; } = 20_000;

    /// <summary>Highest-weighted terms kept per article vector.</summary>
    public int MaxArticleTerms { get; init; } = 64;

    /// <summary>Highest-weighted terms kept per story centroid.</summary>
    public int MaxCentroidTerms { get; init; } = 256;

    /// <summary>Article terms used to look up candidate stories in the inverted index.</summary>
    public int QueryTerms { get; init; } = 12;

    /// <summary>Candidates (by partial score over the query terms) that get a full cosine.</summary>
    public int MaxCandidates { get; init; } = 32;
}
