using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>Aggregates linked entity mentions across the articles of a story: entity → mention count and aliases.</summary>
/// <remarks>Pass it to <see cref="EntityLinker.Link"/> so that a later article's short forms (<c>Kim</c>) link to an entity
/// an earlier article named in full (<c>Kim Jong Un</c>).</remarks>
public sealed class StoryEntities
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Entities by descending mention count, then id.</summary>
    public IReadOnlyList<StoryEntity> Entities =>
    [
        .. _entries.Values
            .OrderByDescending(e => e.Mentions)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new StoryEntity(e.Id, e.Canonical, e.Type, e.Mentions, [.. e.Aliases])),
    ];

    /// <summary>Counts the linked mentions of one article.</summary>
    public void Add(IEnumerable<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var mention in mentions)
        {
            if (!_entries.TryGetValue(mention.EntityId, out var entry))
            {
                entry = new Entry(mention.EntityId, mention.CanonicalName, mention.Type);
                _entries[mention.EntityId] = entry;
            }
            entry.Mentions++;
            entry.Aliases.Add(mention.Text);
        }
    }

    /// <summary>The entity with this id, or null.</summary>
    public StoryEntity? Find(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return _entries.TryGetValue(entityId, out var e) ? new StoryEntity(e.Id, e.Canonical, e.Type, e.Mentions, [.. e.Aliases]) : null;
    }

    internal IEnumerable<(string Id, string Canonical, EntityType Type, int Mentions)> Known =>
        _entries.Values.Select(e => (e.Id, e.Canonical, e.Type, e.Mentions));

    private sealed class Entry(string id, string canonical, EntityType type)
    {
        public string Id { get; } = id;

        public string Canonical { get; } = canonical;

        public EntityType Type { get; } = type;

        public int Mentions { get; set; }

        public SortedSet<string> Aliases { get; } = new(StringComparer.Ordinal);
    }
}
