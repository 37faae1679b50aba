using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>Aggregates linked entity mentions across the articles of a story: entity → mention count and aliases.</summary>
/// <remarks>Pass it to <see cref="EntityLinker.Link"/> so that a later article's short forms (<c>Kim</c>) link to an entity
/// an earlier article named in full (<c>Kim Jong Un</c>).</remarks>
public sealed class StoryEntities
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // The linker reads the entities in the order they were first named (earlier names win its ties), so that order is
    // kept explicitly: a state restored from FirstNamed links the next article exactly as the original state would.
    private readonly List<Entry> _order = [];

    /// <summary>Entities by descending mention count, then id.</summary>
    public IReadOnlyList<StoryEntity> Entities =>
    [
        .. _entries.Values
            .OrderByDescending(e => e.Mentions)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(static e => e.ToEntity()),
    ];

    /// <summary>Entities in the order the story first named them: the linker's state, as <see cref="Restore"/> takes it back.</summary>
    public IReadOnlyList<StoryEntity> FirstNamed => [.. _order.Select(static e => e.ToEntity())];

    /// <summary>The state that counted <paramref name="firstNamed"/> (as <see cref="FirstNamed"/> gave them), to link further articles with.</summary>
    public static StoryEntities Restore(IEnumerable<StoryEntity> firstNamed)
    {
        ArgumentNullException.ThrowIfNull(firstNamed);
        var restored = new StoryEntities();
        foreach (var entity in firstNamed)
        {
            var entry = restored.Create(entity.EntityId, entity.CanonicalName, entity.Type);
            entry.Mentions = entity.Mentions;
            entry.Aliases.UnionWith(entity.Aliases);
        }
        return restored;
    }

    /// <summary>Counts the linked mentions of one article.</summary>
    public void Add(IEnumerable<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        foreach (var mention in mentions)
        {
            if (!_entries.TryGetValue(mention.EntityId, out var entry)) entry = Create(mention.EntityId, mention.CanonicalName, mention.Type);
            entry.Mentions++;
            entry.Aliases.Add(mention.Text);
        }
    }

    /// <summary>The entity with this id, or null.</summary>
    public StoryEntity? Find(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        return _entries.TryGetValue(entityId, out var e) ? e.ToEntity() : null;
    }

    internal IEnumerable<(string Id, string Canonical, EntityType Type, int Mentions)> Known =>
        _order.Select(e => (e.Id, e.Canonical, e.Type, e.Mentions));

    private Entry Create(string id, string canonical, EntityType type)
    {
        var entry = new Entry(id, canonical, type);
        _entries.Add(id, entry);
        _order.Add(entry);
        return entry;
    }

    private sealed class Entry(string id, string canonical, EntityType type)
    {
        public string Id { get; } = id;

        public string Canonical { get; } = canonical;

        public EntityType Type { get; } = type;

        public int Mentions { get; set; }

        public SortedSet<string> Aliases { get; } = new(StringComparer.Ordinal);

        public StoryEntity ToEntity() => new(Id, Canonical, Type, Mentions, [.. Aliases]);
    }
}
