using System.Text;
using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>Groups the entity mentions of an article (and of a story) into entities with aliases, giving each mention its entity id and canonical name.</summary>
/// <remarks>Rules, in order: the compiled alias table (<c>Korut</c> → <c>Korea Utara</c>, <c>AS</c> → <c>Amerika Serikat</c>);
/// equal normal forms (case and hyphens ignored: <c>Kim Jong-un</c> = <c>Kim Jong Un</c>); a person mention whose tokens all
/// occur in a longer person name of the article (the nearest earlier one, else the first later one) or, failing that, of
/// the story (<c>Kim</c>, <c>Melnichenko</c>) joins that name.</remarks>
public static class EntityLinker
{
    /// <summary>Links one article's mentions (in text order); <paramref name="story"/> supplies entities named by earlier articles.</summary>
    public static IReadOnlyList<EntityMention> Link(IReadOnlyList<EntityMention> mentions, StoryEntities? story = null)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var keys = new (EntityType Type, string Key, string Canonical)[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var normal = Normalise(mentions[i].Text);
            var alias = EntityAliases.CanonicalOf(mentions[i].Type, normal);
            keys[i] = alias is null ? (mentions[i].Type, normal, Tidy(mentions[i].Text)) : (mentions[i].Type, Normalise(alias), alias);
        }
        var storyKnown = story?.Known.ToList() ?? [];
        var linked = new EntityMention[mentions.Count];
        var canonicalByKey = new Dictionary<(EntityType, string), string>();
        foreach (var (id, canonical, type, _) in storyKnown) canonicalByKey.TryAdd((type, id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]), canonical);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (type, key, canonical) = keys[i];
            if (type == EntityType.Person && !canonicalByKey.ContainsKey((type, key)))
            {
                var longer = LongerName(keys, i) ?? LongerStoryName(storyKnown, key);
                if (longer is not null) (key, canonical) = longer.Value;
            }
            if (!canonicalByKey.TryGetValue((type, key), out var known))
            {
                known = canonical;
                canonicalByKey[(type, key)] = known;
            }
            var m = mentions[i];
            linked[i] = m with { EntityId = IdOf(type, key), CanonicalName = known };
        }
        return linked;
    }

    /// <summary>Matching form of a name: lower-cased, hyphens and dots as spaces, single spaces.</summary>
    public static string Normalise(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var builder = new StringBuilder(surface.Length);
        foreach (var c in surface.ToLowerInvariant())
        {
            var mapped = c is '-' or '‐' or '–' or '.' or '_' || char.IsWhiteSpace(c) ? ' ' : c;
            if (mapped == ' ' && (builder.Length == 0 || builder[^1] == ' ')) continue;
            builder.Append(mapped);
        }
        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        return builder.ToString();
    }

    /// <summary>Entity key such as <c>place:korea utara</c>.</summary>
    public static string IdOf(EntityType type, string normalised) => type switch
    {
        EntityType.Person => "person:",
        EntityType.Place => "place:",
        _ => "organisation:",
    } + normalised;

    private static (string Key, string Canonical)? LongerName((EntityType Type, string Key, string Canonical)[] keys, int index)
    {
        var tokens = keys[index].Key.Split(' ');
        (string, string)? after = null;
        for (var j = index - 1; j >= 0; j--)
        {
            if (Contains(keys[j], keys[index].Type, tokens)) return (keys[j].Key, keys[j].Canonical);
        }
        for (var j = index + 1; j < keys.Length && after is null; j++)
        {
            if (Contains(keys[j], keys[index].Type, tokens)) after = (keys[j].Key, keys[j].Canonical);
        }
        return after;
    }

    private static (string Key, string Canonical)? LongerStoryName(List<(string Id, string Canonical, EntityType Type, int Mentions)> known, string key)
    {
        var tokens = key.Split(' ');
        foreach (var (id, canonical, type, _) in known.OrderByDescending(k => k.Mentions).ThenBy(k => k.Id, StringComparer.Ordinal))
        {
            var otherKey = id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (Contains((type, otherKey, canonical), EntityType.Person, tokens)) return (otherKey, canonical);
        }
        return null;
    }

    private static bool Contains((EntityType Type, string Key, string Canonical) other, EntityType type, string[] tokens)
    {
        if (other.Type != type) return false;
        var otherTokens = other.Key.Split(' ');
        return otherTokens.Length > tokens.Length && tokens.All(t => otherTokens.Contains(t, StringComparer.Ordinal));
    }

    private static string Tidy(string surface) => string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
