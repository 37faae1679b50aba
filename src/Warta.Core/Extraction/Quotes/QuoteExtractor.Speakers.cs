using Warta.Core.Extraction.Temporal;

namespace Warta.Core.Extraction.Quotes;

// This part: Resolving speakers: the names and titles a text gives, a short name resolved to the fullest one, and a speaker's appositive role.
public sealed partial class QuoteExtractor
{
    /// <summary>Splits <c>Menteri Keuangan Bambang PS Brodjonegoro</c> into the title and the name.</summary>
    private static (string? Title, string Name) SplitTitle(List<TemporalToken> tokens, HashSet<string> standalone, List<int> run)
    {
        var lastTitle = -1;
        if (QuoteLexicon.TitleHeads.Contains(tokens[run[0]].Lower))
        {
            lastTitle = 0;
            for (var k = 1; k < run.Count - 1; k++)
            {
                var w = tokens[run[k]].Lower;
                if (QuoteLexicon.TitleHeads.Contains(w) || QuoteLexicon.OfficeWords.Contains(w)) lastTitle = k;
                else break;
            }
            if (lastTitle == run.Count - 1) lastTitle = run.Count - 2;
            // An organisation may follow the office ("Wakil Presiden PT Pertamina Ali Mundakir"): the name starts at the first
            // word the text also uses alone ("kata Ali"), else after the organisation marker's name, else at most three words from the end.
            if (lastTitle + 1 < run.Count - 1 && OrganisationMarkers.Contains(tokens[run[lastTitle]].Lower)) lastTitle++;
            var evidence = -1;
            for (var k = lastTitle + 1; k < run.Count - 1; k++)
            {
                var word = tokens[run[k]].Text;
                if (standalone.Contains(word) && !(word.Length > 1 && word.All(char.IsUpper))) evidence = k;
            }
            if (evidence >= 0) lastTitle = evidence - 1;
            // Without that evidence a long remainder keeps two name words, three when the middle one is an initial ("Bambang PS Brodjonegoro").
            else if (run.Count - (lastTitle + 1) > 2)
            {
                lastTitle = IsInitial(tokens[run[^2]].Text) ? run.Count - 4 : run.Count - 3;
            }
        }
        var name = string.Join(' ', run.Skip(lastTitle + 1).Select(k => tokens[k].Text));
        var title = lastTitle < 0 ? null : string.Join(' ', run.Take(lastTitle + 1).Select(k => tokens[k].Text));
        return (title, name);
    }

    /// <summary>Capitalised words the text uses as a one-word name (<c>kata Ali.</c>): evidence of where a name starts.</summary>
    private static HashSet<string> StandaloneNames(List<TemporalToken> tokens)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!IsNameWord(tokens[i]) || IsNameWord(tokens[i - 1]) || !tokens[i - 1].IsWord) continue;
            if (i + 1 < tokens.Count && IsNameWord(tokens[i + 1])) continue;
            names.Add(tokens[i].Text);
        }
        return names;
    }

    /// <summary>The names (with titles) a text gives, in text order, and each one's form for <see cref="Resolve"/> made once:
    /// resolving every quote's speaker against every name made these strings again per pair, half of quote finding's garbage.</summary>
    private sealed class Names(List<(string Name, string? Title)> entries)
    {
        public List<(string Name, string? Title)> Entries { get; } = entries;

        private (string Name, string Padded)?[]? _resolvable;

        /// <summary>Per entry, in order: the name without leading office acronyms, and it padded with spaces; null when it has more
        /// than four words (never a resolution). Made on first use: a text without quotes never resolves a name.</summary>
        public (string Name, string Padded)?[] Resolvable => _resolvable ??= [.. Entries.Select(static e =>
        {
            var candidate = WithoutLeadingAcronyms(e.Name);
            return candidate.Split(' ').Length <= 4 ? (candidate, " " + candidate + " ") : ((string, string)?)null;
        })];
    }

    private static Names NameIndex(string text, List<TemporalToken> tokens, HashSet<string> standalone)
    {
        var names = new List<(string Name, string? Title)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsNameWord(tokens[i])) continue;
            var run = RunTo(tokens, RunFrom(tokens, i)[^1]);
            if (run.Count > 0)
            {
                var (title, name) = SplitTitle(tokens, standalone, run);
                names.Add((name, title ?? BracketedTitle(text, tokens, run[0] - 1)));
            }
            i = Math.Max(i, run.Count > 0 ? run[^1] : i);
        }
        return new Names(names);
    }

    /// <summary><c>Wakil Presiden Komunikasi Korporat PT Pertamina (Persero) Ali Mundakir</c>: a title run closed by a bracket before the name.</summary>
    private static string? BracketedTitle(string text, List<TemporalToken> tokens, int close)
    {
        if (close < 1 || tokens[close].Text != ")") return null;
        var open = close - 1;
        while (open > 0 && close - open < 6 && tokens[open].Text != "(") open--;
        if (open < 1 || tokens[open].Text != "(" || !IsNameWord(tokens[open - 1])) return null;
        var head = RunTo(tokens, open - 1);
        return head.Count > 0 && QuoteLexicon.TitleHeads.Contains(tokens[head[0]].Lower) ? text[tokens[head[0]].Start..tokens[close].End] : null;
    }

    /// <summary>The longest name in the text that contains <paramref name="name"/> as whole words.</summary>
    private static string Resolve(string name, Names names)
    {
        var best = name;
        var padded = " " + name + " ";
        foreach (var resolvable in names.Resolvable)
        {
            if (resolvable is not { } candidate) continue;
            if (candidate.Name.Length > best.Length && candidate.Padded.Contains(padded, StringComparison.Ordinal)) best = candidate.Name;
        }
        return best;
    }

    /// <summary><c>KPK Ratna Kusumawardani</c> (from <c>jaksa KPK Ratna Kusumawardani</c>) → <c>Ratna Kusumawardani</c>: an office
    /// acronym before a name of two or more words is not part of it.</summary>
    private static string WithoutLeadingAcronyms(string name)
    {
        var words = name.Split(' ');
        var k = 0;
        while (k < words.Length - 2 && words[k].Length > 1 && words[k].All(char.IsUpper)) k++;
        return k == 0 ? name : string.Join(' ', words.Skip(k));
    }

    /// <summary><c>Melnichenko, seorang senator dari wilayah Penza Rusia yang …</c>: the role phrase after a comma following any form of the name.</summary>
    private static string? Appositive(string text, List<TemporalToken> tokens, string speaker)
    {
        var parts = speaker.Split(' ');
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            // The comma first: it rules out most tokens at once, and every test here is pure, so the order changes nothing else.
            if (tokens[i + 1].Text != "," || !tokens[i].IsCapitalised || Array.IndexOf(parts, tokens[i].Text) < 0 || IsNameWord(tokens[i + 1])) continue;
            var first = tokens[i + 2];
            if (!first.IsWord || !(AppositiveOpeners.Contains(first.Lower) || (!first.IsCapitalised && QuoteLexicon.TitleHeads.Contains(first.Lower)))) continue;
            var end = i + 2;
            while (end + 1 < tokens.Count && !tokens[end + 1].Is("yang") && !IsVerb(tokens[end + 1]) && tokens[end + 1].Text is not ("," or "." or ";" or ":" or "(")
                && text.IndexOf('\n', tokens[end].End, tokens[end + 1].Start - tokens[end].End) < 0)
            {
                end++;
            }
            return text[first.Start..tokens[end].End];
        }
        return null;
    }
}
