using Warta.Core.Storage;
using Warta.Core.Stories;

namespace Warta.Web.Api;

/// <summary>The entities of all stories (<see cref="StoryQueries.EntitiesAsync"/>), computed once per store change and shared by every request.</summary>
/// <remarks>Linking every story's entities reads every placed article: 2.7 s a request on a 10,000-article store. The list
/// only changes when the store does, so it is kept with the change sequence it was read at and recomputed, by one request
/// at a time, when the sequence has moved. The sequence is read before the entities, so a change that lands meanwhile
/// makes the next request recompute rather than be missed.</remarks>
internal sealed class EntityListCache : IDisposable
{
    private readonly SemaphoreSlim _computing = new(1, 1);
    private Snapshot? _last;

    public async Task<IReadOnlyList<EntityInStories>> GetAsync(IWartaStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sequence = await store.LatestSequenceAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _last) is { } hit && hit.Sequence == sequence) return hit.Entities;
        await _computing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _last) is { } again && again.Sequence == sequence) return again.Entities;
            var entities = await new StoryQueries(store, store).EntitiesAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _last, new Snapshot(sequence, entities));
            return entities;
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose() => _computing.Dispose();

    private sealed record Snapshot(long Sequence, IReadOnlyList<EntityInStories> Entities);
}
