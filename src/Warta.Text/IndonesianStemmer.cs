using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Hunspell;

namespace Warta.Text;

/// <summary>Indonesian stemmer: hunspell-id roots first, then confix stripping checked against those roots, then Lucene.Net's rules.</summary>
/// <remarks>
/// Order, measured on UD-CSUI (see <c>warta eval stemming</c>): a known root is kept; Lucene.Net's Hunspell stemmer
/// (affix flags of the dictionary); a Nazief–Adriani style search over prefixes (with the letter meN-/peN- drop
/// restored: mengunjungi→kunjung, pemerintah→perintah) and suffixes that accepts only dictionary roots; the same after
/// stripping particles and possessives (-lah, -kah, -pun, -nya, -ku, -mu; after the lookup, so bertemu is not cut to
/// berte); finally the rule-based stemmer. Never lengthens a word, never throws; thread-safe.
/// </remarks>
public sealed partial class IndonesianStemmer
{
    /// <summary>Stems cached in each of the cache's two generations; it sits behind <see cref="TextAnalyzer"/>'s word cache, so it sees only that cache's misses.</summary>
    private const int CacheLimit = 25_000;
    /// <summary>Hunspell's answers kept in each generation of their own cache (<see cref="_hunspellCache"/>).</summary>
    /// <remarks>At 25,000 the affixed vocabulary of `warta bench search` (with the new names that pass the pre-check) turned
    /// the generations over and went through hunspell again. With <see cref="TextAnalyzer"/>'s word cache at 50,000 a
    /// generation, 100,000 here indexed −2 to +20 % (median +9 %) more articles per CPU second over 4 rounds of 100,000
    /// articles, one core each, run side by side; either change alone was within the noise. At most ~15 MB more.</remarks>
    private const int HunspellCacheLimit = 100_000;
    private static readonly string[] Particles = ["lah", "kah", "pun", "tah"];
    private static readonly string[] Possessives = ["nya", "ku", "mu"];
    private static readonly string[] DerivationalSuffixes = ["kan", "an", "i"];

    private readonly HashSet<string>? _roots;
    private readonly Dictionary? _dictionary;
    // The affix steps of the dictionary's rules, for a pre-check that hands hunspell only a word it can stem (see
    // MayHaveHunspellStem): most new names (`Karimona`, `Kesutawi`) never reach it.
    private readonly AffixSteps? _steps;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _rootLookup;
    // Lucene's token filter keeps per-use state, so each thread has its own (a shared pool was a tenth of the CPU time of
    // indexing on two threads, `warta bench search`); it is made again when the thread meets another dictionary.
    [ThreadStatic]
    private static HunspellStemming? _hunspell;
    private readonly RecentWordCache<string> _cache = new(CacheLimit);
    // Hunspell's answers (null: no stem) for the words the pre-check hands it, kept apart from _cache: that one sees every
    // new name and number and turns over every few thousand articles of `warta bench search`, and the vocabulary's affixed
    // words then went through hunspell again each time they came round (nine in ten of its calls at 20,000 articles). Few
    // new names pass the pre-check, so this one holds the affixed vocabulary.
    private readonly RecentWordCache<string?> _hunspellCache = new(HunspellCacheLimit);

    /// <summary>A stemmer using the rules only (no dictionary); <see cref="Warning"/> says so.</summary>
    public IndonesianStemmer(string warning)
    {
        Warning = warning;
    }

    /// <summary>A stemmer backed by a hunspell dictionary (<c>id_ID.aff</c>, <c>id_ID.dic</c>).</summary>
    public IndonesianStemmer(Stream affix, Stream dictionary)
    {
        ArgumentNullException.ThrowIfNull(affix);
        ArgumentNullException.ThrowIfNull(dictionary);
        var affixBytes = ReadAll(affix);
        var dictionaryBytes = ReadAll(dictionary);
        // hunspell-id's .aff has inline "# comment" after entries, which Lucene.Net's parser rejects.
        var affixText = Encoding.Latin1.GetString(affixBytes);
        var cleanAffix = Encoding.Latin1.GetBytes(InlineComment().Replace(affixText, string.Empty));
        var encoding = DeclaredEncoding().Match(affixText) is { Success: true } match
                       && match.Groups[1].Value.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8
            : Encoding.Latin1;

        Dictionary loaded;
        using (var affixStream = new MemoryStream(cleanAffix))
        using (var dictionaryStream = new MemoryStream(dictionaryBytes))
        {
            loaded = new Dictionary(affixStream, dictionaryStream);
        }
        _dictionary = loaded;
        _roots = ReadRoots(encoding.GetString(dictionaryBytes));
        _rootLookup = _roots.GetAlternateLookup<ReadOnlySpan<char>>();
        _steps = AffixSteps.Read(encoding.GetString(cleanAffix));
    }

    /// <summary>Why the stemmer runs on rules only, or null when a dictionary is loaded.</summary>
    public string? Warning { get; }

    /// <summary>True when a hunspell dictionary is loaded.</summary>
    public bool HasDictionary => _roots is not null;

    /// <summary>Number of roots in the loaded dictionary (0 without one).</summary>
    public int RootCount => _roots?.Count ?? 0;

    /// <summary>True when <paramref name="word"/> is a root of the loaded dictionary.</summary>
    public bool IsRoot(string word) => _roots is not null && _roots.Contains(word);

    /// <summary>The root of a normalised (lower-case) word; the word itself when nothing applies.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3) return word;
        if (_cache.TryGet(word, out var cached)) return cached;

        string stem;
        try
        {
            stem = Compute(word);
        }
#pragma warning disable CA1031 // A stemmer failure on one odd word must not fail analysis of the article; the word stays unstemmed.
        catch (Exception)
#pragma warning restore CA1031
        {
            stem = word;
        }
        if (stem.Length == 0 || stem.Length > word.Length) stem = word;

        _cache.Add(word, stem);
        return stem;
    }

    private string Compute(string word)
    {
        var hyphen = word.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && hyphen < word.Length - 1) return StemHyphenated(word, hyphen);
        if (!IsAllLetters(word)) return word;
        if (_roots is null) return StemByRules(word);

        var found = FindRoot(word);
        if (found is not null) return found;
        foreach (var stripped in StripInflection(word))
        {
            found = FindRoot(stripped);
            if (found is not null) return found;
        }
        return StemByRules(word);
    }

    /// <summary>pabrik-pabrik→pabrik, berlari-lari→lari, anak-anaknya→anak, kemerah-merahan→merah, sayur-mayur→sayur.</summary>
    private string StemHyphenated(string word, int hyphen)
    {
        var first = word[..hyphen];
        var second = word[(hyphen + 1)..];
        if (second.Contains('-', StringComparison.Ordinal)) return word;
        if (!Tokenizer.IsReduplication(first, second)) return word;
        var firstStem = Stem(first);
        if (first.Equals(second, StringComparison.Ordinal) || second.StartsWith(first, StringComparison.Ordinal)) return firstStem;
        var secondStem = Stem(second);
        if (first.EndsWith(second, StringComparison.Ordinal))
        {
            // berlari-lari→lari through the first part; semata-mata→mata when the first part is itself a root.
            return firstStem.Length < first.Length ? firstStem : secondStem;
        }
        return first.EndsWith(secondStem, StringComparison.Ordinal) || secondStem == firstStem ? secondStem : firstStem;
    }

    private string? FindRoot(string word)
    {
        if (_roots!.Contains(word)) return word;
        var hunspell = HunspellRoot(word);
        if (hunspell is not null) return hunspell;
        return SearchRoot(word, string.Empty, depth: 0);
    }

    /// <summary>Hunspell's stem; when the affix flags allow several, the one confix search also reaches, else the shortest.</summary>
    private string? HunspellRoot(string word)
    {
        // Hunspell allocates heavily and walks its affix FSTs for every word; the pre-check is exact in one direction (it
        // never skips a word hunspell has a shorter stem for), so skipping gives the same stems.
        if (!MayHaveHunspellStem(word)) return null;
        if (_hunspellCache.TryGet(word, out var known)) return known;
        var root = HunspellRootOf(word);
        _hunspellCache.Add(word, root);
        return root;
    }

    private string? HunspellRootOf(string word)
    {
        var hunspell = _hunspell;
        if (hunspell is null || !ReferenceEquals(hunspell.Dictionary, _dictionary))
        {
            hunspell = new HunspellStemming(_dictionary!);
            _hunspell = hunspell;
        }
        var stems = hunspell.Stems(word);
        stems.RemoveAll(stem => stem.Length == 0 || stem.Length >= word.Length);
        if (stems.Count == 0) return null;
        if (stems.Count > 1)
        {
            // mengenalkan: the flags allow both kenal and nal.
            var searched = SearchRoot(word, string.Empty, depth: 0);
            if (searched is not null && stems.Contains(searched)) return searched;
        }
        return stems.MinBy(stem => stem.Length);
    }

    /// <summary>Confix stripping after Nazief and Adriani (1996) / Asian et al. (2005): one derivational suffix, up to three prefixes, roots checked in the dictionary.</summary>
    private string? SearchRoot(string word, string suffix, int depth)
    {
        if (depth > 0 && _roots!.Contains(word)) return word;
        if (depth == 0 && suffix.Length == 0)
        {
            foreach (var candidate in DerivationalSuffixes)
            {
                if (word.Length - candidate.Length < 3 || !word.EndsWith(candidate, StringComparison.Ordinal)) continue;
                var bare = word[..^candidate.Length];
                if (_roots!.Contains(bare)) return bare;
                var found = SearchRoot(bare, candidate, depth: 0);
                if (found is not null) return found;
            }
        }
        if (depth >= 3) return null;
        foreach (var (prefix, remainder) in PrefixVariants(word))
        {
            if (remainder.Length < 2 || (depth == 0 && IsForbiddenConfix(prefix, suffix))) continue;
            var found = SearchRoot(remainder, suffix, depth + 1);
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>Prefix/suffix pairs that do not co-occur in Indonesian (Nazief and Adriani): be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan, te-an.</summary>
    private static bool IsForbiddenConfix(string prefix, string suffix) => (prefix, suffix) switch
    {
        ("be", "i") or ("di", "an") or ("ke", "i") or ("ke", "kan") or ("me", "an") or ("se", "i") or ("se", "kan") or ("te", "an") => true,
        _ => false,
    };

    /// <summary>Ways to remove one prefix, with the initial letter that meN-/peN- assimilate restored (meN+tulis→menulis).</summary>
    private static IEnumerable<(string Prefix, string Remainder)> PrefixVariants(string word)
    {
        if (word.Length < 4) yield break;
        var two = word[..2];
        if (two is "di") yield return ("di", word[2..]);
        if (two is "ke") yield return ("ke", word[2..]);
        if (two is "se") yield return ("se", word[2..]);
        if (two is "ku") yield return ("ku", word[2..]);
        if (two is "be" or "te" or "pe")
        {
            var family = two is "pe" ? "pe" : two is "be" ? "be" : "te";
            if (word[2] == 'r')
            {
                yield return (family, word[3..]);
                yield return (family, word[2..]);
            }
            else if (word[2] == 'l' && family != "te" && word.AsSpan(3) is "ajar")
            {
                yield return (family, word[3..]);
            }
            if (family != "pe" && word[2] != 'r') yield return (family, word[2..]);
        }
        if (two is "me" or "pe")
        {
            var family = two is "pe" ? "pe" : "me";
            var third = word[2];
            var rest3 = word[3..];
            if (third == 'n' && word[3] == 'g')
            {
                var rest = word[4..];
                yield return (family, rest);
                if (rest.Length > 0 && IsVowel(rest[0])) yield return (family, "k" + rest);
                // menge- before a one-syllable root (mengebom→bom); tried last, as mengenal is k+enal.
                if (rest.StartsWith('e') && rest.Length >= 4) yield return (family, rest[1..]);
            }
            else if (third == 'n' && word[3] == 'y')
            {
                var rest = word[4..];
                yield return (family, "s" + rest);
                yield return (family, word[2..]);
            }
            else if (third == 'm')
            {
                if (rest3.Length > 0 && IsVowel(rest3[0])) yield return (family, "p" + rest3);
                yield return (family, word[2..]);
                if (rest3.Length > 0 && (rest3[0] is 'b' or 'f' or 'v' or 'p' || IsVowel(rest3[0]))) yield return (family, rest3);
            }
            else if (third == 'n')
            {
                if (rest3.Length > 0 && IsVowel(rest3[0])) yield return (family, "t" + rest3);
                yield return (family, word[2..]);
                if (rest3.Length > 0 && rest3[0] is 'c' or 'd' or 'j' or 'z' or 's' or 't') yield return (family, rest3);
            }
            else if (third is 'l' or 'r' or 'w' or 'y')
            {
                yield return (family, word[2..]);
            }
        }
    }

    /// <summary>The word without its particle, without its possessive, and without both (bukunyalah→bukunya, buku).</summary>
    private static IEnumerable<string> StripInflection(string word)
    {
        foreach (var particle in Particles)
        {
            if (word.Length - particle.Length < 3 || !word.EndsWith(particle, StringComparison.Ordinal)) continue;
            var bare = word[..^particle.Length];
            yield return bare;
            foreach (var possessive in Possessives)
            {
                if (bare.Length - possessive.Length >= 3 && bare.EndsWith(possessive, StringComparison.Ordinal))
                {
                    yield return bare[..^possessive.Length];
                }
            }
        }
        foreach (var possessive in Possessives)
        {
            if (word.Length - possessive.Length >= 3 && word.EndsWith(possessive, StringComparison.Ordinal))
            {
                yield return word[..^possessive.Length];
            }
        }
    }

    private static string StemByRules(string word)
    {
        var stem = IndonesianRuleStemmer.Stem(word);
        // The rules cut ordinary short roots (menteri→teri); a stem under three letters is more often wrong than right.
        return stem.Length < 3 ? word : stem;
    }

    private static HashSet<string> ReadRoots(string dictionaryText)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (var line in dictionaryText.AsSpan().EnumerateLines())
        {
            if (first)
            {
                first = false;
                continue;
            }
            var slash = line.IndexOf('/');
            var entry = (slash >= 0 ? line[..slash] : line).Trim();
            if (entry.Length == 0) continue;
            roots.Add(entry.ToString().ToLowerInvariant());
        }
        return roots;
    }

    /// <summary>
    /// False when hunspell has no stem of <paramref name="word"/> shorter than it: no dictionary root is reached from the
    /// word by up to <see cref="AffixSteps.MaxSteps"/> of the .aff's affix steps.
    /// </summary>
    /// <remarks>
    /// Lucene.Net's hunspell <c>Stemmer</c> (Lucene 4.10.4 level) returns only a dictionary entry that it reaches by
    /// removing a rule's added text from the start (prefix) or end (suffix) and adding the rule's strip text on that side,
    /// recursing at most to depth 2 (three steps: prefix, suffix, suffix; or three suffixes). Here every rule may follow
    /// any other, conditions, flags, cross products and circumfixes are ignored and roots are matched lower-cased: a
    /// superset of hunspell's candidates, so a word that reaches no root has no hunspell stem.
    /// </remarks>
    internal bool MayHaveHunspellStem(string word)
    {
        if (_steps is null) return false;
        // A very long word would need large stack buffers; hand it to hunspell (rare, and the answer is the same).
        if (word.Length > 64) return true;
        return Reaches(word, 0, word.Length);
    }

    private bool Reaches(ReadOnlySpan<char> candidate, int step, int wordLength)
    {
        var steps = _steps!;
        Span<char> buffer = stackalloc char[candidate.Length + steps.MaxStripLength];
        if (candidate.Length > 0)
        {
            foreach (var rule in steps.PrefixesStartingWith(candidate[0]))
            {
                if (!candidate.StartsWith(rule.Added, StringComparison.Ordinal)) continue;
                var rest = candidate[rule.Added.Length..];
                scoped ReadOnlySpan<char> next;
                if (rule.Stripped.Length == 0)
                {
                    next = rest;
                }
                else
                {
                    rule.Stripped.CopyTo(buffer);
                    rest.CopyTo(buffer[rule.Stripped.Length..]);
                    next = buffer[..(rule.Stripped.Length + rest.Length)];
                }
                if (Found(next, step, wordLength)) return true;
            }
            foreach (var rule in steps.SuffixesEndingWith(candidate[^1]))
            {
                if (!candidate.EndsWith(rule.Added, StringComparison.Ordinal)) continue;
                var rest = candidate[..^rule.Added.Length];
                scoped ReadOnlySpan<char> next;
                if (rule.Stripped.Length == 0)
                {
                    next = rest;
                }
                else
                {
                    rest.CopyTo(buffer);
                    rule.Stripped.CopyTo(buffer[rest.Length..]);
                    next = buffer[..(rest.Length + rule.Stripped.Length)];
                }
                if (Found(next, step, wordLength)) return true;
            }
        }
        // Rules that add nothing apply to any candidate: they only add their strip text.
        foreach (var rule in steps.EmptyPrefixes)
        {
            rule.Stripped.CopyTo(buffer);
            candidate.CopyTo(buffer[rule.Stripped.Length..]);
            if (Found(buffer[..(rule.Stripped.Length + candidate.Length)], step, wordLength)) return true;
        }
        foreach (var rule in steps.EmptySuffixes)
        {
            candidate.CopyTo(buffer);
            rule.Stripped.CopyTo(buffer[candidate.Length..]);
            if (Found(buffer[..(candidate.Length + rule.Stripped.Length)], step, wordLength)) return true;
        }
        return false;
    }

    private bool Found(ReadOnlySpan<char> next, int step, int wordLength)
    {
        if (next.Length < wordLength && next.Length > 0 && ContainsRoot(next)) return true;
        return step + 1 < AffixSteps.MaxSteps && Reaches(next, step + 1, wordLength);
    }

    private bool ContainsRoot(ReadOnlySpan<char> candidate)
    {
        if (!HasUpper(candidate)) return _rootLookup.Contains(candidate);
        // Roots are kept lower-cased; hunspell's own lookup is by exact case, so lower-casing only adds candidates.
        Span<char> lower = stackalloc char[candidate.Length];
        candidate.ToLowerInvariant(lower);
        return _rootLookup.Contains(lower);
    }

    private static bool HasUpper(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c)) return true;
        }
        return false;
    }

    /// <summary>Hunspell's stems of <paramref name="word"/> shorter than it, with no check first (for tests of <see cref="MayHaveHunspellStem"/>).</summary>
    internal List<string> HunspellStemsShorterThan(string word)
    {
        var stems = new HunspellStemming(_dictionary!).Stems(word);
        stems.RemoveAll(stem => stem.Length == 0 || stem.Length >= word.Length);
        return stems;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static bool IsAllLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) return false;
        }
        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    [GeneratedRegex(@"[ \t]+#.*$", RegexOptions.Multiline)]
    private static partial Regex InlineComment();

    [GeneratedRegex(@"^SET[ \t]+(\S+)", RegexOptions.Multiline)]
    private static partial Regex DeclaredEncoding();
}
