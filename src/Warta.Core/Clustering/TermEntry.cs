namespace Warta.Core.Clustering;

/// <summary>One term's id and running document frequency.</summary>
internal sealed class TermEntry(int id)
{
    public int Id { get; } = id;
    public long DocumentFrequency { get; set; }
    public long LastSeenDay { get; set; } = long.MinValue;
}
