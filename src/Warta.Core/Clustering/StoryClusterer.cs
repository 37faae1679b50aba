using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Clustering;

/// <summary>Online story clustering: places each article, in publication order, in the best-matching live story or starts a new one.</summary>
/// <remarks>
/// Follows the single-pass centroid scheme of online news clustering (Allan et al. 1998 topic detection and tracking;
/// Miranda et al. 2018): an article is a sublinear-tf × inverse-story-frequency vector over stems (title terms weighted) and entity
/// features, L2-normalised and cut to its top terms; a story's centroid is the sum of its originals' vectors.
/// Candidates come from an inverted index term → live stories; the score is cosine × time decay. Ids are
/// <c>s-</c> + the first article's id, so the same stream gives the same ids. Articles never move: when an article bridges
/// two live stories strongly, the younger story is merged into the older and a <see cref="StoryMerge"/> records it.
/// Stories idle beyond <see cref="StoryClustererOptions.IdleWindow"/> leave the working set (the caller keeps their summaries).
/// The clusterer is deterministic given the input order; feed it through <see cref="Pipeline.PlacementOrder"/> so arrival order within
/// the ordering window does not matter. Not thread-safe.
/// </remarks>
public sealed partial class StoryClusterer
{
    /// <summary>Terms found in more live stories than this are too common to retrieve candidates with.</summary>
    /// <remarks>At 4,096 the synthetic benchmark spent most of its time accumulating partial scores for thousands of stories (104 µs a headline; 67 µs at 512).</remarks>
    private const int MaxPostings = 128;

    /// <summary>Below this share of a vector's squared norm, a side's specifics (or general terms) are too few to score apart.</summary>
    private const double MinSpecificShare = 0.01;

    /// <summary>Below this share of a vector's squared norm, a side names too little of a place to conflict with another.</summary>
    private const double MinPlaceShare = 0.002;
    private readonly StoryClustererOptions _options;
    private readonly TermStatistics _terms = new();
    private readonly FeatureExtractor _extractor;
    private readonly NearDuplicateDetector _copies = new();
    private readonly Dictionary<string, LiveStory> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<LiveStory>> _postings = [];
    private readonly Dictionary<string, LiveArticle> _articles = new(StringComparer.Ordinal);
    private DateTimeOffset _streamTime = DateTimeOffset.MinValue;
    private long _lastSweepDay = long.MinValue;

    // Reused between calls to keep the hot path free of per-article allocations of these.
    private readonly Dictionary<LiveStory, double> _partial = [];
    private readonly List<(LiveStory Story, double Score)> _candidates = [];
    private readonly List<(LiveStory Story, double Score)> _scored = [];
    private (int Id, double Weight)[] _weighted = new (int, double)[256];
    private (int Id, double Weight)[] _pruned = [];
    private double[] _articleWeights = new double[256];
    private double _articlePlaceSquared;
    private double _articlePersonSquared;

    public StoryClusterer(StoryClustererOptions? options = null)
    {
        _options = options ?? new StoryClustererOptions();
        _extractor = new FeatureExtractor(_terms, _options);
    }

    /// <summary>Stories in the working set.</summary>
    public int LiveStoryCount => _stories.Count;

    /// <summary>Articles whose stories are in the working set.</summary>
    public int LiveArticleCount => _articles.Count;

    /// <summary>Terms with running statistics.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Places one article. An article already placed (same id, story still live) gets its earlier assignment back and changes nothing.</summary>
    public ClusteringResult Add(Article article, AnalyzedText title, AnalyzedText body)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        if (_articles.TryGetValue(article.Id, out var known)) return new ClusteringResult(known.Assignment, [], [], []);

        var time = article.Published?.Value ?? (_streamTime == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : _streamTime);
        if (time > _streamTime) _streamTime = time;
        var evicted = Sweep();

        var fingerprint = NearDuplicateDetector.Fingerprint(title, body);
        if (_copies.Find(fingerprint) is { } match && _articles.TryGetValue(match.OriginalArticleId, out var original))
        {
            return PlaceCopy(article, original, match, evicted);
        }

        var features = _extractor.Extract(article, title, body);
        var vector = Vectorize(features);
        var scored = Score(vector, features, time, article.Language);
        if (scored.Count > 0 && scored[0].Score >= _options.AssignThreshold
            && _copies.FindAmong(fingerprint, scored[0].Story.ArticleIds, scored[0].Story.Fingerprints) is { } rewrite
            && _articles.TryGetValue(rewrite.OriginalArticleId, out var rewritten))
        {
            return PlaceCopy(article, rewritten, rewrite, evicted);
        }

        return PlaceNew(article, time, fingerprint, features, vector, scored, evicted);
    }

    private ClusteringResult PlaceCopy(Article article, LiveArticle original, NearDuplicateMatch match, IReadOnlyList<string> evicted)
    {
        // A copy joins its original's story but leaves the story's term profile as it was.
        var story = original.Story;
        story.Touch(article);
        var copy = new StoryAssignment(article.Id, story.Id, match.OriginalArticleId, 1.0 - (match.Distance / 64.0));
        _articles.Add(article.Id, LiveArticle.Of(article, copy, story));
        return new ClusteringResult(copy, [story.ToSummary()], [], evicted);
    }

    private ClusteringResult PlaceNew(
        Article article, DateTimeOffset time, TextFingerprint fingerprint, ReadOnlySpan<(TermEntry Entry, double Count)> features,
        ReadOnlySpan<(int Id, double Weight)> vector, List<(LiveStory Story, double Score)> scored, IReadOnlyList<string> evicted)
    {
        List<StoryMerge>? merges = null;
        LiveStory target;
        double similarity;
        if (scored.Count > 0 && scored[0].Score >= _options.AssignThreshold)
        {
            target = scored[0].Story;
            similarity = scored[0].Score;
            for (var i = 1; i < scored.Count && scored[i].Score >= _options.MergeThreshold; i++)
            {
                var other = scored[i].Story;
                // An editor split these two: the clusterer does not undo it.
                if (target.Apart.Count > 0 && target.Apart.Contains(other.Id)) continue;
                var (into, from) = IsOlder(other, target) ? (other, target) : (target, other);
                Merge(from, into);
                (merges ??= []).Add(new StoryMerge(from.Id, into.Id, article.Id, from == other ? scored[i].Score : similarity));
                target = into;
            }
        }
        else
        {
            target = new LiveStory("s-" + article.Id, article.Title);
            _stories.Add(target.Id, target);
            similarity = 0;
        }

        AddToCentroid(target, vector);
        AddMember(target, article.Id, features);
        target.Touch(article);
        TouchedForLook(target.Id);
        var assignment = new StoryAssignment(article.Id, target.Id, null, similarity);
        _articles.Add(article.Id, LiveArticle.Of(article, assignment, target));
        _copies.Add(article.Id, fingerprint);
        var day = Day(time);
        foreach (var (entry, _) in features) TermStatistics.AddDocument(entry, day);
        return new ClusteringResult(assignment, [target.ToSummary()], (IReadOnlyList<StoryMerge>?)merges ?? [], evicted);
    }

    private static bool IsOlder(LiveStory a, LiveStory b)
    {
        var at = a.FirstPublished ?? DateTimeOffset.MinValue;
        var bt = b.FirstPublished ?? DateTimeOffset.MinValue;
        return at != bt ? at < bt : string.CompareOrdinal(a.Id, b.Id) < 0;
    }

    private static long Day(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerDay;

    /// <summary>Sublinear tf × inverse story frequency, top terms by weight (ties by id), L2-normalised.</summary>
    /// <remarks>
    /// The idf counts live stories whose centroid holds the term, not documents: a story's own key term
    /// (<c>Snowden</c>, <c>Titanfall</c>) keeps its weight however many reports the story gathers, while a document idf
    /// drops it as the story grows, and the story's later reports drift away from it. On uci-news dev this raised pair F1
    /// from 0.79 to 0.84 at the same threshold (measured per half in <see cref="StoryClustererOptions.AssignThreshold"/>).
    /// </remarks>
    /// <remarks>
    /// The vector is built in a reused buffer and is valid until the next article. The ids of one article are distinct,
    /// so the order is total and any sort gives the same vector, bit for bit (the norm is summed in that order).
    /// </remarks>
    private ReadOnlySpan<(int Id, double Weight)> Vectorize(ReadOnlySpan<(TermEntry Entry, double Count)> features)
    {
        if (_weighted.Length < features.Length) _weighted = new (int, double)[Math.Max(features.Length, 2 * _weighted.Length)];
        var weighted = _weighted.AsSpan(0, features.Length);
        var stories = _stories.Count + 1.0;
        var documentShare = _options.DocumentIdfShare;
        var documents = _articles.Count + 1.0;
        for (var i = 0; i < features.Length; i++)
        {
            var (entry, count) = features[i];
            var storyFrequency = _postings.TryGetValue(entry.Id, out var holders) ? holders.Count : 0;
            var idf = Math.Log(stories / (storyFrequency + 1.0)) + 1.0;
            if (documentShare > 0) idf = ((1.0 - documentShare) * idf) + (documentShare * (Math.Log(documents / (entry.DocumentFrequency + 1.0)) + 1.0));
            weighted[i] = (entry.Id, (1.0 + Math.Log(count)) * idf);
        }
        weighted.Sort(default(ByWeightThenId));
        var vector = weighted[..Math.Min(weighted.Length, _options.MaxArticleTerms)];
        var norm = 0.0;
        foreach (var (_, weight) in vector) norm += weight * weight;
        norm = Math.Sqrt(norm);
        for (var i = 0; i < vector.Length; i++) vector[i].Weight = norm > 0 ? vector[i].Weight / norm : 0;
        return vector;
    }

    /// <summary>Live stories sharing a query term, scored by decayed cosine, best first (ties by id).</summary>
    private List<(LiveStory Story, double Score)> Score(
        ReadOnlySpan<(int Id, double Weight)> vector, ReadOnlySpan<(TermEntry Entry, double Count)> features, DateTimeOffset time, string language)
    {
        var partial = _partial;
        partial.Clear();
        // The highest-weighted terms of a new article are often its novel ones (names, numbers) that no story has yet:
        // query with the top terms that are indexed, not simply the top terms.
        var queried = 0;
        for (var i = 0; i < vector.Length && queried < _options.QueryTerms; i++)
        {
            var (id, weight) = vector[i];
            if (!_postings.TryGetValue(id, out var stories) || stories.Count > MaxPostings) continue;
            queried++;
            foreach (var story in stories)
            {
                ref var score = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(partial, story, out _);
                score += weight * story.Centroid[id] / Norm(story);
            }
        }
        var candidates = _candidates;
        candidates.Clear();
        foreach (var (story, score) in partial) candidates.Add((story, score));
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates).Sort(default(ByScoreThenId));
        if (candidates.Count > _options.MaxCandidates) candidates.RemoveRange(_options.MaxCandidates, candidates.Count - _options.MaxCandidates);

        var scored = _scored;
        scored.Clear();
        double articleSpecific = 0.0, articlePlace = 0.0, articlePerson = 0.0, articleFact = 0.0;
        foreach (var (id, weight) in vector)
        {
            if (!TermStatistics.IsSpecific(id)) continue;
            articleSpecific += weight * weight;
            if (TermStatistics.IsPlace(id)) articlePlace += weight * weight;
            else if (TermStatistics.IsPerson(id)) articlePerson += weight * weight;
            else if (TermStatistics.IsFact(id)) articleFact += weight * weight;
        }
        var averageLink = _options.MemberSample > 0 && WeighArticle(features);
        var crossLanguage = _options.CrossLanguageThreshold > 0 && LiveStory.IsKnownLanguage(language);
        foreach (var (story, _) in candidates)
        {
            double dot = 0.0, specificDot = 0.0, placeDot = 0.0, personDot = 0.0, factDot = 0.0;
            foreach (var (id, weight) in vector)
            {
                if (!story.Centroid.TryGetValue(id, out var c)) continue;
                if (!TermStatistics.IsSpecific(id))
                {
                    dot += weight * c;
                    continue;
                }
                specificDot += weight * c;
                if (TermStatistics.IsPlace(id)) placeDot += weight * c;
                else if (TermStatistics.IsPerson(id)) personDot += weight * c;
                else if (TermStatistics.IsFact(id)) factDot += weight * c;
            }
            var score = Similarity(story, dot, specificDot, articleSpecific);
            if (crossLanguage && story.Language is { } storyLanguage && !string.Equals(storyLanguage, language, StringComparison.Ordinal))
            {
                scored.Add((story, CrossLanguageScore(story, score, personDot, articlePerson) * Decay(story, time)));
                continue;
            }
            if (averageLink && story.Members.Count > 0)
            {
                var link = AverageLink(story);
                var floor = _options.MemberThreshold;
                score = floor > 0 ? score * Math.Min(1.0, link / floor) : link;
            }
            if (averageLink && story.Members.Count > 0 && _options.MemberConflicts && !(_options.MemberThreshold > 0))
            {
                // The member-level checks replace the centroid's: a wrong join carries both events' names into the centroid.
                scored.Add((story, score * Decay(story, time)));
                continue;
            }
            if (Conflict(_options.PlaceConflictFactor, _options.PlaceConflictBelow, placeDot, articlePlace, story.PlaceNormSquared, story.NormSquared)) score *= _options.PlaceConflictFactor;
            if (Conflict(_options.PersonConflictFactor, _options.PlaceConflictBelow, personDot, articlePerson, story.PersonNormSquared, story.NormSquared)) score *= _options.PersonConflictFactor;
            if (Conflict(_options.FactConflictFactor, _options.PlaceConflictBelow, factDot, articleFact, story.FactNormSquared, story.NormSquared)) score *= _options.FactConflictFactor;
            if (_options.WeekdayConflictFactor < 1 && WeekdayConflict(story, _extractor.Weekdays)) score *= _options.WeekdayConflictFactor;
            if (_options.YearConflictFactor < 1 && YearConflict(story, _extractor.LatestYear)) score *= _options.YearConflictFactor;
            scored.Add((story, score * Decay(story, time)));
        }
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scored).Sort(default(ByScoreThenId));
        if (_options.ApartByMembers && scored.Count > 1 && scored[0].Story.Apart.Count > 0 && scored[0].Score >= _options.AssignThreshold) ChooseAmongApart(scored, features, averageLink);
        return scored;
    }

    /// <summary>Moves to the front, among the best story and the stories split from it that pass the threshold too, the one whose sampled members the article is nearest on average.</summary>
    /// <remarks>
    /// The stories were split because their members form groups apart; the centroid favours the larger, looser one, so a
    /// report of the smaller event would rejoin the larger and be split off again later into a third story.
    /// </remarks>
    private void ChooseAmongApart(List<(LiveStory Story, double Score)> scored, ReadOnlySpan<(TermEntry Entry, double Count)> features, bool weighed)
    {
        var top = scored[0].Story;
        if (top.Members.Count == 0 || (!weighed && !WeighArticle(features))) return;
        var best = 0;
        var bestLink = AverageLink(top);
        for (var i = 1; i < scored.Count && scored[i].Score >= _options.AssignThreshold; i++)
        {
            var other = scored[i].Story;
            if (!top.Apart.Contains(other.Id) || other.Members.Count == 0) continue;
            var link = AverageLink(other);
            if (link > bestLink)
            {
                bestLink = link;
                best = i;
            }
        }
        if (best > 0) (scored[0], scored[best]) = (scored[best], scored[0]);
    }

    /// <summary>The score of a story most of whose members are in another language than the article's, on the scale of <see cref="StoryClustererOptions.AssignThreshold"/>.</summary>
    /// <remarks>
    /// Across languages the two sides can share only what does not translate: names (as entities and as the words they
    /// are written with), numbers, acronyms. The score is the usual cosine, held to the lower <see cref="StoryClustererOptions.CrossLanguageThreshold"/>,
    /// without the place check (a place is named in each language's words: <c>Mount Ambalang</c>, <c>Gunung Ambalang</c>),
    /// and vetoed when both sides name people who hardly agree (<see cref="StoryClustererOptions.CrossLanguagePersonAgreement"/>):
    /// a person's name is the one specific written alike in both.
    /// </remarks>
    private double CrossLanguageScore(LiveStory story, double score, double personDot, double articlePerson)
    {
        if (Conflict(0.0, _options.CrossLanguagePersonAgreement, personDot, articlePerson, story.PersonNormSquared, story.NormSquared)) return 0.0;
        return score * _options.AssignThreshold / _options.CrossLanguageThreshold;
    }

    /// <summary>The cosine over all features, or the blend of the general and the specific cosines when both sides state specifics.</summary>
    /// <param name="story">The candidate.</param>
    /// <param name="generalDot">Dot product over the general terms.</param>
    /// <param name="specificDot">Dot product over the specifics.</param>
    /// <param name="articleSpecific">The unit article vector's squared norm on its specifics.</param>
    private double Similarity(LiveStory story, double generalDot, double specificDot, double articleSpecific)
    {
        var w = _options.SpecificWeight;
        var storyGeneral = story.NormSquared - story.SpecificNormSquared;
        // Too little mass on either side (a headline with no name, a story of numbers alone) says nothing either way.
        if (!(w > 0) || articleSpecific < MinSpecificShare || story.SpecificNormSquared < MinSpecificShare * story.NormSquared
            || 1.0 - articleSpecific < MinSpecificShare || storyGeneral < MinSpecificShare * story.NormSquared)
        {
            return (generalDot + specificDot) / Norm(story);
        }
        var general = generalDot / Math.Sqrt((1.0 - articleSpecific) * storyGeneral);
        var specific = specificDot / Math.Sqrt(articleSpecific * story.SpecificNormSquared);
        return _options.GeometricBlend
            ? Math.Pow(Math.Max(general, 0), 1.0 - w) * Math.Pow(Math.Max(specific, _options.SpecificFloor), w)
            : ((1.0 - w) * general) + (w * specific);
    }

    /// <summary>Weighs the article's features by the document idf of the moment into <see cref="_articleWeights"/> (unit length); false when it has no weight.</summary>
    private bool WeighArticle(ReadOnlySpan<(TermEntry Entry, double Count)> features)
    {
        if (_articleWeights.Length < features.Length) _articleWeights = new double[Math.Max(features.Length, 2 * _articleWeights.Length)];
        var stamp = _extractor.Stamp;
        var norm = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            var (entry, count) = features[i];
            var weight = (1.0 + Math.Log(count)) * Idf(entry, stamp);
            _articleWeights[i] = weight;
            norm += weight * weight;
        }
        if (!(norm > 0)) return false;
        norm = Math.Sqrt(norm);
        double place = 0.0, person = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            var weight = _articleWeights[i] /= norm;
            var id = features[i].Entry.Id;
            if (TermStatistics.IsPlace(id)) place += weight * weight;
            else if (TermStatistics.IsPerson(id)) person += weight * weight;
        }
        (_articlePlaceSquared, _articlePersonSquared) = (place, person);
        return true;
    }

    /// <summary>The article's mean cosine to the story's sampled members (average link), both weighted by the document idf of the moment.</summary>
    /// <remarks>Call after <see cref="WeighArticle"/> for the same article: a member term is one of the article's when its entry carries the latest extraction's stamp.</remarks>
    private double AverageLink(LiveStory story)
    {
        var stamp = _extractor.Stamp;
        var sum = 0.0;
        foreach (var member in story.Members)
        {
            double dot = 0.0, normSquared = 0.0, placeDot = 0.0, placeSquared = 0.0, personDot = 0.0, personSquared = 0.0;
            var terms = member.Terms;
            var frequencies = member.Frequencies;
            for (var j = 0; j < terms.Length; j++)
            {
                var entry = terms[j];
                var weight = frequencies[j] * Idf(entry, stamp);
                normSquared += weight * weight;
                var shared = entry.ExtractionStamp == stamp ? weight * _articleWeights[entry.FeatureSlot] : 0.0;
                dot += shared;
                if (TermStatistics.IsPlace(entry.Id))
                {
                    placeDot += shared;
                    placeSquared += weight * weight;
                }
                else if (TermStatistics.IsPerson(entry.Id))
                {
                    personDot += shared;
                    personSquared += weight * weight;
                }
            }
            if (!(normSquared > 0)) continue;
            var cosine = dot / Math.Sqrt(normSquared);
            if (_options.MemberConflicts)
            {
                // Each member judged on its own names: the unit article against the member's own vector, as the centroid checks do.
                if (Conflict(_options.PlaceConflictFactor, _options.PlaceConflictBelow, placeDot / Math.Sqrt(normSquared), _articlePlaceSquared, placeSquared / normSquared, 1.0)) cosine *= _options.PlaceConflictFactor;
                if (Conflict(_options.PersonConflictFactor, _options.PlaceConflictBelow, personDot / Math.Sqrt(normSquared), _articlePersonSquared, personSquared / normSquared, 1.0)) cosine *= _options.PersonConflictFactor;
            }
            sum += cosine;
        }
        return sum / story.Members.Count;
    }

    /// <summary>The term's document idf over the live articles, the count taken as at least <see cref="StoryClustererOptions.MemberIdfFloor"/>; computed once per article.</summary>
    private double Idf(TermEntry entry, long stamp)
    {
        if (entry.IdfStamp == stamp) return entry.Idf;
        var documents = Math.Max(_articles.Count, _options.MemberIdfFloor) + 1.0;
        var idf = Math.Log(documents / (Math.Max(entry.DocumentFrequency, 0) + 1.0)) + 1.0;
        entry.IdfStamp = stamp;
        entry.Idf = idf;
        return idf;
    }

    /// <summary>Adds an original to the story's member sample (its heaviest terms by the idf of the moment), dropping the oldest beyond the sample's size.</summary>
    private void AddMember(LiveStory story, string articleId, ReadOnlySpan<(TermEntry Entry, double Count)> features)
    {
        var sample = MemberCap;
        if (sample <= 0) return;
        var stamp = _extractor.Stamp;
        var weighted = new (TermEntry Entry, double Frequency, double Weight)[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var (entry, count) = features[i];
            var frequency = 1.0 + Math.Log(count);
            weighted[i] = (entry, frequency, frequency * Idf(entry, stamp));
        }
        var span = weighted.AsSpan();
        if (span.Length > _options.MaxArticleTerms)
        {
            span.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Entry.Id.CompareTo(b.Entry.Id));
            span = span[.._options.MaxArticleTerms];
        }
        span.Sort(static (a, b) => a.Entry.Id.CompareTo(b.Entry.Id));
        var terms = new TermEntry[span.Length];
        var frequencies = new float[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            terms[i] = span[i].Entry;
            frequencies[i] = (float)span[i].Frequency;
        }
        story.Members.Add(new StoryMember(articleId, terms, frequencies, _extractor.Weekdays, (short)_extractor.LatestYear));
        if (story.Members.Count > sample) story.Members.RemoveRange(0, story.Members.Count - sample);
    }

    /// <summary>Both sides name places (or people), with enough weight to count, and they hardly overlap: two events in two places, of two people.</summary>
    /// <summary>The article names weekdays, the story's sampled members mostly name another one, and at most a quarter of them name any of the article's.</summary>
    private static bool WeekdayConflict(LiveStory story, byte weekdays)
    {
        if (weekdays == 0) return false;
        var members = story.Members;
        var main = MainWeekday(members, null, false);
        if (main < 0 || (weekdays & (1 << main)) != 0) return false;
        var naming = 0;
        foreach (var member in members)
        {
            if ((member.Weekdays & weekdays) != 0) naming++;
        }
        return naming * 4 <= members.Count;
    }

    /// <summary>The article states a latest year, the story's sampled members (dated within a week, or undated) mostly state another one, and at most a quarter of them the article's.</summary>
    private bool YearConflict(LiveStory story, int year)
    {
        if (year == 0) return false;
        var members = story.Members;
        var main = MainYear(members, null, false);
        if (main == 0 || main == year) return false;
        var having = 0;
        foreach (var member in members)
        {
            if (member.LatestYear == year) having++;
        }
        return having * 4 <= members.Count && WithinAWeek(members);
    }

    private static bool Conflict(double factor, double below, double dot, double articleSquared, double storySquared, double storyNormSquared)
    {
        if (!(factor < 1.0) || articleSquared < MinPlaceShare || storySquared < MinPlaceShare * storyNormSquared) return false;
        return dot / Math.Sqrt(articleSquared * storySquared) < below;
    }

    /// <summary>What a dot product with the centroid is divided by: the centroid's length (cosine), the member count (the mean cosine to the members, average link), or a geometric blend (<see cref="StoryClustererOptions.MemberLinkage"/>).</summary>
    private double Norm(LiveStory story)
    {
        var linkage = _options.MemberLinkage;
        if (!(linkage > 0) || story.Originals < 1) return Math.Sqrt(story.NormSquared);
        return Math.Pow(story.NormSquared, (1.0 - linkage) / 2) * Math.Pow(story.Originals, linkage);
    }

    /// <summary>Falls from 1 towards <see cref="StoryClustererOptions.DecayFloor"/> with the days since the story's last article.</summary>
    private double Decay(LiveStory story, DateTimeOffset time)
    {
        if (story.LastPublished is not { } last || time <= last) return 1.0;
        var days = (time - last).TotalDays;
        return _options.DecayFloor + ((1.0 - _options.DecayFloor) * Math.Pow(0.5, days / _options.DecayHalfLifeDays));
    }

    private void AddToCentroid(LiveStory story, ReadOnlySpan<(int Id, double Weight)> vector)
    {
        var centroid = story.Centroid;
        var normSquared = story.NormSquared;
        var specificNormSquared = story.SpecificNormSquared;
        var placeNormSquared = story.PlaceNormSquared;
        var personNormSquared = story.PersonNormSquared;
        var factNormSquared = story.FactNormSquared;
        foreach (var (id, weight) in vector)
        {
            double change;
            if (centroid.TryGetValue(id, out var old))
            {
                centroid[id] = old + weight;
                change = (2 * old * weight) + (weight * weight);
            }
            else
            {
                centroid.Add(id, weight);
                change = weight * weight;
                AddPosting(id, story);
            }
            normSquared += change;
            if (TermStatistics.IsSpecific(id)) specificNormSquared += change;
            if (TermStatistics.IsPlace(id)) placeNormSquared += change;
            if (TermStatistics.IsPerson(id)) personNormSquared += change;
            if (TermStatistics.IsFact(id)) factNormSquared += change;
        }
        story.NormSquared = normSquared;
        story.SpecificNormSquared = specificNormSquared;
        story.PlaceNormSquared = placeNormSquared;
        story.PersonNormSquared = personNormSquared;
        story.FactNormSquared = factNormSquared;
        story.Originals++;
        if (centroid.Count > 2 * _options.MaxCentroidTerms) PruneCentroid(story);
    }

    /// <summary>Keeps the centroid's top terms so a long-running story's memory stays bounded.</summary>
    private void PruneCentroid(LiveStory story)
    {
        // A separate buffer from the article vector's: a merge prunes while the vector is still to be added.
        if (_pruned.Length < story.Centroid.Count) _pruned = new (int, double)[Math.Max(story.Centroid.Count, 2 * _pruned.Length)];
        var terms = _pruned.AsSpan(0, story.Centroid.Count);
        var n = 0;
        foreach (var (id, weight) in story.Centroid) terms[n++] = (id, weight);
        terms.Sort(default(ByWeightThenId));
        double normSquared = 0.0, specificNormSquared = 0.0, placeNormSquared = 0.0, personNormSquared = 0.0, factNormSquared = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            if (i < _options.MaxCentroidTerms)
            {
                var square = terms[i].Weight * terms[i].Weight;
                normSquared += square;
                if (TermStatistics.IsSpecific(terms[i].Id)) specificNormSquared += square;
                if (TermStatistics.IsPlace(terms[i].Id)) placeNormSquared += square;
                if (TermStatistics.IsPerson(terms[i].Id)) personNormSquared += square;
                if (TermStatistics.IsFact(terms[i].Id)) factNormSquared += square;
                continue;
            }
            story.Centroid.Remove(terms[i].Id);
            RemovePosting(terms[i].Id, story);
        }
        story.NormSquared = normSquared;
        story.SpecificNormSquared = specificNormSquared;
        story.PlaceNormSquared = placeNormSquared;
        story.PersonNormSquared = personNormSquared;
        story.FactNormSquared = factNormSquared;
    }

    private void Merge(LiveStory from, LiveStory into)
    {
        foreach (var (id, weight) in from.Centroid)
        {
            RemovePosting(id, from);
            if (into.Centroid.TryGetValue(id, out var old))
            {
                into.Centroid[id] = old + weight;
            }
            else
            {
                into.Centroid.Add(id, weight);
                AddPosting(id, into);
            }
        }
        (into.NormSquared, into.SpecificNormSquared, into.PlaceNormSquared, into.PersonNormSquared, into.FactNormSquared) = NormSquaredInIdOrder(into.Centroid);
        if (MemberCap > 0)
        {
            into.Members.AddRange(from.Members);
            if (into.Members.Count > MemberCap) into.Members.RemoveRange(0, into.Members.Count - MemberCap);
        }
        into.ArticleCount += from.ArticleCount;
        into.Originals += from.Originals;
        into.AddOutletsOf(from);
        if (from.FirstPublished is { } first && (into.FirstPublished is null || first < into.FirstPublished)) into.FirstPublished = first;
        if (from.LastPublished is { } last && (into.LastPublished is null || last > into.LastPublished)) into.LastPublished = last;
        foreach (var articleId in from.ArticleIds)
        {
            into.ArticleIds.Add(articleId);
            var live = _articles[articleId];
            _articles[articleId] = live with { Story = into };
        }
        foreach (var apart in from.Apart)
        {
            into.Apart.Add(apart);
            if (_stories.TryGetValue(apart, out var other) && other.Apart.Remove(from.Id)) other.Apart.Add(into.Id);
        }
        _stories.Remove(from.Id);
        ForgetForLook(from.Id);
        if (into.Centroid.Count > 2 * _options.MaxCentroidTerms) PruneCentroid(into);
    }

    /// <summary><paramref name="time"/> minus <paramref name="span"/>, or the earliest time when that is before it (a page dated in year 1).</summary>
    private static DateTimeOffset Before(DateTimeOffset time, TimeSpan span) =>
        time.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= span.Ticks ? DateTimeOffset.MinValue : time - span;

    /// <summary>Evicts idle stories once per stream day, and the least recently updated ones beyond the cap.</summary>
    private IReadOnlyList<string> Sweep()
    {
        // Most articles evict nothing; the list is made only when a sweep is due.
        List<string>? evicted = null;
        var day = Day(_streamTime);
        if (day > _lastSweepDay)
        {
            _lastSweepDay = day;
            var cutoff = Before(_streamTime, _options.IdleWindow);
            foreach (var story in _stories.Values)
            {
                if ((story.LastPublished ?? DateTimeOffset.MinValue) < cutoff) (evicted ??= []).Add(story.Id);
            }
            // Terms unseen for three idle windows belong to stories long evicted.
            _terms.Prune(Day(cutoff), Day(Before(_streamTime, 3 * _options.IdleWindow)));
        }
        if (_stories.Count - (evicted?.Count ?? 0) >= _options.MaxLiveStories)
        {
            evicted ??= [];
            var remaining = _stories.Values.Where(s => !evicted.Contains(s.Id)).ToList();
            remaining.Sort(static (a, b) =>
            {
                var at = a.LastPublished ?? DateTimeOffset.MinValue;
                var bt = b.LastPublished ?? DateTimeOffset.MinValue;
                return at != bt ? at.CompareTo(bt) : string.CompareOrdinal(a.Id, b.Id);
            });
            // Evict down to 90% of the cap so this sort runs once per many articles, not on every one.
            var excess = remaining.Count - (int)(_options.MaxLiveStories * 0.9);
            for (var i = 0; i < excess; i++) evicted.Add(remaining[i].Id);
        }
        if (evicted is null) return Array.Empty<string>();
        evicted.Sort(StringComparer.Ordinal);
        foreach (var id in evicted) Evict(_stories[id]);
        return evicted;
    }

    private void Evict(LiveStory story)
    {
        foreach (var id in story.Centroid.Keys) RemovePosting(id, story);
        foreach (var articleId in story.ArticleIds)
        {
            _articles.Remove(articleId);
            _copies.RemoveWithStory(articleId);
        }
        foreach (var apart in story.Apart)
        {
            if (_stories.TryGetValue(apart, out var other)) other.Apart.Remove(story.Id);
        }
        _stories.Remove(story.Id);
        ForgetForLook(story.Id);
    }

    private void AddPosting(int id, LiveStory story)
    {
        if (!_postings.TryGetValue(id, out var stories))
        {
            stories = [];
            _postings.Add(id, stories);
        }
        stories.Add(story);
    }

    private void RemovePosting(int id, LiveStory story)
    {
        if (!_postings.TryGetValue(id, out var stories)) return;
        stories.Remove(story);
        if (stories.Count == 0) _postings.Remove(id);
    }

    /// <summary>A member of a live story, with what its story's summary is made of, so the summary can be made again when a member leaves.</summary>
    private sealed record LiveArticle(StoryAssignment Assignment, LiveStory Story, string Title, string Outlet, DateTimeOffset? Published, string Language)
    {
        public static LiveArticle Of(Article article, StoryAssignment assignment, LiveStory story) =>
            new(assignment, story, article.Title, article.Outlet, article.Published?.Value, article.Language);
    }

    /// <summary>Heaviest first, ties by id: a struct comparer, so the sort calls it inline.</summary>
    private readonly struct ByWeightThenId : IComparer<(int Id, double Weight)>
    {
        public int Compare((int Id, double Weight) a, (int Id, double Weight) b) =>
            a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Id.CompareTo(b.Id);
    }

    /// <summary>Best first, ties by story id.</summary>
    private readonly struct ByScoreThenId : IComparer<(LiveStory Story, double Score)>
    {
        public int Compare((LiveStory Story, double Score) a, (LiveStory Story, double Score) b) =>
            a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Story.Id, b.Story.Id);
    }
}
