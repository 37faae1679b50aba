using System.Globalization;
using Warta.Core.Extraction.Quantities;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Text;

namespace Warta.Core.Stories;

/// <summary>Builds what a story says (<see cref="StoryView"/>) from its articles: brief, timeline, disputed quantities and first tellings; pure, on the articles' one token layer.</summary>
/// <remarks>
/// Sentences of all articles are grouped once: a sentence joins the group of an earlier one when their light-stemmed content
/// words overlap with a Dice coefficient of at least <see cref="SameSentenceDice"/> (a near-copy's sentence, a wire sentence
/// re-run with a new dateline). Every later part reads those groups, so the brief, the timeline and what's new cite the same
/// articles for the same sentence. An article also cites a sentence it does not copy when one of its sentences contains at least
/// <see cref="CitationContainment"/> of the shorter one's content words (and four of them): "Kim akan segera berkunjung ke
/// Rusia" is stated by "Kim Jong-un akan mengunjungi Rusia untuk pertemuan dengan Presiden Vladimir Putin".
/// </remarks>
public sealed class StoryViewBuilder
{
    /// <summary>Two sentences at or above this Dice overlap of content terms say the same thing.</summary>
    public const double SameSentenceDice = 0.7;

    /// <summary>An article states a sentence when one of its sentences holds this share of the shorter one's content terms.</summary>
    public const double CitationContainment = 0.6;

    /// <summary>Brief length for a story of several articles.</summary>
    public int BriefSentences { get; init; } = 5;

    /// <summary>Word budget of the brief.</summary>
    public int BriefWords { get; init; } = 120;

    /// <summary>Brief length for a single-article story.</summary>
    public int SingleArticleSentences { get; init; } = 2;

    /// <summary>Articles a view is built from at most: the earliest and the latest half of this many.</summary>
    /// <remarks>Grouping and citing compare every sentence with every article, so a view of a story of thousands of
    /// reports, rebuilt after each commit, made an ingest of 20,000 pages crawl (1,071 placed in 17 minutes). A long
    /// story's brief, timeline and disagreements come from how it began and how it stands now.</remarks>
    public const int MaxArticles = 120;

    /// <summary>The view of story <paramref name="storyId"/> made of <paramref name="articles"/> (copies included), reflecting change <paramref name="sequence"/>.</summary>
    public StoryView Build(string storyId, IReadOnlyList<Article> articles, long sequence)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(articles);
        var ordered = articles
            .OrderBy(static a => a.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(static a => a.Id, StringComparer.Ordinal)
            .ToList();
        return Build(storyId, [.. ordered.Select(static a => new StoryMember(a.Id, a.Language))], ordered, sequence);
    }

    /// <summary>
    /// The ids of the articles a view is built from, of a story's <paramref name="members"/> in publication order: all of
    /// them, or the earliest and the latest half of <see cref="MaxArticles"/>.
    /// </summary>
    public static IReadOnlyList<string> SampleIds(IReadOnlyList<StoryMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var ids = members.Select(static m => m.ArticleId);
        return members.Count <= MaxArticles ? [.. ids] : [.. ids.Take(MaxArticles / 2), .. ids.Skip(members.Count - (MaxArticles / 2))];
    }

    /// <summary>
    /// The view of story <paramref name="storyId"/> whose articles are <paramref name="members"/> (in publication order, then
    /// id, copies included), built from <paramref name="sample"/>: the articles <see cref="SampleIds"/> names (others are ignored).
    /// </summary>
    /// <remarks>Lets a caller read at most <see cref="MaxArticles"/> articles of a story of thousands.</remarks>
    public StoryView Build(string storyId, IReadOnlyList<StoryMember> members, IReadOnlyList<Article> sample, long sequence)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return Build(storyId, members, [.. sample.Select(Analyze)], sequence);
    }

    /// <summary>
    /// The view of story <paramref name="storyId"/> whose articles are <paramref name="members"/>, built from the analyses
    /// (<see cref="Analyze"/>) of the articles <see cref="SampleIds"/> names (others are ignored): the same view as built from
    /// the articles themselves.
    /// </summary>
    public StoryView Build(string storyId, IReadOnlyList<StoryMember> members, IReadOnlyList<StoryArticleAnalysis> sample, long sequence)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(sample);
        var language = members.Count == 0 ? "id" : members.GroupBy(static m => m.Language, StringComparer.Ordinal)
            .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal).First().Key;
        var byId = new Dictionary<string, StoryArticleAnalysis>(StringComparer.Ordinal);
        foreach (var analysis in sample) byId.TryAdd(analysis.ArticleId, analysis);
        var sampled = SampleIds(members).Select(id => byId.GetValueOrDefault(id)).OfType<StoryArticleAnalysis>().ToList();
        var docs = new List<Document>(sampled.Count);
        var sentenceCount = 0;
        foreach (var analysis in sampled)
        {
            docs.Add(Document.Of(analysis, docs.Count, sentenceCount));
            sentenceCount += analysis.Sentences.Count;
        }
        var groups = Group(docs);
        var brief = Brief(docs, groups, language, new StatingIndex(docs, sentenceCount, CommonTerms(docs)));
        var timeline = Timeline(docs, groups, language);
        var disagreements = QuantityComparer.Compare(sampled);
        var tellings = groups
            .Where(static g => g.First.Terms.Count >= 3)
            .OrderBy(static g => g.First.Doc.Order).ThenBy(static g => g.First.Index)
            .Select(g => new StoryTelling(g.First.Text, g.First.Doc.Article.ArticleId, g.First.Doc.Order, g.First.Doc.Article.Published?.Value, Cite(g.Docs)))
            .ToList();
        return new StoryView(storyId, sequence, language, brief, timeline, disagreements, [.. members.Select(static m => m.ArticleId)], tellings);
    }

    /// <summary>What a view needs of <paramref name="article"/>, whatever story it is in: its sentences (tokenised, split, their terms and event times) and the quantities it states.</summary>
    public static StoryArticleAnalysis Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var tokens = ArticleTokens.Of(article).Body;
        var spans = SentenceSplitter.Split(tokens);
        var times = EventTimes(article, tokens, spans);
        var sentences = new List<StoryArticleAnalysis.AnalyzedSentence>(spans.Count);
        foreach (var span in spans)
        {
            var end = span.FirstToken + span.TokenCount;
            var text = WithoutDateline(tokens.Text, span);
            sentences.Add(new StoryArticleAnalysis.AnalyzedSentence(span.Index, text, SentenceTerms.Of(tokens, span.FirstToken, end, article.Language),
                SentenceTerms.Words(tokens, span.FirstToken, end), times[span.Index], IsQuoted(text), text.EndsWith('?'), text.AsSpan().IndexOfAny("\"“”") >= 0));
        }
        return new StoryArticleAnalysis(article.Id, article.Outlet, article.Language, article.Published, sentences, QuantityComparer.Statements(article, tokens, spans));
    }

    private static List<SentenceGroup> Group(List<Document> docs)
    {
        var groups = new List<SentenceGroup>();
        var byTerm = new Dictionary<string, List<SentenceGroup>>(StringComparer.Ordinal);
        var overlap = new Dictionary<SentenceGroup, int>();
        foreach (var doc in docs)
        {
            foreach (var sentence in doc.Sentences)
            {
                if (sentence.Terms.Count == 0) continue;
                overlap.Clear();
                foreach (var term in sentence.Terms)
                {
                    if (!byTerm.TryGetValue(term, out var holders)) continue;
                    foreach (var holder in holders) overlap[holder] = overlap.GetValueOrDefault(holder) + 1;
                }
                SentenceGroup? best = null;
                var bestDice = SameSentenceDice;
                foreach (var (group, shared) in overlap)
                {
                    var dice = 2.0 * shared / (group.First.Terms.Count + sentence.Terms.Count);
                    if (dice >= bestDice && !group.Docs.Contains(doc)) { best = group; bestDice = dice; }
                }
                if (best is null)
                {
                    best = new SentenceGroup(sentence);
                    groups.Add(best);
                    foreach (var term in sentence.Terms)
                    {
                        if (!byTerm.TryGetValue(term, out var holders)) byTerm[term] = holders = [];
                        holders.Add(best);
                    }
                }
                best.Add(sentence);
                sentence.Group = best;
            }
        }
        return groups;
    }

    private List<BriefSentence> Brief(List<Document> docs, List<SentenceGroup> groups, string language, StatingIndex index)
    {
        if (docs.Count == 0) return [];
        // A near-copy tells almost nothing first; a story of one report and its copies gets the single-article budget.
        var originals = docs.Count(static d => d.Sentences.Count(s => s.Group is not null && ReferenceEquals(s.Group.First, s)) * 2 >= d.Sentences.Count(static s => s.Group is not null));
        var limit = originals <= 1 ? SingleArticleSentences : BriefSentences;
        var first = docs[0].Article.Published?.Value;
        var last = docs.LastOrDefault(static d => d.Article.Published is not null)?.Article.Published?.Value;
        var span = first is { } f && last is { } l ? Math.Max(1, (l - f).TotalHours) : 1;
        var candidates = new List<(Sentence Sentence, double Score)>();
        foreach (var group in groups)
        {
            var sentence = Representative(group, language);
            // A sentence in or opening a quotation is split from its attribution; the brief keeps to reported sentences.
            if (sentence is null || sentence.Index > 3 || sentence.Words < 6 || sentence.Words > 50 || sentence.IsQuestion || sentence.HasQuoteMark) continue;
            var position = sentence.Index switch { 0 => 1.0, 1 => 0.6, 2 => 0.35, _ => 0.2 };
            // A sentence more articles state is more central to the story; of two, the one saying more is preferred.
            candidates.Add((sentence, position + 0.15 * (Stating(sentence, docs, index).Count - 1) + 0.01 * Math.Min(sentence.Terms.Count, 20)));
        }
        var chosen = new List<Sentence>();
        var words = 0;
        while (chosen.Count < limit && candidates.Count > 0)
        {
            Sentence? pick = null;
            var pickScore = double.MinValue;
            foreach (var (sentence, score) in candidates)
            {
                if (chosen.Any(c => SentenceTerms.Dice(c.Terms, sentence.Terms) >= 0.35)) continue;
                if (chosen.Count > 0 && words + sentence.Words > BriefWords) continue;
                var covered = chosen.Any(c => c.Group!.Docs.Contains(sentence.Doc) || sentence.Group!.Docs.Contains(c.Doc));
                var spread = 1.0;
                if (chosen.Count > 0 && sentence.Doc.Article.Published is { } at)
                {
                    spread = chosen.Min(c => c.Doc.Article.Published is { } other ? Math.Abs((at.Value - other.Value).TotalHours) : span) / span;
                }
                var value = score + 0.4 * spread - (covered ? 0.8 : 0);
                if (value > pickScore) { pick = sentence; pickScore = value; }
            }
            if (pick is null) break;
            chosen.Add(pick);
            words += pick.Words;
            candidates.RemoveAll(c => ReferenceEquals(c.Sentence, pick));
        }
        return [.. chosen
            .OrderBy(static s => s.Group!.First.Doc.Order).ThenBy(static s => s.Index)
            .Select(s => new BriefSentence(s.Text, s.Doc.Article.ArticleId, Cite(Stating(s, docs, index))))];
    }

    private static List<TimelineEvent> Timeline(List<Document> docs, List<SentenceGroup> groups, string language)
    {
        var events = new List<(DateTime Key, int Order, int Index, TimelineEvent Event)>();
        foreach (var group in groups)
        {
            var sentence = Representative(group, language) ?? group.First;
            if (sentence.Words < 5 || sentence.IsQuote) continue;
            var dated = group.Members.Select(static m => (m, Time: m.EventTime)).FirstOrDefault(static p => p.Time is not null);
            if (dated.Time is null && group.First.Index != 0) continue;
            string when;
            string? whenText = null;
            if (dated.Time is { } time)
            {
                when = time.Value!;
                whenText = time.Text;
            }
            else if (group.First.Doc.Article.Published is { } published)
            {
                when = published.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else continue;
            if (TimexStart(when) is not { } key) continue;
            var first = group.First.Doc.Article;
            events.Add((key, group.First.Doc.Order, group.First.Index,
                new TimelineEvent(when, whenText, sentence.Text, first.ArticleId, first.Outlet, Cite(group.Docs))));
        }
        return [.. events.OrderBy(static e => e.Key).ThenBy(static e => e.Order).ThenBy(static e => e.Index).Select(static e => e.Event)];
    }

    /// <summary>The first instant a TIMEX3 date value covers (<c>2019-04-23T20:00</c>, <c>2019-04</c>, <c>2019-W17</c>); null for other values.</summary>
    internal static DateTime? TimexStart(string value)
    {
        if (value.Length >= 10 && DateTime.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (value.Length >= 16 && value[10] == 'T' && TimeSpan.TryParseExact(value[11..16], @"hh\:mm", CultureInfo.InvariantCulture, out var clock)) return day + clock;
            return day;
        }
        if (value.Length >= 8 && value[4] == '-' && value[5] == 'W' && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var isoYear)
            && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 53)
        {
            return ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday);
        }
        if (value.Length >= 7 && DateTime.TryParseExact(value[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        return null;
    }

    /// <summary>The group's sentence in the story's language from the earliest article in it; null when no article in that language says it.</summary>
    private static Sentence? Representative(SentenceGroup group, string language) =>
        group.Members.FirstOrDefault(m => string.Equals(m.Doc.Article.Language, language, StringComparison.Ordinal));

    /// <summary>The articles stating <paramref name="sentence"/>: those in its group and those with a sentence containing most of it.</summary>
    /// <param name="sentence">The sentence to cite.</param>
    /// <param name="docs">The story's articles.</param>
    /// <param name="index">The story's sentences by term, and the words most of its articles use (the place, the disaster): they say nothing about which article states what.</param>
    private static List<Document> Stating(Sentence sentence, List<Document> docs, StatingIndex index)
    {
        var own = sentence.Terms.Where(t => !index.Common.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var sharedBySentence = index.Shared(own);
        var stating = new List<Document>(sentence.Group!.Docs);
        foreach (var doc in docs)
        {
            // Only an article in the sentence's language is cited for it: a translation is checked by nobody here.
            if (stating.Contains(doc) || !string.Equals(doc.Article.Language, sentence.Doc.Article.Language, StringComparison.Ordinal)) continue;
            foreach (var other in doc.Sentences)
            {
                var shared = sharedBySentence[other.Id];
                if (shared < 4) continue;
                var smaller = Math.Min(own.Count, index.UncommonTerms[other.Id]);
                // Most of the shorter sentence, and a good part of the brief's own: a side remark restating one figure is not a citation.
                if (smaller > 0 && (double)shared / smaller >= CitationContainment && shared * 5 >= own.Count * 2
                    && !NumbersConflict(sentence.Terms, other.Terms) && !NegationConflicts(sentence.Text, other.Text))
                {
                    stating.Add(doc);
                    break;
                }
            }
        }
        return stating;
    }

    /// <summary>Each sentence has a number the other lacks (<c>sembilan tahun</c> against <c>tujuh tahun</c>): they tell different facts.</summary>
    private static bool NumbersConflict(HashSet<string> a, HashSet<string> b) =>
        a.Any(t => IsNumber(t) && !b.Contains(t)) && b.Any(t => IsNumber(t) && !a.Contains(t));

    /// <summary>One sentence denies what the other's words state: "memprotes perlintasan sebidang tanpa palang pintu" against "palang
    /// pintu … di tiga perlintasan sebidang … sudah berfungsi" share the place and the thing, and say opposite facts of it.</summary>
    private static bool NegationConflicts(string a, string b) => Negated(a) != Negated(b);

    private static bool Negated(string text)
    {
        foreach (var word in Negators)
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsLetter(text[at - 1])) && (end >= text.Length || !char.IsLetter(text[end]))) return true;
            }
        }
        return false;
    }

    private static readonly string[] Negators = ["tidak", "tak", "belum", "bukan", "tanpa", "tiada", "not", "no", "without", "never"];

    private static bool IsNumber(string term) =>
        char.IsAsciiDigit(term[0]) || term is "satu" or "dua" or "tiga" or "empat" or "lima" or "enam" or "tujuh" or "delapan" or "sembilan" or "sepuluh" or "sebelas" or "belas" or "puluh" or "ratus" or "seratus" or "ribu" or "juta" or "miliar";

    private static HashSet<string> CommonTerms(List<Document> docs)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            foreach (var term in doc.Sentences.SelectMany(static s => s.Terms).Distinct(StringComparer.Ordinal)) counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        var limit = Math.Max(2, docs.Count / 2.0);
        return [.. counts.Where(p => p.Value > limit).Select(static p => p.Key)];
    }

    private static List<StoryCitation> Cite(IEnumerable<Document> docs) =>
        [.. docs.Distinct().OrderBy(static d => d.Order).Select(static d => new StoryCitation(d.Article.ArticleId, d.Article.Outlet, d.Article.Published?.ToString()))];

    /// <summary>The first anchored date or time of each sentence that dates an event there: not a duration or a set, not a
    /// background date (<c>sejak 2010</c>, a birth date, a year alone).</summary>
    private static TemporalExpression?[] EventTimes(Article article, TokenizedText tokens, IReadOnlyList<BodySentence> spans)
    {
        var times = new TemporalExpression?[spans.Count];
        var body = tokens.Text;
        foreach (var time in article.Annotations.Times)
        {
            if (time.Type is not (TimexType.Date or TimexType.Time) || time.Value is not { Length: >= 7 } value || TimexStart(value) is null) continue;
            var index = SentenceSplitter.SentenceAt(spans, time.Start);
            if (index < 0 || times[index] is not null) continue;
            if (IsBackground(body, time.Start, article.Published, value)) continue;
            times[index] = time;
        }
        return times;
    }

    private static bool IsBackground(string body, int start, PublicationTime? published, string value)
    {
        var before = body.AsSpan(Math.Max(0, start - 16), start - Math.Max(0, start - 16)).ToString().ToLowerInvariant();
        if (before.Contains("sejak", StringComparison.Ordinal) || before.Contains("lahir", StringComparison.Ordinal)
            || before.Contains("since", StringComparison.Ordinal) || before.Contains("born", StringComparison.Ordinal))
        {
            return true;
        }
        // A date more than a year before the report is history told as background, not this story's event.
        return published is { } p && TimexStart(value) is { } at && at < p.Value.DateTime.AddYears(-1);
    }

    /// <summary>The sentence with a leading dateline (<c>KABARNUSA.ID - </c>, <c>PALU, beritakota.net - </c>, <c>Bukit Jarum (Antarprov) - </c>) cut off.</summary>
    private static string WithoutDateline(string body, BodySentence span)
    {
        var text = body.Substring(span.Start, span.Length);
        var limit = Math.Min(text.Length, 70);
        for (var k = 1; k + 2 < limit; k++)
        {
            if (text[k] == ' ' && text[k + 1] is '-' or '—' or '–' && text[k + 2] == ' ')
            {
                var head = text[..k];
                var datelineLike = head.Any(char.IsUpper) && (head.Contains('.', StringComparison.Ordinal) || head.Contains('(', StringComparison.Ordinal)
                    || head.Contains(',', StringComparison.Ordinal) || head.Where(char.IsLetter).All(char.IsUpper));
                if (datelineLike && k + 3 < text.Length) return text[(k + 3)..];
                break;
            }
        }
        return text;
    }

    private static bool IsQuoted(string text) => text.Length > 0 && text[0] is '"' or '“' or '\'' or '‘';

    /// <summary>One article with its sentences, in one build.</summary>
    private sealed class Document
    {
        private Document(StoryArticleAnalysis article, int order)
        {
            Article = article;
            Order = order;
        }

        public StoryArticleAnalysis Article { get; }

        public int Order { get; }

        public List<Sentence> Sentences { get; } = [];

        /// <summary>The article's sentences numbered in the build from <paramref name="firstId"/> on.</summary>
        public static Document Of(StoryArticleAnalysis article, int order, int firstId)
        {
            var doc = new Document(article, order);
            foreach (var analyzed in article.Sentences) doc.Sentences.Add(new Sentence(doc, analyzed, firstId + doc.Sentences.Count));
            return doc;
        }
    }

    /// <summary>One sentence of one article, in one build.</summary>
    private sealed class Sentence(Document doc, StoryArticleAnalysis.AnalyzedSentence analyzed, int id)
    {
        public Document Doc { get; } = doc;

        /// <summary>Its number among the sentences of the build.</summary>
        public int Id { get; } = id;

        public int Index => analyzed.Index;

        public string Text => analyzed.Text;

        public HashSet<string> Terms => analyzed.Terms;

        public int Words => analyzed.Words;

        public TemporalExpression? EventTime => analyzed.EventTime;

        public bool IsQuote => analyzed.IsQuote;

        public bool IsQuestion => analyzed.IsQuestion;

        public bool HasQuoteMark => analyzed.HasQuoteMark;

        public SentenceGroup? Group { get; set; }
    }

    /// <summary>The story's sentences by their terms, so that the sentences sharing terms with one are found without comparing it with every sentence.</summary>
    /// <remarks>Citing compared each brief candidate with every sentence of every article: most of a 51-article view's build.</remarks>
    private sealed class StatingIndex
    {
        private readonly Dictionary<string, List<int>> _sentencesByTerm = new(StringComparer.Ordinal);
        private readonly int[] _shared;

        public StatingIndex(List<Document> docs, int sentenceCount, HashSet<string> common)
        {
            Common = common;
            _shared = new int[sentenceCount];
            UncommonTerms = new int[sentenceCount];
            foreach (var sentence in docs.SelectMany(static d => d.Sentences))
            {
                var uncommon = 0;
                foreach (var term in sentence.Terms)
                {
                    if (common.Contains(term)) continue;
                    uncommon++;
                    if (!_sentencesByTerm.TryGetValue(term, out var ids)) _sentencesByTerm[term] = ids = [];
                    ids.Add(sentence.Id);
                }
                UncommonTerms[sentence.Id] = uncommon;
            }
        }

        /// <summary>Words most of the story's articles use.</summary>
        public HashSet<string> Common { get; }

        /// <summary>Each sentence's number of terms not in <see cref="Common"/>.</summary>
        public int[] UncommonTerms { get; }

        /// <summary>For each sentence, how many of <paramref name="terms"/> (none of them common) it has; valid until the next call.</summary>
        public int[] Shared(HashSet<string> terms)
        {
            Array.Clear(_shared);
            foreach (var term in terms)
            {
                if (!_sentencesByTerm.TryGetValue(term, out var ids)) continue;
                foreach (var id in ids) _shared[id]++;
            }
            return _shared;
        }
    }

    /// <summary>Sentences of several articles saying the same thing; the first one is the earliest telling.</summary>
    private sealed class SentenceGroup(Sentence first)
    {
        public Sentence First { get; } = first;

        public List<Sentence> Members { get; } = [];

        public List<Document> Docs { get; } = [];

        public void Add(Sentence sentence)
        {
            Members.Add(sentence);
            if (!Docs.Contains(sentence.Doc)) Docs.Add(sentence.Doc);
        }
    }
}
