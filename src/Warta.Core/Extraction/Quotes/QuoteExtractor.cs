using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Extraction.Quotes;

/// <summary>Finds direct quotes (<c>“…,” kata X</c>) and reported speech (<c>X mengatakan, …</c>) in Indonesian text and attributes them to a speaker with a role.</summary>
/// <remarks>
/// A quote without a cue, or with a pronoun cue (<c>ujarnya</c>, <c>kata dia</c>), goes to the last named speaker before it.
/// A short speaker (<c>Melnichenko</c>) is resolved to the fullest name in the text containing it (<c>Oleg Melnichenko</c>).
/// The optional linker maps a resolved speaker name to an entity id; without one <see cref="Quote.SpeakerEntityId"/> stays null.
/// </remarks>
public sealed partial class QuoteExtractor
{
    private static readonly char[] QuoteMarks = ['“', '”', '"', '„', '«', '»'];
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "namun", "sementara", "menurut", "kemudian", "selain", "dalam", "di", "pada", "saat", "dengan", "sedangkan", "tetapi",
        "tapi", "adapun", "lebih", "kepada", "oleh", "bahkan", "sebelumnya", "selanjutnya", "meski", "meskipun", "jika", "kalau",
    };
    private static readonly HashSet<string> AppositiveOpeners = new(StringComparer.Ordinal) { "seorang", "salah", "mantan", "selaku", "sang", "a", "an", "the" };

    private static readonly HashSet<string> OrganisationMarkers = new(StringComparer.Ordinal) { "pt", "bank", "partai", "universitas", "kementerian", "badan", "lembaga", "komisi" };

    private readonly Func<string, string?>? _linkSpeaker;

    /// <summary>Creates an extractor; <paramref name="linkSpeaker"/> maps a speaker name to an entity id (or null) when given.</summary>
    public QuoteExtractor(Func<string, string?>? linkSpeaker = null) => _linkSpeaker = linkSpeaker;

    private enum Attribution
    {
        Named,
        /// <summary>An unnamed speaker known by a description (<c>seorang pejabat Rusia</c>), kept as the role.</summary>
        Described,
        Previous,
        Unknown,
    }

    /// <summary>A quote found, or (<c>MentionOnly</c>) a speaker named with a reporting verb whose words are not taken as a quote
    /// ("Lina Marlina menilai startup …"), who only becomes the speaker that a later <c>katanya</c> refers to.</summary>
    private sealed record Candidate(int Start, int Length, QuoteKind Kind, string Cue, Attribution Attribution, string? Name, string? Title,
        bool MentionOnly = false);

    /// <summary>Quotes in text order; offsets point at the quoted or reported words inside the text of <paramref name="layer"/>.</summary>
    public IReadOnlyList<Quote> Extract(TokenizedText layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var text = layer.Text;
        var tokens = TemporalTokens.Of(layer);
        var standalone = StandaloneNames(tokens);
        var candidates = new List<Candidate>();
        FindDirect(text, tokens, standalone, candidates);
        FindIndirect(text, tokens, standalone, candidates);
        candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
        var names = NameIndex(text, tokens, standalone);
        candidates.AddRange(FindSubjects(tokens, standalone, candidates, names));
        candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
        var quotes = new List<Quote>(candidates.Count);
        string? last = null;
        string? lastTitle = null;
        foreach (var c in candidates)
        {
            if (c.MentionOnly)
            {
                last = PersonName(Resolve(c.Name!, names));
                lastTitle = c.Title;
                continue;
            }
            string? speaker;
            string? title;
            switch (c.Attribution)
            {
                case Attribution.Named:
                    speaker = PersonName(Resolve(c.Name!, names));
                    title = c.Title ?? names.Entries.FirstOrDefault(n => n.Name == speaker && n.Title is not null).Title;
                    last = speaker;
                    lastTitle = title;
                    break;
                case Attribution.Described:
                    speaker = null;
                    title = c.Title;
                    last = null;
                    lastTitle = title;
                    break;
                case Attribution.Previous:
                    speaker = last;
                    title = lastTitle;
                    break;
                default:
                    speaker = null;
                    title = null;
                    break;
            }
            var role = speaker is null ? title : Appositive(text, tokens, speaker) ?? title;
            var entity = speaker is null ? null : _linkSpeaker?.Invoke(speaker);
            quotes.Add(new Quote(c.Start, c.Length, text.Substring(c.Start, c.Length), speaker, entity, role, c.Kind, c.Cue));
        }
        return quotes;
    }

    private static void FindDirect(string text, List<TemporalToken> tokens, HashSet<string> standalone, List<Candidate> found)
    {
        var paragraphStart = 0;
        while (paragraphStart < text.Length)
        {
            var paragraphEnd = text.IndexOf('\n', paragraphStart);
            if (paragraphEnd < 0) paragraphEnd = text.Length;
            var open = -1;
            for (var i = paragraphStart; i < paragraphEnd; i++)
            {
                if (Array.IndexOf(QuoteMarks, text[i]) < 0) continue;
                if (open < 0)
                {
                    open = i;
                    continue;
                }
                AddDirect(text, tokens, standalone, open, i, found);
                open = -1;
            }
            paragraphStart = paragraphEnd + 1;
        }
    }

    private static void AddDirect(string text, List<TemporalToken> tokens, HashSet<string> standalone, int open, int close, List<Candidate> found)
    {
        var start = open + 1;
        var end = close;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        if (end <= start) return;
        var words = text.AsSpan(start, end - start).Count(' ') + 1;

        var after = TokenAtOrAfter(tokens, close + 1);
        if (after < tokens.Count && tokens[after].Text == ",") after++;
        var post = PostCue(tokens, standalone, after);
        if (post is { } p)
        {
            found.Add(new Candidate(start, end - start, QuoteKind.Direct, p.Cue, p.Attribution, p.Name, p.Title));
            return;
        }
        var pre = PreCue(tokens, standalone, TokenAtOrAfter(tokens, open) - 1, char.IsLower(text[start]));
        if (pre is { } q)
        {
            found.Add(new Candidate(start, end - start, QuoteKind.Direct, q.Cue, q.Attribution, q.Name, q.Title));
            return;
        }
        // A short quoted phrase inside a sentence is a term or a scare quote, not speech.
        var before = open - 1;
        while (before >= 0 && text[before] == ' ') before--;
        var midSentence = before >= 0 && (char.IsLetterOrDigit(text[before]) || text[before] == ',');
        if (words < 4 && midSentence) return;
        if (midSentence && end < text.Length && close + 1 < text.Length && char.IsLetter(NextNonSpace(text, close + 1))) return;
        found.Add(new Candidate(start, end - start, QuoteKind.Direct, "", Attribution.Previous, null, null));
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length ? text[i] : '\0';
    }

    /// <summary><c>kata Oleg Melnichenko</c>, <c>ujarnya</c>, <c>kata dia</c>, <c>Ali menambahkan</c> after the closing mark.</summary>
    private static (string Cue, Attribution Attribution, string? Name, string? Title)? PostCue(List<TemporalToken> tokens, HashSet<string> standalone, int k)
    {
        if (k >= tokens.Count || !tokens[k].IsWord) return null;
        var word = tokens[k].Lower;
        if (QuoteLexicon.PostCues.Contains(word))
        {
            var cue = word.EndsWith("nya", StringComparison.Ordinal) && word.Length > 5 ? word[..^3] : word;
            if (!ReferenceEquals(cue, word)) return (cue, Attribution.Previous, null, null);
            if (k + 1 < tokens.Count && tokens[k + 1].IsWord && QuoteLexicon.Pronouns.Contains(tokens[k + 1].Lower)) return (cue, Attribution.Previous, null, null);
            if (Description(tokens, k + 1) is { } described) return (cue, Attribution.Described, null, described);
            if (LowerCaseTitled(tokens, k + 1) is { } titled) return (cue, Attribution.Named, titled.Name, titled.Title);
            var run = RunFrom(tokens, k + 1);
            if (run.Count > 0)
            {
                if (AppositiveName(tokens, run) is { } named) return (cue, Attribution.Named, named.Name, named.Title);
                var (title, name) = SplitTitle(tokens, standalone, run);
                return (cue, Attribution.Named, name, title);
            }
            return (cue, Attribution.Previous, null, null);
        }
        if (QuoteLexicon.Pronouns.Contains(word) && k + 1 < tokens.Count && QuoteLexicon.PreCues.Contains(tokens[k + 1].Lower))
        {
            return (tokens[k + 1].Lower, Attribution.Previous, null, null); // "…,” he said" / "…,” ia menambahkan"
        }
        if (tokens[k].IsCapitalised)
        {
            var run = RunFrom(tokens, k);
            var verb = run.Count > 0 ? run[^1] + 1 : -1;
            if (verb > 0 && verb < tokens.Count && QuoteLexicon.PreCues.Contains(tokens[verb].Lower))
            {
                if (run.Count == 1 && QuoteLexicon.Pronouns.Contains(tokens[k].Lower)) return (tokens[verb].Lower, Attribution.Previous, null, null);
                var (title, name) = SplitTitle(tokens, standalone, run);
                return (tokens[verb].Lower, Attribution.Named, name, title);
            }
        }
        return null;
    }

    /// <summary><c>X mengatakan, “…”</c>, <c>Menurut X, “…”</c>, <c>kata X: “…”</c> before the opening mark. In
    /// <c>X mengatakan Kim “akan segera berkunjung”</c> the quote goes on a clause whose subject is Kim, so X is the speaker.</summary>
    private static (string Cue, Attribution Attribution, string? Name, string? Title)? PreCue(List<TemporalToken> tokens, HashSet<string> standalone, int e,
        bool quoteContinuesClause)
    {
        if (e < 0) return null;
        if (tokens[e].Text is "," or ":") e--;
        if (e < 0 || !tokens[e].IsWord) return null;
        if (IsNameWord(tokens[e]))
        {
            var run = RunTo(tokens, e);
            var p = run.Count > 0 ? run[0] - 1 : -1;
            if (p >= 0 && tokens[p].IsWord && quoteContinuesClause && QuoteLexicon.PreCues.Contains(tokens[p].Lower))
            {
                return Subject(tokens, standalone, p) is { } v ? (tokens[p].Lower, v.Attribution, v.Name, v.Title) : (tokens[p].Lower, Attribution.Unknown, null, null);
            }
            if (p >= 0 && tokens[p].IsWord && (QuoteLexicon.PreCues.Contains(tokens[p].Lower) || QuoteLexicon.PostCues.Contains(tokens[p].Lower) || tokens[p].Is("menurut")))
            {
                var (title, name) = SplitTitle(tokens, standalone, run);
                return (tokens[p].Lower, Attribution.Named, name, title);
            }
            if (run.Count > 0 && tokens[run[0]].Is("menurut") && run.Count > 1)
            {
                var (title, name) = SplitTitle(tokens, standalone, run.Skip(1).ToList());
                return ("menurut", Attribution.Named, name, title);
            }
            return null;
        }
        if (QuoteLexicon.PreCues.Contains(tokens[e].Lower))
        {
            return Subject(tokens, standalone, e) is { } s ? (tokens[e].Lower, s.Attribution, s.Name, s.Title) : (tokens[e].Lower, Attribution.Unknown, null, null);
        }
        return null;
    }

    /// <summary><c>Kepala SD Inpres Waisala, Agustina Wattimena</c>: a title run, a comma and the name it introduces.</summary>
    private static (string Title, string Name)? AppositiveName(List<TemporalToken> tokens, List<int> run)
    {
        if (run.Count == 0 || !QuoteLexicon.TitleHeads.Contains(tokens[run[0]].Lower)) return null;
        var comma = run[^1] + 1;
        if (comma + 1 >= tokens.Count || tokens[comma].Text != ",") return null;
        var name = RunFrom(tokens, comma + 1);
        if (name.Count == 0 || name.Count > 4 || QuoteLexicon.TitleHeads.Contains(tokens[name[0]].Lower)) return null;
        return (Join(tokens, run), Join(tokens, name));
    }

    /// <summary><c>jaksa Ratna Kusumawardani</c>, <c>jaksa KPK Ratna Kusumawardani</c>: a lower-case title word at
    /// <paramref name="i"/>, maybe an acronym of the office, then the name.</summary>
    private static (string Title, string Name)? LowerCaseTitled(List<TemporalToken> tokens, int i)
    {
        if (i >= tokens.Count || !tokens[i].IsWord || tokens[i].IsCapitalised || !QuoteLexicon.TitleHeads.Contains(tokens[i].Lower)) return null;
        // "ketua majelis hakim Sutrisno Adi", "jaksa penuntut umum KPK Ratna …": the title may run over a few lower-case office words.
        var head = i;
        while (head + 1 < tokens.Count && head - i < 3 && tokens[head + 1].IsWord && !tokens[head + 1].IsCapitalised && IsOfficeWord(tokens[head + 1].Lower)) head++;
        var run = RunFrom(tokens, head + 1);
        var office = 0;
        while (office < run.Count - 2 && tokens[run[office]].Text.Length > 1 && tokens[run[office]].Text.All(char.IsUpper)) office++;
        if (run.Count - office is < 1 or > 4) return null;
        var title = string.Join(' ', Enumerable.Range(i, head - i + 1).Select(k => tokens[k].Text).Concat(run.Take(office).Select(k => tokens[k].Text)));
        return (title, string.Join(' ', run.Skip(office).Select(k => tokens[k].Text)));
    }

    /// <summary><c>ujar seorang analis data yang …</c>: an unnamed speaker described after the cue, up to a relative clause or punctuation.</summary>
    private static string? Description(List<TemporalToken> tokens, int i)
    {
        if (i >= tokens.Count || !tokens[i].IsWord || tokens[i].IsCapitalised || !(tokens[i].Is("seorang") || tokens[i].Is("salah"))) return null;
        var end = i + 1;
        while (end < tokens.Count && tokens[end].IsWord && !tokens[end].Is("yang") && end - i < 6) end++;
        if (end == i + 1 || (end < tokens.Count && tokens[end].IsWord && !tokens[end].Is("yang"))) return null;
        return string.Join(' ', Enumerable.Range(i, end - i).Select(k => tokens[k].Text));
    }

    private static bool IsOfficeWord(string lower) =>
        QuoteLexicon.TitleHeads.Contains(lower) || QuoteLexicon.OfficeWords.Contains(lower) || lower is "majelis" or "penuntut" or "penasihat" or "tim";

    private static string Join(List<TemporalToken> tokens, List<int> run) => string.Join(' ', run.Select(k => tokens[k].Text));

    /// <summary>The speaker before a reporting verb: a name run or a pronoun, or the head of the clause when the verb ends a
    /// relative clause (<c>Seorang pejabat Rusia yang … ke Korea Utara mengatakan</c>: the official spoke, not Korea Utara).</summary>
    private static (Attribution Attribution, string? Name, string? Title)? Subject(List<TemporalToken> tokens, HashSet<string> standalone, int verb)
    {
        var s = verb - 1;
        if (s > 0 && tokens[s].Text == "," && IsNameWord(tokens[s - 1]))
        {
            // "Kepala Bidang Pelayanan Kesehatan, Ruth Tanamal, mengatakan" or "Ruth Tanamal, Kepala Bidang …, mengatakan".
            var second = RunTo(tokens, s - 1);
            if (second.Count > 0 && second[0] >= 2 && tokens[second[0] - 1].Text == "," && IsNameWord(tokens[second[0] - 2]))
            {
                var first = RunTo(tokens, second[0] - 2);
                if (AppositiveName(tokens, first) is { } a && a.Name == Join(tokens, second)) return (Attribution.Named, a.Name, a.Title);
                if (first.Count > 0 && QuoteLexicon.TitleHeads.Contains(tokens[second[0]].Lower)) return (Attribution.Named, Join(tokens, first), Join(tokens, second));
                // "Pengamat ekonomi digital dari Universitas Nusa Bangsa, Lina Marlina, menilai": a role phrase opening the clause.
                var c = ClauseStart(tokens, second[0] - 2);
                if (QuoteLexicon.TitleHeads.Contains(tokens[c].Lower) && second[0] - 1 - c <= 10)
                {
                    return (Attribution.Named, Join(tokens, second), Join(tokens, [.. Enumerable.Range(c, second[0] - 1 - c)]));
                }
            }
            return null;
        }
        if (s < 0 || !tokens[s].IsWord) return null;
        if (QuoteLexicon.Pronouns.Contains(tokens[s].Lower)) return (Attribution.Previous, null, null);
        if (tokens[s].Is("yang")) return ClauseHead(tokens, standalone, s);
        if (!IsNameWord(tokens[s])) return null;
        var run = RunTo(tokens, s);
        if (run.Count == 0) return null;
        if (RelativePronounBefore(tokens, run[0]) is var relative and >= 0) return ClauseHead(tokens, standalone, relative);
        if (run[0] > 0 && tokens[run[0] - 1].IsWord && !tokens[run[0] - 1].IsCapitalised && QuoteLexicon.TitleHeads.Contains(tokens[run[0] - 1].Lower)
            && LowerCaseTitled(tokens, run[0] - 1) is { } titled)
        {
            return (Attribution.Named, titled.Name, titled.Title);
        }
        var (title, name) = SplitTitle(tokens, standalone, run);
        return (Attribution.Named, name, title);
    }

    /// <summary>The <c>yang</c> opening a relative clause that holds token <paramref name="i"/>, searched back to the clause start; -1 if none.</summary>
    private static int RelativePronounBefore(List<TemporalToken> tokens, int i)
    {
        for (var k = i - 1; k >= 0 && !IsClauseBoundary(tokens[k]); k--)
        {
            if (tokens[k].Is("yang")) return k;
        }
        return -1;
    }

    /// <summary>The first token of the clause holding token <paramref name="i"/>, past an opening connective (<c>Namun</c>).</summary>
    private static int ClauseStart(List<TemporalToken> tokens, int i)
    {
        var c = i;
        while (c > 0 && !IsClauseBoundary(tokens[c - 1])) c--;
        while (c < i && ClauseOpeners.Contains(tokens[c].Lower)) c++;
        return c;
    }

    private static bool IsClauseBoundary(TemporalToken t) =>
        !t.IsWord && (t.Text is "." or "!" or "?" or "," or ";" or ":" || Array.IndexOf(QuoteMarks, t.Text[0]) >= 0);

    /// <summary>The noun phrase opening the clause that <c>yang</c> at <paramref name="relative"/> modifies: a name
    /// (<c>Kantor Berita Pusat Korea yang …</c>) or a short description of an unnamed speaker (<c>Seorang pejabat Rusia yang …</c>).</summary>
    private static (Attribution Attribution, string? Name, string? Title)? ClauseHead(List<TemporalToken> tokens, HashSet<string> standalone, int relative)
    {
        var c = ClauseStart(tokens, relative);
        var head = tokens.FindIndex(c, relative - c + 1, t => t.Is("yang"));
        if (head <= c) return null;
        if (IsNameWord(tokens[c]) && !AppositiveOpeners.Contains(tokens[c].Lower) && RunFrom(tokens, c) is var run && run[^1] + 1 == head)
        {
            var (title, name) = SplitTitle(tokens, standalone, run);
            return (Attribution.Named, name, title);
        }
        // An unnamed speaker: a few words, none of them a pronoun or a quote ("Seorang pejabat Rusia", "Pejabat senior").
        if (head - c > 5 || Enumerable.Range(c, head - c).Any(k => !tokens[k].IsWord || QuoteLexicon.Pronouns.Contains(tokens[k].Lower))) return null;
        // A capital that only opens the sentence is dropped, as in a role after a name ("seorang senator …").
        var sentenceCapital = c + 1 < head && !tokens[c + 1].IsCapitalised;
        var words = Enumerable.Range(c, head - c).Select(k => k == c && sentenceCapital ? tokens[k].Lower : tokens[k].Text);
        return (Attribution.Described, null, string.Join(' ', words));
    }

    private static void FindIndirect(string text, List<TemporalToken> tokens, HashSet<string> standalone, List<Candidate> found)
    {
        var direct = found.ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsWord) continue;
            int contentToken;
            string cue;
            (Attribution Attribution, string? Name, string? Title)? speaker;
            if (t.Is("menurut"))
            {
                var run = RunFrom(tokens, i + 1);
                if (run.Count == 0 || run[^1] + 1 >= tokens.Count || tokens[run[^1] + 1].Text != ",") continue;
                cue = "menurut";
                // "Menurut Kepala Bidang Pelayanan Kesehatan, Ruth Tanamal, sebagian pengungsi …"
                var named = RunFrom(tokens, run[^1] + 2);
                if (AppositiveName(tokens, run) is { } a && named[^1] + 1 < tokens.Count && tokens[named[^1] + 1].Text == ",")
                {
                    speaker = (Attribution.Named, a.Name, a.Title);
                    contentToken = named[^1] + 2;
                }
                else
                {
                    var (title, name) = SplitTitle(tokens, standalone, run);
                    speaker = (Attribution.Named, name, title);
                    contentToken = run[^1] + 2;
                }
            }
            else if (QuoteLexicon.PreCues.Contains(t.Lower) && !t.IsCapitalised)
            {
                var next = i + 1;
                if (next >= tokens.Count) continue;
                if (tokens[next].Text == ",") next++;
                if (next < tokens.Count && (tokens[next].Is("bahwa") || tokens[next].Is("that"))) next++;
                else if (next == i + 1 && !(t.Is("menjelaskan") || t.Is("menegaskan") || t.Is("menyebutkan")))
                {
                    if (Subject(tokens, standalone, i) is { Attribution: Attribution.Named } mentioned)
                    {
                        found.Add(new Candidate(t.Start, 0, QuoteKind.Indirect, t.Lower, Attribution.Named, mentioned.Name, mentioned.Title, MentionOnly: true));
                    }
                    continue;
                }
                speaker = Subject(tokens, standalone, i);
                if (speaker is null) continue;
                contentToken = next;
                cue = t.Lower;
            }
            else
            {
                continue;
            }
            if (contentToken >= tokens.Count) continue;
            var start = tokens[contentToken].Start;
            if (Array.IndexOf(QuoteMarks, text[start]) >= 0) continue;
            var end = SentenceEnd(text, start);
            if (end - start < 10 || direct.Any(d => d.Start < end && start < d.Start + d.Length)) continue;
            var s = speaker.Value;
            found.Add(new Candidate(start, end - start, QuoteKind.Indirect, cue, s.Attribution, s.Name, s.Title));
        }
    }

    private static int SentenceEnd(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') return TrimEnd(text, start, i);
            if (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || Array.IndexOf(QuoteMarks, text[i + 1]) >= 0))
            {
                // "PT." or an initial ("Bambang PS.") is not a sentence end when a lower-case word follows.
                var n = NextNonSpace(text, i + 1);
                if (n == '\0' || !char.IsLower(n)) return TrimEnd(text, start, i);
            }
        }
        return TrimEnd(text, start, text.Length);
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    /// <summary>Indices of the capitalised words (a name, maybe with a title) starting at <paramref name="i"/>.</summary>
    private static List<int> RunFrom(List<TemporalToken> tokens, int i)
    {
        var run = new List<int>();
        for (var k = i; k < tokens.Count && IsNameWord(tokens[k]); k++) run.Add(k);
        return run;
    }

    /// <summary>Indices of the capitalised words ending at <paramref name="e"/>, without a sentence-opening connective.</summary>
    private static List<int> RunTo(List<TemporalToken> tokens, int e)
    {
        var first = e;
        while (first - 1 >= 0 && IsNameWord(tokens[first - 1])) first--;
        while (first <= e && ClauseOpeners.Contains(tokens[first].Lower)) first++;
        var run = new List<int>();
        for (var k = first; k <= e; k++) run.Add(k);
        return run;
    }

    /// <summary>An active verb (<c>menanggapi</c>, <c>mengatakan</c>) ends an appositive: the clause has moved on to its predicate.</summary>
    private static bool IsVerb(TemporalToken t) =>
        t.IsWord && !t.IsCapitalised && (QuoteLexicon.PreCues.Contains(t.Lower) || (t.Length >= 7 && t.Lower.StartsWith("me", StringComparison.Ordinal) && !QuoteLexicon.TitleHeads.Contains(t.Lower)));

    private static bool IsInitial(string word) => word.Length <= 3 && word.All(char.IsUpper);

    private static bool IsNameWord(TemporalToken t) =>
        t.IsCapitalised && !QuoteLexicon.Pronouns.Contains(t.Lower)
        && !TemporalLexicon.Weekdays.ContainsKey(t.Lower) && !TemporalLexicon.Months.ContainsKey(t.Lower);

    private static int TokenAtOrAfter(List<TemporalToken> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
