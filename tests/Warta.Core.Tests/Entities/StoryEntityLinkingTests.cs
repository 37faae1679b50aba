using System.Text;
using Warta.Core.Entities;
using Warta.Core.Model;
using Xunit;

namespace Warta.Core.Tests.Entities;

public class StoryEntityLinkingTests
{
    private static readonly string[] GivenNames =
    [
        "Budi", "Siti", "Agus", "Dewi", "Rudi", "Wahyu", "Sri", "Eko", "Nurlaila", "Joko", "Ratna", "Hendra", "Yusuf", "Intan",
        "Bambang", "Fitri", "Dimas", "Ayu", "Irfan", "Putri",
    ];

    private static readonly string[] FamilyNames =
    [
        "Santoso", "Rahmah", "Wibowo", "Lestari", "Hidayat", "Saputra", "Kusuma", "Nasution", "Siregar", "Pratama", "Halim",
        "Gunawan", "Setiawan", "Harahap", "Simanjuntak", "Wijaya", "Susanto", "Purnomo", "Rangkuti", "Tanjung",
    ];

    private static readonly (string Text, EntityType Type)[] Recurring =
    [
        ("Kabupaten Lamaru", EntityType.Place), ("Lamaru", EntityType.Place), ("Kota Bandung", EntityType.Place),
        ("Kabupaten Bandung", EntityType.Place), ("Bandung", EntityType.Place), ("BPBD Lamaru", EntityType.Organisation),
        ("BPBD Lamaru", EntityType.Place), ("Korut", EntityType.Place), ("Rusia", EntityType.Person), ("Rusia", EntityType.Place),
        ("Basarnas", EntityType.Organisation), ("Sungai Lamaru", EntityType.Place), ("Jakarta", EntityType.Organisation),
    ];

    [Fact]
    public void Should_link_a_story_of_thousands_of_articles_naming_fresh_people_as_the_whole_story_scan_did()
    {
        // Given a story of 2,000 articles, each naming people no earlier article named (in full, then by a short form),
        // people named before (by a short form only), and recurring places and organisations, some typed differently
        var random = new Random(20261202);
        var story = new StoryEntities();
        var named = new List<string>();
        for (var article = 0; article < 2000; article++)
        {
            var mentions = new List<EntityMention>();
            void Add(string text, EntityType type) => mentions.Add(new(mentions.Count * 40, text.Length, text, type, "", text));
            for (var fresh = 0; fresh < 3; fresh++)
            {
                var given = GivenNames[random.Next(GivenNames.Length)];
                var family = FamilyNames[random.Next(FamilyNames.Length)];
                // The number spelt as a third name keeps each person new to the story.
                var person = $"{given} {Suffix(article * 3 + fresh)} {family}";
                Add(person, EntityType.Person);
                named.Add(person);
                if (random.Next(2) == 0) Add(random.Next(2) == 0 ? given : family, EntityType.Person);
            }
            for (var earlier = 0; earlier < 2; earlier++)
            {
                var words = named[random.Next(named.Count)].Split(' ');
                Add(random.Next(3) switch { 0 => words[0], 1 => words[1], _ => $"{words[0]} {words[2]}" }, EntityType.Person);
            }
            Add(GivenNames[random.Next(GivenNames.Length)], EntityType.Person);
            var (text, type) = Recurring[random.Next(Recurring.Length)];
            Add(text, type);
            if (random.Next(4) == 0) Add($"Lamaru {GivenNames[random.Next(GivenNames.Length)]} {Suffix(article)}", EntityType.Person);

            // When each is linked with the story's indexes and with a scan of every entity the story named so far
            var expected = QuadraticLinker.Link(mentions, story.FirstNamed);
            var linked = EntityLinker.Link(mentions, story);

            // Then both give every mention the same entity, type and canonical name
            Assert.Equal(expected, linked);
            story.Add(linked);
        }
        Assert.True(story.FirstNamed.Count > 6000, "each article adds fresh people to the story");
    }

    private static string Suffix(int number)
    {
        // "Bako", "Dilu", …: a pronounceable word per number, so names stay letters only.
        const string consonants = "bdgklmnprst";
        const string vowels = "aiueo";
        var builder = new StringBuilder();
        do
        {
            builder.Append(consonants[number % consonants.Length]).Append(vowels[number / consonants.Length % vowels.Length]);
            number /= consonants.Length * vowels.Length;
        }
        while (number > 0);
        builder[0] = char.ToUpperInvariant(builder[0]);
        return builder.ToString();
    }

    // The linker as it was before the story kept indexes: every call scans all the story's entities. Kept as the
    // reference the indexed linker must agree with, tie orders included (its signatures kept as the linker's, hence CA1859 off).
#pragma warning disable CA1859
    private static class QuadraticLinker
    {
        public static IReadOnlyList<EntityMention> Link(IReadOnlyList<EntityMention> mentions, IReadOnlyList<StoryEntity> story)
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
            var earlier = story.Select(static e => (Id: e.EntityId, Canonical: e.CanonicalName, e.Type, e.Mentions)).ToList();
            var storyKnown = earlier.ConvertAll(k => (k.Type, Key: KeyOf(k.Id), k.Canonical));
            VoteTypes(keys, fromTable, earlier.Select(k => (k.Type, KeyOf(k.Id), k.Mentions)));
            JoinAdministrativeForms(keys, storyKnown);
            var canonicalByKey = new Dictionary<(EntityType, string), string>();
            foreach (var (type, key, canonical) in storyKnown) canonicalByKey.TryAdd((type, key), canonical);
            var linked = new EntityMention[mentions.Count];
            // Each person key split into its words once, not once per pair compared (the comparison is quadratic in mentions).
            var keyWords = Array.ConvertAll(keys, static k => WordsOf(k.Type, k.Key));
            string[]?[]? storyWords = null;
            for (var i = 0; i < mentions.Count; i++)
            {
                var (type, key, canonical) = keys[i];
                if (type == EntityType.Person)
                {
                    var longer = LongestContaining(keys, keyWords, i, storyKnown, ref storyWords);
                    if (longer is not null) (key, canonical) = longer.Value;
                }
                if (!canonicalByKey.TryGetValue((type, key), out var known))
                {
                    known = canonical;
                    canonicalByKey[(type, key)] = known;
                }
                linked[i] = mentions[i] with { Type = type, EntityId = IdOf(type, key), CanonicalName = known };
            }
            return linked;
        }

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

        private static readonly HashSet<string> AdministrativeWords = new(StringComparer.Ordinal)
        {
            "kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "kelurahan", "desa", "dusun", "distrik", "regency",
            "province", "city",
        };

        private static void JoinAdministrativeForms((EntityType Type, string Key, string Canonical)[] keys,
            List<(EntityType Type, string Key, string Canonical)> story)
        {
            var units = new Dictionary<string, List<(string Key, string Canonical)>>(StringComparer.Ordinal);
            foreach (var (type, key, canonical) in keys.Concat(story))
            {
                if (type != EntityType.Place) continue;
                var space = key.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0 || !AdministrativeWords.Contains(key[..space])) continue;
                var name = key[(space + 1)..];
                if (!units.TryGetValue(name, out var forms)) units[name] = forms = [];
                if (!forms.Exists(f => f.Key == key)) forms.Add((key, canonical));
            }
            if (units.Count == 0) return;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i].Type == EntityType.Place && units.TryGetValue(keys[i].Key, out var forms) && forms.Count == 1)
                {
                    keys[i] = (EntityType.Place, forms[0].Key, forms[0].Canonical);
                }
            }
        }

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

        public static string IdOf(EntityType type, string normalised) => type switch
        {
            EntityType.Person => "person:",
            EntityType.Place => "place:",
            _ => "organisation:",
        } + normalised;

        private static void VoteTypes((EntityType Type, string Key, string Canonical)[] keys, bool[] fromTable,
            IEnumerable<(EntityType Type, string Key, int Mentions)> story)
        {
            var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var (type, key, mentions) in story)
            {
                if (!votes.TryGetValue(key, out var counts)) votes[key] = counts = new int[3];
                counts[(int)type] += mentions;
            }
            for (var i = 0; i < keys.Length; i++)
            {
                if (!votes.TryGetValue(keys[i].Key, out var counts)) votes[keys[i].Key] = counts = new int[3];
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

        private static (string Key, string Canonical)? LongestContaining(
            (EntityType Type, string Key, string Canonical)[] keys, string[]?[] keyWords, int index,
            List<(EntityType Type, string Key, string Canonical)> story, ref string[]?[]? storyWords)
        {
            var tokens = keyWords[index]!;
            (string Key, string Canonical)? best = null;
            var bestLength = tokens.Length;
            // Earlier mentions nearest first, then the later ones in order: ties keep the first found.
            for (var j = index - 1; j >= 0; j--) Consider(keys[j], keyWords[j]);
            for (var j = index + 1; j < keys.Length; j++) Consider(keys[j], keyWords[j]);
            if (best is not null) return best;
            storyWords ??= story.ConvertAll(static k => WordsOf(k.Type, k.Key)).ToArray();
            for (var j = 0; j < story.Count; j++) Consider(story[j], storyWords[j]);
            return best;

            void Consider((EntityType Type, string Key, string Canonical) other, string[]? otherWords)
            {
                var length = ContainingLength(otherWords, tokens);
                if (length <= bestLength) return;
                best = (other.Key, other.Canonical);
                bestLength = length;
            }
        }

        private static string[]? WordsOf(EntityType type, string key) => type == EntityType.Person ? key.Split(' ') : null;

        private static int ContainingLength(string[]? otherWords, string[] tokens)
        {
            if (otherWords is null) return 0;
            foreach (var token in tokens)
            {
                if (Array.IndexOf(otherWords, token) < 0) return 0;
            }
            return otherWords.Length;
        }

        private static string KeyOf(string entityId) => entityId[(entityId.IndexOf(':', StringComparison.Ordinal) + 1)..];

        private static string Tidy(string surface) => string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
#pragma warning restore CA1859
}
