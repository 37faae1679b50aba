using Warta.Core.Extraction.Temporal;
using Warta.Core.Model;

namespace Warta.Core.Extraction.Quotes;

// This part: persons named as the subject of a sentence, whom a later katanya, ujarnya or ia refers to.
public sealed partial class QuoteExtractor
{
    /// <summary>Words that may open a predicate right after its subject besides verbs: aspect and focus words (<c>Dimas sendiri belum …</c>).</summary>
    private static readonly HashSet<string> PredicateOpeners = new(StringComparer.Ordinal)
    {
        "belum", "masih", "tidak", "tak", "juga", "hanya", "sudah", "telah", "akan", "tengah", "sedang", "pun", "sendiri", "lalu", "kemudian",
        "mengaku", "bilang", "is", "was", "has", "had",
    };

    /// <summary>
    /// Persons named as the subject of a sentence outside quotes, as mentions a later pronoun cue refers to: <c>Warga Desa Batu Hampar,
    /// Hamdani (52), berharap …</c>, <c>Di sisi lain, CEO Kalindra FC, Hadi Suryanto, memastikan …</c>, <c>Bambang membantah …</c>,
    /// <c>Ronald Pangemanan, who heads …, said …</c>.
    /// </summary>
    /// <remarks>A reader resolves <c>katanya</c> to the person the paragraph has just introduced as its subject, not to the last speaker
    /// the extractor attributed a quote to; a name inside the clause (an object, <c>oleh ketua majelis hakim Sutrisno Adi</c>) is not a
    /// subject. Only persons count: a name with a title or an appositive role, an age (<c>(52)</c>), an English <c>who</c>, or one the
    /// linker knows as a person; <c>Pemkab Lamaru menetapkan …</c> leaves the last speaker as it was.</remarks>
    private List<Candidate> FindSubjects(List<TemporalToken> tokens, HashSet<string> standalone, List<Candidate> quotes,
        Names names)
    {
        var subjects = new List<Candidate>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsNameWord(tokens[i])) continue;
            var run = RunFrom(tokens, i);
            i = run[^1];
            var opening = run[0] - 1;
            var atSentenceStart = opening < 0 || tokens[opening].Text is "." or "!" or "?" or ":";
            var afterComma = opening >= 0 && tokens[opening].Text == ",";
            // "Namun Hadi …": a connective opening the clause is not part of the name.
            while (run.Count > 0 && ClauseOpeners.Contains(tokens[run[0]].Lower)) run.RemoveAt(0);
            if (run.Count == 0 || (!atSentenceStart && !afterComma)) continue;
            var before = run[0] - 1;
            if (!atSentenceStart && !afterComma) continue;
            if (Predicate(tokens, run[^1] + 1) is not { } predicate) continue;
            var start = tokens[run[0]].Start;
            if (quotes.Any(q => !q.MentionOnly && q.Start <= start && start < q.Start + q.Length)) continue;
            var (title, name) = SplitTitle(tokens, standalone, run);
            var appositive = afterComma && before == opening && tokens[run[^1] + 1].Text is "," or "(" ? RoleBefore(tokens, before) : null;
            var person = title is not null || appositive is not null || predicate.Aged || predicate.Who
                || (_linkSpeaker is not null && _linkSpeaker(Resolve(name, names)) is not null);
            if (!person) continue;
            subjects.Add(new Candidate(start, 0, QuoteKind.Indirect, "", Attribution.Named, name, title ?? appositive, MentionOnly: true));
        }
        return subjects;
    }

    /// <summary>Where the predicate of a subject ending before <paramref name="k"/> opens, past an age (<c>(52)</c>), commas
    /// and an English relative clause; null when no verb-like word follows.</summary>
    private static (int Token, bool Aged, bool Who)? Predicate(List<TemporalToken> tokens, int k)
    {
        var aged = false;
        var who = false;
        if (k + 2 < tokens.Count && tokens[k].Text == "(" && tokens[k + 1].IsNumber && tokens[k + 2].Text == ")")
        {
            aged = true;
            k += 3;
        }
        if (k < tokens.Count && tokens[k].Text == ",")
        {
            k++;
            if (k < tokens.Count && tokens[k].Is("who"))
            {
                who = true;
                while (k < tokens.Count && tokens[k].Text is not ("," or "." or "\n")) k++;
                k++;
            }
        }
        if (k >= tokens.Count || !tokens[k].IsWord || tokens[k].IsCapitalised) return null;
        var w = tokens[k].Lower;
        var verbLike = QuoteLexicon.PreCues.Contains(w) || PredicateOpeners.Contains(w)
            || (w.Length >= 6 && (w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("ber", StringComparison.Ordinal)));
        return verbLike ? (k, aged, who) : null;
    }

    /// <summary>The fullest form of <paramref name="name"/> the linker knows as a person: <c>Sayurloka Kevin Hartono</c> (a name run
    /// that took in the company before it) becomes <c>Kevin Hartono</c> when only that is a person; as it is without a linker.</summary>
    private string PersonName(string name)
    {
        if (_linkSpeaker is null || _linkSpeaker(name) is not null) return name;
        var words = name.Split(' ');
        for (var k = 1; k <= words.Length - 2; k++)
        {
            var suffix = string.Join(' ', words.Skip(k));
            if (_linkSpeaker(suffix) is not null) return suffix;
        }
        return name;
    }

    /// <summary>The role before an appositive name (<c>Kepala Dinas Pertanian Enrekang</c>, <c>Salah satu mantan pekerja</c>) when the
    /// clause opens with it: the comma at <paramref name="comma"/> closes it.</summary>
    private static string? RoleBefore(List<TemporalToken> tokens, int comma)
    {
        if (comma <= 0 || comma > tokens.Count) return null;
        var c = ClauseStart(tokens, comma - 1);
        if (c < 0 || c >= comma || comma - c > 8) return null;
        for (var k = c; k < comma; k++)
        {
            if (!tokens[k].IsWord) return null;
        }
        // "Di sisi lain, CEO Kalindra FC, Hadi Suryanto": a connective phrase before the role ends at its own comma.
        if (c > 0 && tokens[c - 1].Text == "," && !QuoteLexicon.TitleHeads.Contains(tokens[c].Lower)) return null;
        return string.Join(' ', Enumerable.Range(c, comma - c).Select(k => tokens[k].Text));
    }
}
