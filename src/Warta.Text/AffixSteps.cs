namespace Warta.Text;

/// <summary>The affix steps of a hunspell .aff file: each removes a rule's added text from one end of a word and puts back the rule's strip text there.</summary>
/// <remarks>Conditions, flags and cross products are left out on purpose: the steps give a superset of hunspell's candidates.</remarks>
internal sealed class AffixSteps
{
    /// <summary>Lucene.Net's hunspell stemmer recurses to depth 2 at most (its FST readers are kept per level, three levels).</summary>
    public const int MaxSteps = 3;

    private static readonly AffixStep[] None = [];
    private readonly Dictionary<char, AffixStep[]> _prefixesByFirst;
    private readonly Dictionary<char, AffixStep[]> _suffixesByLast;

    private AffixSteps(List<AffixStep> prefixes, List<AffixStep> suffixes)
    {
        _prefixesByFirst = prefixes.Where(r => r.Added.Length > 0).GroupBy(r => r.Added[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _suffixesByLast = suffixes.Where(r => r.Added.Length > 0).GroupBy(r => r.Added[^1]).ToDictionary(g => g.Key, g => g.ToArray());
        // A rule that adds and strips nothing leaves a candidate as it is: no step.
        EmptyPrefixes = [.. prefixes.Where(r => r.Added.Length == 0 && r.Stripped.Length > 0)];
        EmptySuffixes = [.. suffixes.Where(r => r.Added.Length == 0 && r.Stripped.Length > 0)];
        MaxStripLength = prefixes.Concat(suffixes).Select(r => r.Stripped.Length).DefaultIfEmpty(0).Max();
        PrefixCount = prefixes.Count;
        SuffixCount = suffixes.Count;
    }

    /// <summary>Prefix rules that add nothing (they only put their strip text before a candidate).</summary>
    public AffixStep[] EmptyPrefixes { get; }

    /// <summary>Suffix rules that add nothing (they only put their strip text after a candidate).</summary>
    public AffixStep[] EmptySuffixes { get; }

    /// <summary>The longest strip text of any rule: a step lengthens a candidate by at most this.</summary>
    public int MaxStripLength { get; }

    /// <summary>Distinct prefix steps (strip, added).</summary>
    public int PrefixCount { get; }

    /// <summary>Distinct suffix steps (strip, added).</summary>
    public int SuffixCount { get; }

    /// <summary>Prefix rules whose added text begins with <paramref name="first"/>.</summary>
    public AffixStep[] PrefixesStartingWith(char first) => _prefixesByFirst.GetValueOrDefault(first, None);

    /// <summary>Suffix rules whose added text ends with <paramref name="last"/>.</summary>
    public AffixStep[] SuffixesEndingWith(char last) => _suffixesByLast.GetValueOrDefault(last, None);

    /// <summary>The distinct (strip, added) pairs of the .aff text's PFX and SFX rules (<c>PFX flag strip add[/flags] [condition]</c>; <c>0</c> is empty).</summary>
    public static AffixSteps Read(string affixText)
    {
        var prefixes = new HashSet<AffixStep>();
        var suffixes = new HashSet<AffixStep>();
        foreach (var line in affixText.AsSpan().EnumerateLines())
        {
            var fields = line.ToString().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            // The header of a rule set is PFX flag Y|N count; a rule has four fields or more (its condition may be left out).
            if (fields.Length < 4 || fields[0] is not ("PFX" or "SFX")) continue;
            if (fields[2] is "Y" or "N" && int.TryParse(fields[3], out _)) continue;
            var stripped = fields[2] == "0" ? string.Empty : fields[2];
            var slash = fields[3].IndexOf('/', StringComparison.Ordinal);
            var added = slash >= 0 ? fields[3][..slash] : fields[3];
            if (added == "0") added = string.Empty;
            (fields[0] == "PFX" ? prefixes : suffixes).Add(new AffixStep(stripped, added));
        }
        return new AffixSteps([.. prefixes], [.. suffixes]);
    }
}

/// <summary>One affix step: <see cref="Added"/> is taken off the word's end and <see cref="Stripped"/> put back there.</summary>
internal readonly record struct AffixStep(string Stripped, string Added);
