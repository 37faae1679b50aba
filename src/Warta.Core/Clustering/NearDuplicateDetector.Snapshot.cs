namespace Warta.Core.Clustering;

public sealed partial class NearDuplicateDetector
{
    /// <summary>The sequence number the next indexed article gets; ties between equally close originals go to the lower one.</summary>
    internal long NextSequence => _sequence;

    /// <summary>Indexed articles in the order they were indexed.</summary>
    internal IEnumerable<(string ArticleId, ulong Hash, int Shingles, long Sequence)> Indexed =>
        _byArticle.Values.OrderBy(static e => e.Sequence).Select(static e => (e.ArticleId, e.Hash, e.Shingles, e.Sequence));

    /// <summary>Indexes an article under the sequence number a snapshot recorded; entries must come in increasing sequence.</summary>
    internal void Restore(string articleId, ulong hash, int shingles, long sequence)
    {
        var entry = new Entry(articleId, hash, shingles, sequence);
        _byArticle.Add(articleId, entry);
        for (var band = 0; band < Bands; band++)
        {
            (_buckets[BucketKey(hash, band)] ??= new Bucket()).Add(entry);
        }
    }

    internal void RestoreNextSequence(long sequence) => _sequence = sequence;
}
