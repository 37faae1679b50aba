namespace Warta.Core.Clustering;

/// <summary>One term's id and running document frequency.</summary>
internal sealed class TermEntry(int id)
{
    public int Id { get; } = id;
    public long DocumentFrequency { get; set; }
    public long LastSeenDay { get; set; } = long.MinValue;

    /// <summary>The extraction that last counted this term; lets one article's features be merged without a dictionary.</summary>
    public long ExtractionStamp { get; set; }

    /// <summary>This term's index in the features of extraction <see cref="ExtractionStamp"/>.</summary>
    public int FeatureSlot { get; set; }

    /// <summary>The extraction whose statistics <see cref="Idf"/> was computed under (the average-link score computes each term's once per article).</summary>
    public long IdfStamp { get; set; }

    /// <summary>The term's document idf as of extraction <see cref="IdfStamp"/>.</summary>
    public double Idf { get; set; }
}
