using System.Diagnostics.CodeAnalysis;
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

    // Indexes the linker reads instead of scanning every entity per article (a story of thousands of articles made that
    // quadratic); each is updated as an entity is created or counted, and every list keeps first-named order for ties.
    private readonly Dictionary<string, int[]> _votesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(EntityType, string), string> _canonicalByKey = [];
    private readonly Dictionary<string, List<(string Key, string Canonical)>> _unitsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _personsByWord = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Canonical, string[] Words)> _persons = [];

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
            restored.Count(entry, entity.Mentions);
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
            Count(entry, 1);
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

    /// <summary>Mentions per type of the entities keyed <paramref name="key"/> (indexed by type), or null when none is known.</summary>
    internal int[]? VotesOf(string key) => _votesByKey.GetValueOrDefault(key);

    /// <summary>Canonical name of the first-named entity of this type and key.</summary>
    internal bool TryGetCanonical(EntityType type, string key, [MaybeNullWhen(false)] out string canonical) =>
        _canonicalByKey.TryGetValue((type, key), out canonical);

    /// <summary>Administrative places (<c>kabupaten lamaru</c>) named <paramref name="name"/> (<c>lamaru</c>): distinct keys,
    /// each with its first-named canonical name, in first-named order.</summary>
    internal IReadOnlyList<(string Key, string Canonical)> UnitsNamed(string name) =>
        _unitsByName.TryGetValue(name, out var forms) ? forms : [];

    /// <summary>The story's persons in first-named order (key, canonical name and key words).</summary>
    internal IReadOnlyList<(string Key, string Canonical, string[] Words)> Persons => _persons;

    /// <summary>Positions in <see cref="Persons"/> (ascending, once each) of the persons whose key has this word, or null.</summary>
    internal List<int>? PersonsWithWord(string word) => _personsByWord.GetValueOrDefault(word);

    private Entry Create(string id, string canonical, EntityType type)
    {
        var entry = new Entry(id, canonical, type);
        _entries.Add(id, entry);
        _order.Add(entry);
        var key = EntityLinker.KeyOf(id);
        _canonicalByKey.TryAdd((type, key), canonical);
        if (type == EntityType.Place && EntityLinker.AdministrativeName(key) is { } name)
        {
            if (!_unitsByName.TryGetValue(name, out var forms)) _unitsByName[name] = forms = [];
            if (!forms.Exists(f => f.Key == key)) forms.Add((key, canonical));
        }
        if (type == EntityType.Person)
        {
            var words = key.Split(' ');
            var position = _persons.Count;
            _persons.Add((key, canonical, words));
            foreach (var word in words)
            {
                if (!_personsByWord.TryGetValue(word, out var positions)) _personsByWord[word] = positions = [];
                if (positions.Count == 0 || positions[^1] != position) positions.Add(position);
            }
        }
        return entry;
    }

    private void Count(Entry entry, int mentions)
    {
        var key = EntityLinker.KeyOf(entry.Id);
        if (!_votesByKey.TryGetValue(key, out var counts)) _votesByKey[key] = counts = new int[3];
        counts[(int)entry.Type] += mentions;
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
