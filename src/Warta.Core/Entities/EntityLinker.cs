using System.Text;
using Warta.Core.Model;

namespace Warta.Core.Entities;

/// <summary>Groups the entity mentions of an article (and of a story) into entities with aliases, giving each mention its entity id and canonical name.</summary>
/// <remarks>Rules, in order: the compiled alias table (<c>Korut</c> → <c>Korea Utara</c>, <c>AS</c> → <c>Amerika Serikat</c>);
/// equal normal forms (case and hyphens ignored: <c>Kim Jong-un</c> = <c>Kim Jong Un</c>); a person mention whose tokens all
/// occur in a longer person name of the article (the longest; the nearest earlier one on ties) or, failing that, of the
/// story (<c>Kim</c>, <c>Melnichenko</c>) joins that name. Before that, a name typed differently across the article takes
/// its majority type (alias-table types win), so one stray <c>Rusia</c>/person joins <c>Rusia</c>/place.</remarks>
public static class EntityLinker
{
    /// <summary>Links one article's mentions (in text order); <paramref name="story"/> supplies entities named by earlier articles.</summary>
    public static IReadOnlyList<EntityMention> Link(IReadOnlyList<EntityMention> mentions, StoryEntities? story = null)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        mentions = SplitPlaceLedNames(mentions);
        var keys = new (EntityType Type, string Key, string Canonical)[mentions.Count];
        var fromTable = new bool[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var normal = Normalise(mentions[i].Text);
            var alias = EntityAliases.Find(mentions[i].Type, normal);
            fromTable[i] = alias is not null;
            keys[i] = alias is { } a ? (a.Type, Normalise(a.Canonical), a.Canonical) : (mentions[i].Type, normal, Tidy(mentions[i].Text));
        }
        VoteTypes(keys, fromTable, story);
        JoinAdministrativeForms(keys, story);
        // The story's canonical names come first (its earlier articles named them); this article's new keys follow.
        var canonicalByKey = new Dictionary<(EntityType, string), string>();
        var linked = new EntityMention[mentions.Count];
        // Each person key split into its words once, not once per pair compared (the comparison is quadratic in mentions).
        var keyWords = Array.ConvertAll(keys, static k => WordsOf(k.Type, k.Key));
        for (var i = 0; i < mentions.Count; i++)
        {
            var (type, key, canonical) = keys[i];
            if (type == EntityType.Person)
            {
                var longer = LongestContaining(keys, keyWords, i, story);
                if (longer is not null) (key, canonical) = longer.Value;
            }
            string known;
            if (story is not null && story.TryGetCanonical(type, key, out var named)) known = named;
            else if (canonicalByKey.TryGetValue((type, key), out var seen)) known = seen;
            else
            {
                known = canonical;
                canonicalByKey[(type, key)] = known;
            }
            linked[i] = mentions[i] with { Type = type, EntityId = IdOf(type, key), CanonicalName = known };
        }
        return linked;
    }

    /// <summary>
    /// <c>Bupati Lamaru Nurlaila Rahmah</c>: an office holder named after the region, which the tagger reads as one person
    /// <c>Lamaru Nurlaila Rahmah</c>. When a person's first word is a place the article names elsewhere (<c>Kabupaten
    /// Lamaru</c>, <c>Sungai Lamaru</c>) and at least two words follow, the first word becomes that place and the rest the person.
    /// </summary>
    private static IReadOnlyList<EntityMention> SplitPlaceLedNames(IReadOnlyList<EntityMention> mentions)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (mention.Type != EntityType.Place) continue;
            var words = mention.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0) places.Add(words[^1]);
        }
        if (places.Count == 0) return mentions;
        List<EntityMention>? split = null;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            var space = mention.Text.IndexOf(' ', StringComparison.Ordinal);
            var leadsWithPlace = mention.Type == EntityType.Person && space > 0
                && mention.Text.AsSpan(space + 1).Trim().Contains(' ') && places.Contains(mention.Text[..space]);
            if (!leadsWithPlace)
            {
                split?.Add(mention);
                continue;
            }
            split ??= [.. mentions.Take(i)];
            var place = mention.Text[..space];
            var rest = mention.Text.AsSpan(space).TrimStart();
            var restStart = mention.Start + mention.Length - rest.Length;
            split.Add(new EntityMention(mention.Start, place.Length, place, EntityType.Place, IdOf(EntityType.Place, Normalise(place)), place));
            var person = rest.ToString();
            split.Add(new EntityMention(restStart, person.Length, person, EntityType.Person, IdOf(EntityType.Person, Normalise(person)), person));
        }
        return split ?? mentions;
    }

    /// <summary>Words naming an administrative unit before its name (<c>Kabupaten Lamaru</c>); a river or a mountain
    /// (<c>Sungai Lamaru</c>) is another place and is not listed.</summary>
    private static readonly HashSet<string> AdministrativeWords = new(StringComparer.Ordinal)
    {
        "kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "kelurahan", "desa", "dusun", "distrik", "regency",
        "province", "city",
    };

    /// <summary><c>Lamaru</c> joins <c>Kabupaten Lamaru</c> when the article or its story names exactly one administrative
    /// unit called Lamaru; with both <c>Kota Bandung</c> and <c>Kabupaten Bandung</c> a bare <c>Bandung</c> stays apart.</summary>
    private static void JoinAdministrativeForms((EntityType Type, string Key, string Canonical)[] keys, StoryEntities? story)
    {
        // The article's units first, in text order, then the story's (indexed by name, in first-named order): the first
        // form of a key gives its canonical name.
        var units = new Dictionary<string, List<(string Key, string Canonical)>>(StringComparer.Ordinal);
        foreach (var (type, key, canonical) in keys)
        {
            if (type != EntityType.Place || AdministrativeName(key) is not { } name) continue;
            if (!units.TryGetValue(name, out var forms)) units[name] = forms = [];
            if (!forms.Exists(f => f.Key == key)) forms.Add((key, canonical));
        }
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Type != EntityType.Place) continue;
            var name = keys[i].Key;
            var article = units.GetValueOrDefault(name);
            var known = story?.UnitsNamed(name) ?? [];
            (string Key, string Canonical)? only = null;
            var count = article?.Count ?? 0;
            if (count > 0) only = article![0];
            foreach (var form in known)
            {
                if (article is not null && article.Exists(f => f.Key == form.Key)) continue;
                count++;
                only ??= form;
                if (count > 1) break;
            }
            if (count == 1) keys[i] = (EntityType.Place, only!.Value.Key, only.Value.Canonical);
        }
    }

    /// <summary>The name of an administrative unit's key (<c>lamaru</c> for <c>kabupaten lamaru</c>), or null for other keys.</summary>
    internal static string? AdministrativeName(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 || !AdministrativeWords.Contains(key[..space]) ? null : key[(space + 1)..];
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

    /// <summary>One sense per discourse: a name the tagger typed differently across the article, and the story's earlier
    /// articles (<paramref name="story"/>: type, key and mentions of the entities known so far), takes its majority type.</summary>
    private static void VoteTypes((EntityType Type, string Key, string Canonical)[] keys, bool[] fromTable, StoryEntities? story)
    {
        // Only the article's keys are voted on, so the story's counts are copied for those keys alone.
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (!votes.TryGetValue(keys[i].Key, out var counts))
            {
                votes[keys[i].Key] = counts = story?.VotesOf(keys[i].Key) is { } known ? (int[])known.Clone() : new int[3];
            }
            // The alias table is surer than the tagger.
            counts[(int)keys[i].Type] += fromTable[i] ? 100 : 1;
        }
        for (var i = 0; i < keys.Length; i++)
        {
            var counts = votes[keys[i].Key];
            var best = (EntityType)Array.IndexOf(counts, counts.Max());
            if (counts[(int)best] > counts[(int)keys[i].Type]) keys[i] = keys[i] with { Type = best };
        }
    }

    /// <summary>The longest person name of the article (nearest earlier first on ties), else of the story, that contains all tokens of mention <paramref name="index"/>.</summary>
    /// <param name="keys">The article's mention keys.</param>
    /// <param name="keyWords">Each key's words when it is a person's, else null.</param>
    /// <param name="index">The mention whose name is looked for.</param>
    /// <param name="story">Entities named by the story's earlier articles, or null.</param>
    private static (string Key, string Canonical)? LongestContaining(
        (EntityType Type, string Key, string Canonical)[] keys, string[]?[] keyWords, int index, StoryEntities? story)
    {
        var tokens = keyWords[index]!;
        (string Key, string Canonical)? best = null;
        var bestLength = tokens.Length;
        // Earlier mentions nearest first, then the later ones in order: ties keep the first found.
        for (var j = index - 1; j >= 0; j--) Consider(keys[j].Key, keys[j].Canonical, keyWords[j]);
        for (var j = index + 1; j < keys.Length; j++) Consider(keys[j].Key, keys[j].Canonical, keyWords[j]);
        if (best is not null || story is null) return best;
        // A story person containing all tokens contains each one, so the persons having the rarest token are all the
        // candidates; they are listed in first-named order, the order ties are decided in.
        List<int>? candidates = null;
        foreach (var token in tokens)
        {
            var having = story.PersonsWithWord(token);
            if (having is null) return null;
            if (candidates is null || having.Count < candidates.Count) candidates = having;
        }
        var persons = story.Persons;
        foreach (var j in candidates!)
        {
            var (key, canonical, words) = persons[j];
            Consider(key, canonical, words);
        }
        return best;

        void Consider(string otherKey, string otherCanonical, string[]? otherWords)
        {
            var length = ContainingLength(otherWords, tokens);
            if (length <= bestLength) return;
            best = (otherKey, otherCanonical);
            bestLength = length;
        }
    }

    /// <summary>A person key's words (the key is normalised: single spaces), or null for other types.</summary>
    private static string[]? WordsOf(EntityType type, string key) => type == EntityType.Person ? key.Split(' ') : null;

    /// <summary>Word count of <paramref name="otherWords"/> when it is a person name (not null) containing all <paramref name="tokens"/>, else 0.</summary>
    private static int ContainingLength(string[]? otherWords, string[] tokens)
    {
        if (otherWords is null) return 0;
        foreach (var token in tokens)
        {
            if (Array.IndexOf(otherWords, token) < 0) return 0;
        }
        return otherWords.Length;
    }

    internal static string KeyOf(string entityId) => entityId[(entityId.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Tidy(string surface) => string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
