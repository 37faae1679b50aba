using System.Globalization;
using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Stories;

/// <summary>Finds the quantities a story's articles state differently: corrections by the outlet that gave a figure, and disagreements between outlets reporting at the same time.</summary>
/// <remarks>
/// Quantities compare when they count the same thing (<see cref="Quantity.Counts"/>, money apart from counts). Two values
/// agree when equal, or when one is approximate and within 10 % of the other (<c>sekitar 800</c> and 812). A value stated
/// as a change (<c>bertambah menjadi 10 orang</c>) or looking back (<c>sebelumnya … tujuh orang</c>) is an update of the story,
/// not a claim about the same moment, so it takes no part in a disagreement. A disagreement is two outlets stating different
/// values in reports published within <see cref="SameTimeHours"/> hours of each other, or an earlier value restated by another outlet after a different one was reported. A correction is a later report of the
/// same outlet with a correction word (<c>ralat</c>, <c>meralat</c>, <c>koreksi</c>) whose sentence, or the one next to it,
/// gives another value than the outlet's earlier report.
/// </remarks>
internal static class QuantityComparer
{
    public const double SameTimeHours = 72;

    /// <summary>The key of an event's date or time of day: compared without <see cref="SameTimeHours"/>, since when a past event happened does not change as a story goes on.</summary>
    public const string EventTime = "waktu";

    private static readonly string[] ChangeWords = ["menjadi", "bertambah", "berkurang", "naik", "turun", "sebelumnya", "awal", "ralat", "meralat", "diperbarui", "rose", "risen", "revised"];

    /// <summary>A plan, a target or a request is not a claim about what is (<c>diminta bersiap dievakuasi</c>, <c>menargetkan 15.000 penumpang</c>).</summary>
    private static readonly string[] PlanWords = ["akan", "diminta", "bersiap", "berencana", "direncanakan", "target", "menargetkan", "ditargetkan", "dijadwalkan", "berharap", "expected", "plans"];

    private static readonly string[] FutureWords = ["depan", "mendatang", "besok", "nanti", "next"];

    private static readonly string[] CorrectionWords = ["ralat", "meralat", "koreksi", "mengoreksi", "correction"];

    /// <summary>A count over a span (<c>sejak Sabtu</c>, <c>selama akhir pekan</c>, <c>per hari</c>) is another quantity than one without.</summary>
    private static readonly string[] PeriodWords = ["sejak", "selama", "since", "during"];

    /// <summary>What happened to the people a count of warga, orang or jiwa counts, one key per state.</summary>
    private static readonly Dictionary<string, string> PeopleStates = new(QuantityLexicon.PeopleStates, StringComparer.Ordinal)
    {
        // Beside a count of people these name its state too, though alone they count nothing.
        ["pengungsian"] = "pengungsi",
        ["evakuasi"] = "dievakuasi",
        ["mengevakuasi"] = "dievakuasi",
    };

    /// <summary>Counts keys that say only "people": their state is read from the clause.</summary>
    private static readonly HashSet<string> PeopleKeys = new(StringComparer.Ordinal) { "warga", "meninggal", "hilang", "luka", "pengungsi", "dievakuasi" };

    /// <summary>Words next to a count that say nothing of the event it counts.</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "yang", "antaranya", "lainnya", "dilaporkan", "sudah", "telah", "masih", "ikut", "hanya", "terpaksa", "tercatat", "juga", "sempat", "berjumlah",
        "jumlah", "sebanyak", "mencapai", "kini", "pun", "itu", "ini", "tersebut", "lagi", "baru", "sekitar", "sedikitnya", "setidaknya", "hampir",
        "lebih", "kurang", "mulai", "sejak", "pada", "pukul", "tanggal", "hari", "dini", "pagi", "siang", "sore", "malam", "lalu", "dunia",
    };

    /// <summary>Words after a count that open a phrase about something else (a place, a time, a cause).</summary>
    private static readonly HashSet<string> PhraseBreaks = new(StringComparer.Ordinal)
    {
        "di", "ke", "dari", "pada", "dengan", "untuk", "dalam", "oleh", "sejak", "selama", "akibat", "karena", "dan", "serta", "tetapi", "namun", "sementara", "in", "from", "at", "and",
    };

    private static readonly HashSet<string> CalendarWords = new(StringComparer.Ordinal)
    {
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
        "september", "oktober", "november", "desember", "pekan", "bulan", "tahun", "awal", "akhir", "pertengahan", "wib", "wita", "wit",
    };

    /// <summary>The quantities an article states (from its annotation, else extracted from its body tokens and sentences), with what
    /// they measure and the event they are of, and the dates and times of day of the events it reports.</summary>
    public static List<StoryArticleAnalysis.QuantityStatement> Statements(Article article, TokenizedText tokens, IReadOnlyList<BodySentence> sentences)
    {
        var statements = new List<StoryArticleAnalysis.QuantityStatement>();
        var quantities = article.Annotations.Quantities.Count > 0 ? article.Annotations.Quantities : QuantityExtractor.Extract(tokens, sentences, article.Language);
        foreach (var quantity in quantities)
        {
            if (quantity.Sentence < 0 || quantity.Sentence >= sentences.Count) continue;
            var span = sentences[quantity.Sentence];
            var sentence = tokens.Text.Substring(span.Start, span.Length).ToLowerInvariant();
            var first = TokenAt(tokens, span, quantity.Start);
            var end = TokenAt(tokens, span, quantity.Start + quantity.Length - 1) + 1;
            string key;
            string[] events = [];
            if (quantity.Unit is "Rp" or "USD")
            {
                if (quantity.Counts is null) continue;
                key = quantity.Unit + " " + quantity.Counts;
            }
            else if (quantity.Unit is "km/jam")
            {
                key = "kecepatan";
            }
            else if (quantity.Counts is null)
            {
                continue;
            }
            else if (PeopleKeys.Contains(quantity.Counts))
            {
                // A count of people with no state said (two residents named, an age) is not compared.
                if (PeopleState(tokens, span, first, end, quantity.Counts) is not { } state) continue;
                key = state;
            }
            else
            {
                key = quantity.Counts;
                events = EventWords(tokens, span, first, end);
            }
            var period = Remaining(tokens, span, first, end) ? "sisa" : PeriodWords.FirstOrDefault(w => HasWord(sentence, [w]));
            statements.Add(new StoryArticleAnalysis.QuantityStatement(quantity, key, HasWord(sentence, ChangeWords) || HasWord(sentence, PlanWords),
                HasWord(sentence, CorrectionWords))
            { Events = events, Period = period });
        }
        EventTimes(article, tokens, sentences, statements);
        return statements;
    }

    /// <summary>The dates and clock times the article gives past events, keyed <see cref="EventTime"/>, with the words of the clause before them
    /// (<c>Longsor terjadi pada Jumat (17/10/2025) dini hari</c>: longsor, jadi); a plan (a later date, <c>dijadwalkan</c>) and background are left out.</summary>
    private static void EventTimes(Article article, TokenizedText tokens, IReadOnlyList<BodySentence> sentences, List<StoryArticleAnalysis.QuantityStatement> statements)
    {
        if (article.Published is not { } published) return;
        foreach (var time in article.Annotations.Times)
        {
            if (time.Type is not (TimexType.Date or TimexType.Time) || time.Value is not { Length: >= 7 } value || StoryViewBuilder.TimexStart(value) is not { } at) continue;
            if (at > published.Value.DateTime || at < published.Value.DateTime.AddYears(-1)) continue;
            var index = SentenceSplitter.SentenceAt(sentences, time.Start);
            if (index < 0) continue;
            var span = sentences[index];
            var sentence = tokens.Text.Substring(span.Start, span.Length).ToLowerInvariant();
            // "hingga Selasa pekan depan": a date still ahead when it was written, whatever the tagger resolved it to.
            if (HasWord(sentence, PlanWords) || HasWord(sentence, FutureWords)) continue;
            var timeToken = TokenAt(tokens, span, time.Start);
            var words = new List<string>();
            for (var k = timeToken - 1; k >= span.FirstToken; k--)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && tokens.Surface(k) is "," or ";" or ":" or "—" or "–") break;
                if (tokens[k].Kind != TokenKind.Word) continue;
                var lower = tokens.Lower(k);
                // "terjadi" and "berlangsung" are stopwords of search, but say that the event took place then.
                if ((Stopwords.Contains("id", lower) && lower is not ("terjadi" or "berlangsung")) || Fillers.Contains(lower) || CalendarWords.Contains(lower)) continue;
                // A name (a place, a station) tells where, not what happened.
                if (k > span.FirstToken && char.IsUpper(tokens.Surface(k)[0])) continue;
                words.Add(SentenceTerms.Stem(lower));
            }
            if (words.Count < 2) continue;
            // A week or a season is too loose to dispute a date with.
            if (!decimal.TryParse(value[..Math.Min(10, value.Length)].Replace("-", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) continue;
            var quantity = new Quantity(index, time.Start, time.Length, time.Text, number, null, false, EventTime, null);
            statements.Add(new StoryArticleAnalysis.QuantityStatement(quantity, EventTime, false, HasWord(sentence, CorrectionWords))
            {
                Events = [.. words.Distinct(StringComparer.Ordinal)],
                When = value,
                // "Jumat (17/10/2025)", "pukul 21.30": written out, not a weekday or "malam ini" the tagger resolved against the report.
                Period = time.Text.Any(char.IsAsciiDigit) ? null : "relatif",
            });
        }
    }

    /// <summary>The state of the people a count counts: said right after it (<c>dua warga dilaporkan meninggal</c>), by its noun
    /// (<c>korban meninggal … 10 orang</c>), before it, or later in its sentence (<c>35 warga dari … dievakuasi</c>); null when none is said.</summary>
    private static string? PeopleState(TokenizedText tokens, BodySentence span, int first, int end, string counts)
    {
        // "sembilan jenazah sudah dievakuasi": the noun's own state first.
        if (counts != "warga") return counts;
        var sentenceEnd = span.FirstToken + span.TokenCount;
        for (var k = end; k < sentenceEnd && k < end + 4 && tokens[k].Kind != TokenKind.Punctuation; k++)
        {
            if (PeopleStates.TryGetValue(tokens.Lower(k), out var state)) return state;
        }
        for (var k = first - 1; k >= span.FirstToken; k--)
        {
            if (PeopleStates.TryGetValue(tokens.Lower(k), out var state)) return state;
        }
        for (var k = end; k < sentenceEnd; k++)
        {
            if (PeopleStates.TryGetValue(tokens.Lower(k), out var state)) return state;
        }
        return null;
    }

    /// <summary>"sekitar 300 pengungsi masih bertahan", "kini tersisa sekitar 300 jiwa": what is left, not how many there were.</summary>
    private static bool Remaining(TokenizedText tokens, BodySentence span, int first, int end)
    {
        var sentenceEnd = span.FirstToken + span.TokenCount;
        for (var k = end; k < sentenceEnd && k < end + 2; k++) if (tokens.Lower(k) is "masih" or "tersisa") return true;
        for (var k = first - 1; k >= span.FirstToken && k >= first - 2; k--) if (tokens.Lower(k) is "tersisa" or "sisa" or "tinggal") return true;
        return false;
    }

    /// <summary>What happened to the things counted: up to two content words after the count (<c>140 rumah rusak</c>, <c>23 di
    /// antaranya hanyut</c>), else the one before it (<c>merusak 140 rumah</c>), light-stemmed; empty when neither is said.</summary>
    private static string[] EventWords(TokenizedText tokens, BodySentence span, int first, int end)
    {
        var words = new List<string>(2);
        var sentenceEnd = span.FirstToken + span.TokenCount;
        for (var k = end; k < sentenceEnd && words.Count < 2; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) break;
            var lower = tokens.Lower(k);
            if (lower == "di" && k + 1 < sentenceEnd && tokens.Lower(k + 1) == "antaranya") continue;
            if (PhraseBreaks.Contains(lower)) break;
            if (Fillers.Contains(lower) || Stopwords.Contains("id", lower)) continue;
            words.Add(SentenceTerms.Stem(lower));
        }
        if (words.Count > 0) return [.. words];
        for (var k = first - 1; k >= span.FirstToken; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) break;
            var lower = tokens.Lower(k);
            if (Fillers.Contains(lower) || Stopwords.Contains("id", lower)) continue;
            return [SentenceTerms.Stem(lower)];
        }
        return [];
    }

    /// <summary>The index of the token holding char <paramref name="offset"/> (or the last one before it) in <paramref name="span"/>.</summary>
    private static int TokenAt(TokenizedText tokens, BodySentence span, int offset)
    {
        var at = span.FirstToken;
        for (var k = span.FirstToken; k < span.FirstToken + span.TokenCount && tokens[k].Start <= offset; k++) at = k;
        return at;
    }

    /// <summary>The disputed quantities of articles given in story order.</summary>
    public static List<QuantityDisagreement> Compare(IReadOnlyList<StoryArticleAnalysis> docs)
    {
        var claims = new List<Claim>();
        for (var order = 0; order < docs.Count; order++)
        {
            var article = docs[order];
            foreach (var statement in article.Quantities) claims.Add(new Claim(order, article, statement));
        }
        var found = new List<QuantityDisagreement>();
        foreach (var byKey in claims.GroupBy(static c => c.Key, StringComparer.Ordinal).OrderBy(static g => g.Min(static c => c.Order)))
        {
            var list = byKey.ToList();
            var timeless = byKey.Key == EventTime;
            Corrections(list, found);
            var disputed = new HashSet<Claim>();
            var current = list.Where(static c => !c.IsChange).ToList();
            for (var a = 0; a < current.Count; a++)
            {
                for (var b = a + 1; b < current.Count; b++)
                {
                    var (x, y) = (current[a], current[b]);
                    if (string.Equals(x.Article.Outlet, y.Article.Outlet, StringComparison.Ordinal) || !SameQuantity(x, y) || Agree(x, y)) continue;
                    if (!timeless && (x.Article.Published is not { } px || y.Article.Published is not { } py || Math.Abs((px.Value - py.Value).TotalHours) > SameTimeHours)) continue;
                    // The later value was reported as a change before it was restated ("menjadi tiga orang"): an update, not a dispute.
                    var (earlier, later) = x.Order <= y.Order ? (x, y) : (y, x);
                    if (list.Any(c => c.IsChange && c.Order > earlier.Order && c.Order <= later.Order && SameQuantity(c, later) && Agree(c, later))) continue;
                    disputed.Add(x);
                    disputed.Add(y);
                }
            }
            // A value restated by another outlet after a different one was reported is a conflict, not an update
            // (an old peak repeated in a recap after the count was reported to have risen).
            foreach (var older in current)
            {
                foreach (var newer in list.Where(n => n.Order > older.Order && SameQuantity(n, older) && !Agree(n, older)))
                {
                    var again = current.FirstOrDefault(c => c.Order > newer.Order && SameQuantity(c, older) && Agree(c, older)
                        && !string.Equals(c.Article.Outlet, newer.Article.Outlet, StringComparison.Ordinal));
                    if (again is null) continue;
                    disputed.Add(older);
                    disputed.Add(again);
                    disputed.Add(newer);
                }
            }
            if (disputed.Count == 0) continue;
            // Every current statement of a disputed value is shown with it, not only the pair that was compared.
            var values = Values(list.Where(c => (!c.IsChange || disputed.Contains(c)) && disputed.Any(d => SameQuantity(d, c) && Agree(d, c))));
            if (values.Count >= 2) found.Add(new QuantityDisagreement(byKey.Key, "disagreement", values));
        }
        return found;
    }

    private static void Corrections(List<Claim> list, List<QuantityDisagreement> found)
    {
        foreach (var later in list.Where(static c => c.InCorrection).Select(static c => c.Order).Distinct())
        {
            var revising = list.First(c => c.Order == later);
            foreach (var earlier in list.Where(c => c.Order < later && !c.IsChange && string.Equals(c.Article.Outlet, revising.Article.Outlet, StringComparison.Ordinal)))
            {
                // The new figure: stated in the correction sentence or next to it, and not the old one.
                var correctionSentences = list.Where(c => c.Order == later && c.InCorrection).Select(static c => c.Quantity.Sentence).ToHashSet();
                var replacement = list.FirstOrDefault(c => c.Order == later && SameQuantity(c, earlier) && !Agree(c, earlier)
                    && correctionSentences.Any(s => Math.Abs(s - c.Quantity.Sentence) <= 1));
                if (replacement is null) continue;
                found.Add(new QuantityDisagreement(earlier.Key, "correction", [.. Values([earlier]), .. Values([replacement])]));
                return;
            }
        }
    }

    private static List<QuantityClaim> Values(IEnumerable<Claim> claims)
    {
        var values = new List<(Claim First, List<Claim> All)>();
        foreach (var claim in claims.OrderBy(static c => c.Order))
        {
            var same = values.FindIndex(v => Agree(v.First, claim));
            if (same < 0) values.Add((claim, [claim]));
            else values[same].All.Add(claim);
        }
        return [.. values.Select(static v => new QuantityClaim(v.First.Quantity.Text, v.First.Quantity.Value,
            [.. v.All.Select(static c => c.Article).DistinctBy(static a => a.ArticleId)
                .Select(static a => new StoryCitation(a.ArticleId, a.Outlet, a.Published?.ToString()))]))];
    }

    /// <summary>Two statements measure the same thing: the same span or state (<see cref="StoryArticleAnalysis.QuantityStatement.Period"/>),
    /// and the same event: the words of one include the other's (<c>rusak</c> and <c>rusak berat</c>; none said matches any), or, for
    /// an event's date, two words and two thirds of the shorter clause shared.</summary>
    private static bool SameQuantity(Claim x, Claim y)
    {
        if (ReferenceEquals(x, y)) return true;
        var (a, b) = (x.Statement.Events, y.Statement.Events);
        if (x.Key == EventTime)
        {
            // One of the two dates written out; two words of the clauses before them shared, and two thirds of the shorter one.
            if (x.Statement.Period is not null && y.Statement.Period is not null) return false;
            var shared = a.Count(b.Contains);
            return shared >= 2 && 3 * shared >= 2 * Math.Min(a.Count, b.Count);
        }
        if (!string.Equals(x.Statement.Period, y.Statement.Period, StringComparison.Ordinal)) return false;
        if (a.Count == 0 || b.Count == 0) return true;
        return a.All(b.Contains) || b.All(a.Contains);
    }

    private static bool Agree(Claim x, Claim y)
    {
        if (x.Statement.When is { } wx && y.Statement.When is { } wy) return SameTime(wx, wy);
        var (p, q) = (x.Quantity, y.Quantity);
        if (p.Value == q.Value) return true;
        // "ratusan rumah" is a hundred or more, under a thousand: 140 houses say the same.
        if (Vague(p) is { } vp && q.Value >= vp && q.Value < vp * 10) return true;
        if (Vague(q) is { } vq && p.Value >= vq && p.Value < vq * 10) return true;
        if (!p.IsApproximate && !q.IsApproximate) return false;
        var larger = Math.Max(p.Value, q.Value);
        return larger > 0 && Math.Abs(p.Value - q.Value) / larger <= 0.1m;
    }

    /// <summary>The magnitude of a vague amount (<c>puluhan</c> 10, <c>ratusan</c> 100, <c>ribuan</c> 1,000), else null.</summary>
    private static decimal? Vague(Quantity quantity)
    {
        var text = quantity.Text.ToLowerInvariant();
        foreach (var (word, magnitude) in VagueWords) if (text.StartsWith(word, StringComparison.Ordinal)) return magnitude;
        return null;
    }

    private static readonly (string Word, decimal Magnitude)[] VagueWords =
        [("puluhan ribu", 10_000m), ("puluhan", 10m), ("ratusan", 100m), ("ribuan", 1_000m), ("jutaan", 1_000_000m), ("dozens", 12m), ("hundreds", 100m), ("thousands", 1_000m)];

    /// <summary>Two TIMEX3 values of one event agree when one lies within the other: a day within a month, a clock time within a part
    /// of the day (<c>2025-10-16T21:30</c> within <c>2025-10-16TNI</c>); two clock times within half an hour.</summary>
    private static bool SameTime(string x, string y)
    {
        var shorter = Math.Min(Math.Min(x.Length, y.Length), 10);
        if (!x.AsSpan(0, shorter).SequenceEqual(y.AsSpan(0, shorter))) return false;
        if (x.Length <= 10 || y.Length <= 10) return true;
        var (cx, cy) = (Clock(x), Clock(y));
        if (cx is { } a && cy is { } b) return Math.Abs(a - b) <= 30;
        var part = cx is null ? x[11..] : y[11..];
        var clock = cx ?? cy;
        if (clock is not { } minutes) return string.Equals(x[11..], y[11..], StringComparison.Ordinal);
        return part switch
        {
            "MO" => minutes is >= 4 * 60 and < 11 * 60,
            "MI" or "AF" => minutes is >= 11 * 60 and < 18 * 60,
            "EV" => minutes is >= 15 * 60 and < 19 * 60,
            "NI" => minutes >= 18 * 60,
            _ => true,
        };
    }

    /// <summary>Minutes after midnight of a TIMEX3 value with a clock time (<c>…T21:30</c>), else null.</summary>
    private static int? Clock(string value) =>
        value.Length >= 16 && value[10] == 'T' && int.TryParse(value.AsSpan(11, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(value.AsSpan(14, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? h * 60 + m : null;

    private static bool HasWord(string sentence, string[] words)
    {
        foreach (var word in words)
        {
            var at = sentence.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var startOk = at == 0 || !char.IsLetter(sentence[at - 1]);
                var endOk = at + word.Length >= sentence.Length || !char.IsLetter(sentence[at + word.Length]);
                if (startOk && endOk) return true;
                at = sentence.IndexOf(word, at + 1, StringComparison.Ordinal);
            }
        }
        return false;
    }

    private sealed record Claim(int Order, StoryArticleAnalysis Article, StoryArticleAnalysis.QuantityStatement Statement)
    {
        public Quantity Quantity => Statement.Quantity;

        public string Key => Statement.Key;

        public bool IsChange => Statement.IsChange;

        public bool InCorrection => Statement.InCorrection;
    }
}
