namespace Warta.Core.Clustering;

/// <summary>The second look: after a number of placements, the stories that grew are tested for holding two events, and a clear case is proposed as a split.</summary>
/// <remarks>
/// <para>A placement is decided when the article arrives; the first report of a second event of the same kind (a second
/// quake, a second arrest) can join the first event's story on shared vocabulary, and every later report of it follows.
/// Once the story holds several reports of each, its members fall into two groups that are each alike and clearly apart.
/// The look is bounded: only stories changed since the last look, with at least <see cref="StoryClustererOptions.SplitMinMembers"/>
/// sampled members, and at most <see cref="StoryClustererOptions.SplitMembers"/> members each.</para>
/// <para>The look changes nothing: the placer records a proposal as a split correction and applies it through
/// <see cref="Split"/>, the path an editor's split and a replay take, so recovery stays exact. The look's own state (the
/// placements counted since the last look, the stories changed since, and each story's size when last judged) is in the
/// snapshot, and a replay of stored placements counts and takes the looks where the placer took them
/// (<see cref="CountForLook"/>, <see cref="PassLook"/>), so a restored clusterer judges as the uninterrupted one does.</para>
/// </remarks>
public sealed partial class StoryClusterer
{
    private readonly HashSet<string> _touchedSinceLook = new(StringComparer.Ordinal);

    /// <summary>The stories the last look took from its window (live or not), for <see cref="ProposeMerges"/>; not in the snapshot, since a look's merges are proposed right after its splits.</summary>
    private List<string> _lastLook = [];

    /// <summary>Placements counted (<see cref="CountForLook"/>) since the last look.</summary>
    private int _placedSinceLook;

    /// <summary>Whether the second look is on (<see cref="StoryClustererOptions.SplitMinMembers"/> above 0).</summary>
    public bool LooksAgain => _options.SplitMinMembers > 0;

    /// <summary>Whether <see cref="StoryClustererOptions.SplitEvery"/> placements were counted since the last look.</summary>
    public bool LookDue => LooksAgain && _placedSinceLook >= Math.Max(1, _options.SplitEvery);

    /// <summary>Counts one placement toward the next look (the placer's and a replay's alike); true when the look is now due.</summary>
    public bool CountForLook()
    {
        if (!LooksAgain) return false;
        _placedSinceLook++;
        return LookDue;
    }

    /// <summary>The look's bookkeeping without judging: what <see cref="ProposeSplits"/> changes apart from its proposals.</summary>
    /// <remarks>For a replay, where the splits the look proposed then are stored corrections applied where they were
    /// numbered, and for a store that keeps no corrections.</remarks>
    public void PassLook() => TakeLook();

    /// <summary>Members each story keeps: for the average link, the second look, or both.</summary>
    private int MemberCap => Math.Max(_options.MemberSample, _options.SplitMinMembers > 0 ? _options.SplitMembers : 0);

    /// <summary>Notes a story changed by a placement, for the next look.</summary>
    private void TouchedForLook(string storyId)
    {
        if (_options.SplitMinMembers > 0) _touchedSinceLook.Add(storyId);
    }

    /// <summary>Lets a story that left the working set (merged away, evicted) out of the window, which so holds live stories only.</summary>
    private void ForgetForLook(string storyId) => _touchedSinceLook.Remove(storyId);

    /// <summary>Stories changed since the last call that now read as two events, each with the articles that would leave it (the newer event's); clears the window.</summary>
    /// <remarks>Pure apart from the window: apply a proposal with <see cref="Split"/>.</remarks>
    public IReadOnlyList<SplitProposal> ProposeSplits()
    {
        List<SplitProposal>? proposals = null;
        foreach (var story in TakeLook())
        {
            if (MeanTerms(story) < _options.SplitMinTerms) continue;
            if (Propose(story) is { } proposal) (proposals ??= []).Add(proposal);
        }
        return (IReadOnlyList<SplitProposal>?)proposals ?? [];
    }

    /// <summary>Starts a look: the count and the window cleared, and the stories to judge (live, sampled enough, grown since last judged) marked as judged at their size.</summary>
    private List<LiveStory> TakeLook()
    {
        _placedSinceLook = 0;
        _lastLook = [];
        if (_options.SplitMinMembers <= 0 || _touchedSinceLook.Count == 0) return [];
        var ids = _touchedSinceLook.ToList();
        ids.Sort(StringComparer.Ordinal);
        _touchedSinceLook.Clear();
        _lastLook = ids;
        var judged = new List<LiveStory>();
        foreach (var id in ids)
        {
            if (!_stories.TryGetValue(id, out var story) || story.Members.Count < _options.SplitMinMembers) continue;
            // A story is looked at again only once it has grown by a quarter since its last look: the cost stays a small share of placing.
            if (story.LookedAtOriginals > 0 && story.Originals * 4 < story.LookedAtOriginals * 5) continue;
            story.LookedAtOriginals = story.Originals;
            judged.Add(story);
        }
        return judged;
    }

    /// <summary>Writes the look's state (see the remarks on the class), in ordinal order of story ids.</summary>
    private void WriteLookState(BinaryWriter w)
    {
        w.Write7BitEncodedInt(_placedSinceLook);
        var touched = _touchedSinceLook.ToList();
        touched.Sort(StringComparer.Ordinal);
        w.Write7BitEncodedInt(touched.Count);
        foreach (var id in touched) WriteText(w, id);
        var judged = _stories.Values.Where(static s => s.LookedAtOriginals > 0).OrderBy(static s => s.Id, StringComparer.Ordinal).ToList();
        w.Write7BitEncodedInt(judged.Count);
        foreach (var story in judged)
        {
            WriteText(w, story.Id);
            w.Write7BitEncodedInt(story.LookedAtOriginals);
        }
    }

    private void ReadLookState(BinaryReader r)
    {
        _placedSinceLook = r.Read7BitEncodedInt();
        var touched = r.Read7BitEncodedInt();
        if (touched < 0 || touched > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot look window out of range");
        for (var i = 0; i < touched; i++) _touchedSinceLook.Add(ReadText(r));
        var judged = r.Read7BitEncodedInt();
        if (judged < 0 || judged > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot judged stories out of range");
        for (var i = 0; i < judged; i++)
        {
            var id = ReadText(r);
            _stories[id].LookedAtOriginals = r.Read7BitEncodedInt();
        }
    }

    private SplitProposal? Propose(LiveStory story)
    {
        var members = story.Members;
        var n = members.Count;
        var spread = _options.SplitLocalIdf > 0 ? MemberSpread(members) : null;
        var vectors = new (int Id, double Weight)[n][];
        for (var i = 0; i < n; i++) vectors[i] = MemberVector(members[i], spread, n);
        var similarity = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            similarity[i, i] = 1.0;
            for (var j = i + 1; j < n; j++) similarity[i, j] = similarity[j, i] = Dot(vectors[i], vectors[j]);
        }

        // Seed one side with the oldest sampled member and the other with each member in turn, then settle both sides by
        // average link (each member to the side it is closer to on average): the best-separated settled pair is the split.
        var minGroup = Math.Max(1, _options.SplitMinGroup);
        bool[]? best = null;
        var bestRatio = double.MaxValue;
        var side = new bool[n];
        // The seeds tried: the members least like the oldest, at most SplitSeeds of them.
        var seeds = Enumerable.Range(1, n - 1).OrderBy(i => similarity[i, 0]).ThenBy(static i => i).Take(Math.Max(1, _options.SplitSeeds));
        foreach (var seed in seeds)
        {
            for (var i = 0; i < n; i++) side[i] = similarity[i, seed] > similarity[i, 0];
            side[seed] = true;
            side[0] = false;
            for (var round = 0; round < 8; round++)
            {
                var changed = false;
                for (var i = 0; i < n; i++)
                {
                    var (toNew, toOld) = MeanLinks(similarity, side, i);
                    var next = toNew > toOld;
                    if (next != side[i])
                    {
                        side[i] = next;
                        changed = true;
                    }
                }
                if (!changed) break;
            }
            var newCount = side.Count(static s => s);
            if (newCount < minGroup || n - newCount < minGroup) continue;
            var (within, between) = Cohesion(similarity, side);
            if (!(within > 0)) continue;
            var ratio = between / within;
            if (ratio < bestRatio)
            {
                bestRatio = ratio;
                best = (bool[])side.Clone();
            }
        }
        var specificRatio = best is not null && _options.SplitSpecificBelow > 0 ? SpecificRatio(members, best) : double.NaN;
        if (best is null || !(bestRatio < _options.SplitBelow || (bestRatio < _options.SplitNamesBelow && EachSideHasOwnName(members, best)) || (bestRatio < _options.SplitSpecificBand && specificRatio < _options.SplitSpecificBelow)
            || (bestRatio < _options.SplitWeekdaysBelow && WithinAWeek(members) && WeekdaysDisagree(members, best))
            || (bestRatio < _options.SplitYearsBelow && WithinAWeek(members) && YearsDisagree(members, best)))) return null;

        // The side holding the oldest sampled member keeps the story; the newer side leaves with the copies of its members.
        var keepSide = best[0];
        var leaving = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (best[i] != keepSide) leaving.Add(members[i].ArticleId);
        }
        var moved = new List<string>();
        string? earliest = null;
        foreach (var articleId in story.ArticleIds)
        {
            var live = _articles[articleId];
            var original = live.Assignment.CopyOfArticleId ?? articleId;
            if (!leaving.Contains(original)) continue;
            moved.Add(articleId);
            if (live.Assignment.CopyOfArticleId is null && (earliest is null || IsEarlier(live, _articles[earliest]))) earliest = articleId;
        }
        if (earliest is null || moved.Count >= story.ArticleIds.Count) return null;
        moved.Sort(StringComparer.Ordinal);
        var newId = "s-" + earliest;
        for (var k = 2; _stories.ContainsKey(newId) || string.Equals(newId, story.Id, StringComparison.Ordinal); k++) newId = "s-" + earliest + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SplitProposal(story.Id, newId, moved, _articles[earliest].Title, bestRatio);
    }

    /// <summary>After the last look's splits are applied: pairs of live stories, one of them changed since the look before, whose members are as alike across the two as within each (the newer joins the older).</summary>
    /// <remarks>
    /// The undo of an over-split: reports of one event that differ (a nomination's early rumours and its hearing) start
    /// stories of their own, and each grows. Candidates come from the inverted index over the story's heaviest centroid
    /// terms; the test is the split's, the other way round: the mean cosine between the two stories' latest members over
    /// the lower mean cosine within one, at least <see cref="StoryClustererOptions.MergeAbove"/>. Stories kept apart (by a
    /// split) are not joined, and each story takes part in one merge per look. Pure: apply a proposal with
    /// <see cref="MergeStories"/>.
    /// </remarks>
    public IReadOnlyList<MergeProposal> ProposeMerges()
    {
        var minMembers = _options.MergeMinMembers;
        if (minMembers <= 0 || _lastLook.Count == 0) return [];
        var vectors = new Dictionary<LiveStory, (int Id, double Weight)[][]>();
        var cohesion = new Dictionary<LiveStory, double>();
        var found = new List<(LiveStory From, LiveStory Into, double Ratio)>();
        var seen = new HashSet<(LiveStory, LiveStory)>();
        foreach (var id in _lastLook)
        {
            if (!_stories.TryGetValue(id, out var story) || !Mergeable(story, minMembers)) continue;
            foreach (var other in MergeCandidates(story))
            {
                if (!Mergeable(other, minMembers) || story.Apart.Contains(other.Id)) continue;
                var (a, b) = string.CompareOrdinal(story.Id, other.Id) < 0 ? (story, other) : (other, story);
                if (!seen.Add((a, b))) continue;
                var va = LatestVectors(a, vectors);
                var vb = LatestVectors(b, vectors);
                // A story of one member has no cohesion of its own: the other's stands for both.
                double withinA = Within(a, va, cohesion), withinB = Within(b, vb, cohesion);
                var within = double.IsNaN(withinA) ? withinB : double.IsNaN(withinB) ? withinA : Math.Min(withinA, withinB);
                if (!(within > 0)) continue;
                var between = 0.0;
                foreach (var x in va)
                {
                    foreach (var y in vb) between += Dot(x, y);
                }
                var ratio = between / (va.Length * vb.Length) / within;
                if (ratio < _options.MergeAbove) continue;
                var (into, from) = IsOlder(a, b) ? (a, b) : (b, a);
                found.Add((from, into, ratio));
            }
        }
        if (found.Count == 0) return [];
        found.Sort(static (x, y) => x.Ratio != y.Ratio ? y.Ratio.CompareTo(x.Ratio) : string.CompareOrdinal(x.From.Id, y.From.Id));
        var taken = new HashSet<LiveStory>();
        var proposals = new List<MergeProposal>();
        foreach (var (from, into, ratio) in found)
        {
            if (taken.Contains(from) || taken.Contains(into)) continue;
            taken.Add(from);
            taken.Add(into);
            proposals.Add(new MergeProposal(from.Id, into.Id, ratio));
        }
        return proposals;
    }

    /// <summary>After the last look's splits and merges: members of a story changed since the look before that are nearer on average to another story's members (average link) than to their own story's; each with the story it would join.</summary>
    /// <remarks>
    /// A report placed by its centroid score can sit in the wrong one of two same-kind stories (the first reports of a
    /// second event, placed before that event had a story of its own): its story keeps it unless the look moves it. Each
    /// member counts once per look; the other stories are those <see cref="MergeCandidates"/> finds, kept apart or not.
    /// Pure: apply each with <see cref="Move"/> (originals and their copies).
    /// </remarks>
    public IReadOnlyList<(IReadOnlyList<string> ArticleIds, string FromStoryId, string ToStoryId)> ProposeMoves()
    {
        var minMembers = _options.MoveMinMembers;
        if (minMembers <= 0 || _lastLook.Count == 0) return [];
        var vectors = new Dictionary<LiveStory, (int Id, double Weight)[][]>();
        var moves = new List<(IReadOnlyList<string>, string, string)>();
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in _lastLook)
        {
            if (!_stories.TryGetValue(id, out var story) || !Mergeable(story, minMembers)) continue;
            var own = LatestVectors(story, vectors);
            var others = MergeCandidates(story).Where(o => Mergeable(o, minMembers)).ToList();
            if (others.Count == 0) continue;
            var offset = story.Members.Count - own.Length;
            for (var i = 0; i < own.Length; i++)
            {
                var toOwn = 0.0;
                for (var j = 0; j < own.Length; j++)
                {
                    if (j != i) toOwn += Dot(own[i], own[j]);
                }
                toOwn /= own.Length - 1;
                LiveStory? best = null;
                var bestLink = toOwn * _options.MoveAbove;
                foreach (var other in others)
                {
                    var link = 0.0;
                    var theirs = LatestVectors(other, vectors);
                    foreach (var y in theirs) link += Dot(own[i], y);
                    link /= theirs.Length;
                    if (link > bestLink)
                    {
                        bestLink = link;
                        best = other;
                    }
                }
                if (best is null) continue;
                var original = story.Members[offset + i].ArticleId;
                if (!moved.Add(original)) continue;
                var articles = new List<string> { original };
                foreach (var articleId in story.ArticleIds)
                {
                    if (string.Equals(_articles[articleId].Assignment.CopyOfArticleId, original, StringComparison.Ordinal)) articles.Add(articleId);
                }
                moves.Add((articles, story.Id, best.Id));
            }
        }
        return moves;
    }

    private bool Mergeable(LiveStory story, int minMembers) => story.Members.Count >= minMembers && MeanTerms(story) >= _options.SplitMinTerms;

    /// <summary>Live stories sharing the story's heaviest indexed centroid terms, by partial centroid cosine, best first, at most <see cref="StoryClustererOptions.MergeCandidates"/>.</summary>
    private List<LiveStory> MergeCandidates(LiveStory story)
    {
        var terms = story.Centroid.ToList();
        terms.Sort(static (x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : x.Key.CompareTo(y.Key));
        var partial = new Dictionary<LiveStory, double>();
        var queried = 0;
        foreach (var (id, weight) in terms)
        {
            if (queried >= _options.QueryTerms) break;
            if (!_postings.TryGetValue(id, out var stories) || stories.Count > MaxPostings) continue;
            queried++;
            foreach (var other in stories)
            {
                if (other == story || !(other.NormSquared > 0)) continue;
                ref var score = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(partial, other, out _);
                score += weight * other.Centroid[id] / Math.Sqrt(other.NormSquared);
            }
        }
        var ranked = partial.ToList();
        ranked.Sort(static (x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key.Id, y.Key.Id));
        return ranked.Take(Math.Max(1, _options.MergeCandidates)).Select(static p => p.Key).ToList();
    }

    /// <summary>The unit vectors of the story's latest <see cref="StoryClustererOptions.MergeMembers"/> members, made once per look.</summary>
    private (int Id, double Weight)[][] LatestVectors(LiveStory story, Dictionary<LiveStory, (int Id, double Weight)[][]> made)
    {
        if (made.TryGetValue(story, out var vectors)) return vectors;
        var members = story.Members;
        var take = Math.Min(members.Count, Math.Max(1, _options.MergeMembers));
        vectors = new (int Id, double Weight)[take][];
        for (var i = 0; i < take; i++) vectors[i] = MemberVector(members[members.Count - take + i], null, 0);
        made.Add(story, vectors);
        return vectors;
    }

    /// <summary>The mean cosine between the vectors' pairs; NaN for one vector.</summary>
    private static double Within(LiveStory story, (int Id, double Weight)[][] vectors, Dictionary<LiveStory, double> made)
    {
        if (made.TryGetValue(story, out var within)) return within;
        var sum = 0.0;
        var pairs = 0;
        for (var i = 0; i < vectors.Length; i++)
        {
            for (var j = i + 1; j < vectors.Length; j++)
            {
                sum += Dot(vectors[i], vectors[j]);
                pairs++;
            }
        }
        within = pairs > 0 ? sum / pairs : double.NaN;
        made.Add(story, within);
        return within;
    }

    /// <summary>Whether each side holds a name, place or number that at least half its members state and no member of the other side does.</summary>
    private static bool EachSideHasOwnName(List<StoryMember> members, bool[] side)
    {
        var counts = new Dictionary<int, (int New, int Old)>();
        int newCount = 0, oldCount = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (side[i]) newCount++;
            else oldCount++;
            foreach (var entry in members[i].Terms)
            {
                if (!TermStatistics.IsSpecific(entry.Id)) continue;
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, entry.Id, out _);
                count = side[i] ? (count.New + 1, count.Old) : (count.New, count.Old + 1);
            }
        }
        bool newOwn = false, oldOwn = false;
        foreach (var (held, heldOld) in counts.Values)
        {
            if (heldOld == 0 && 2 * held >= newCount) newOwn = true;
            if (held == 0 && 2 * heldOld >= oldCount) oldOwn = true;
        }
        return newOwn && oldOwn;
    }

    /// <summary>The split's between/within ratio over the members' specifics alone (names, places, facts), each member's unit vector of its specifics.</summary>
    /// <remarks>Two events of one kind share their vocabulary; whether they share their participants is what tells them apart.</remarks>
    private double SpecificRatio(List<StoryMember> members, bool[] side)
    {
        var n = members.Count;
        var vectors = new (int Id, double Weight)[n][];
        for (var i = 0; i < n; i++) vectors[i] = SpecificVector(members[i]);
        var similarity = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            similarity[i, i] = 1.0;
            for (var j = i + 1; j < n; j++) similarity[i, j] = similarity[j, i] = Dot(vectors[i], vectors[j]);
        }
        var (within, between) = Cohesion(similarity, side);
        return within > 0 ? between / within : double.NaN;
    }

    private (int Id, double Weight)[] SpecificVector(StoryMember member)
    {
        var stamp = _extractor.Stamp;
        var vector = new List<(int Id, double Weight)>();
        var norm = 0.0;
        for (var j = 0; j < member.Terms.Length; j++)
        {
            if (!TermStatistics.IsSpecific(member.Terms[j].Id)) continue;
            var weight = member.Frequencies[j] * Idf(member.Terms[j], stamp);
            vector.Add((member.Terms[j].Id, weight));
            norm += weight * weight;
        }
        norm = Math.Sqrt(norm);
        for (var j = 0; j < vector.Count; j++) vector[j] = (vector[j].Id, norm > 0 ? vector[j].Weight / norm : 0);
        return [.. vector];
    }

    /// <summary>Whether the two sides state different days: each side's members that name a weekday (at least two) mostly name one, the two differ, and at most a quarter of either side names the other's.</summary>
    /// <remarks>Reports of one event state the day it happened ("on Thursday"); two events of one kind, weeks or a year apart, rarely fall on the same weekday.</remarks>
    private static bool WeekdaysDisagree(List<StoryMember> members, bool[] side)
    {
        var newDay = MainWeekday(members, side, true);
        var oldDay = MainWeekday(members, side, false);
        if (newDay < 0 || oldDay < 0 || newDay == oldDay) return false;
        int newCount = 0, oldCount = 0, newNamingOld = 0, oldNamingNew = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (side[i])
            {
                newCount++;
                if ((members[i].Weekdays & (1 << oldDay)) != 0) newNamingOld++;
            }
            else
            {
                oldCount++;
                if ((members[i].Weekdays & (1 << newDay)) != 0) oldNamingNew++;
            }
        }
        return newNamingOld * 4 <= newCount && oldNamingNew * 4 <= oldCount;
    }

    /// <summary>Whether the two sides state different latest years: each side's members that state a year (at least two) mostly have one as their latest, the two differ, and no member of either side has the other's.</summary>
    /// <remarks>Stricter than the weekday rule (a quarter): a report's latest year is when it was written or later, so one member of a side having the other side's year is a report of either event written in that year.</remarks>
    private static bool YearsDisagree(List<StoryMember> members, bool[] side)
    {
        var newYear = MainYear(members, side, true);
        var oldYear = MainYear(members, side, false);
        if (newYear == 0 || oldYear == 0 || newYear == oldYear) return false;
        int newCount = 0, oldCount = 0, newHavingOld = 0, oldHavingNew = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if (side[i])
            {
                newCount++;
                if (members[i].LatestYear == oldYear) newHavingOld++;
            }
            else
            {
                oldCount++;
                if (members[i].LatestYear == newYear) oldHavingNew++;
            }
        }
        return newHavingOld == 0 && oldHavingNew == 0;
    }

    /// <summary>The latest year at least half of one side's members (without <paramref name="side"/>: of all) that state a year (at least two of them) have, or 0.</summary>
    private static short MainYear(List<StoryMember> members, bool[]? side, bool newSide)
    {
        var counts = new Dictionary<short, int>();
        var stating = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if ((side is not null && side[i] != newSide) || members[i].LatestYear == 0) continue;
            stating++;
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, members[i].LatestYear, out _);
            count++;
        }
        if (stating < 2) return 0;
        short best = 0;
        var bestCount = 0;
        foreach (var (year, count) in counts)
        {
            if (count > bestCount || (count == bestCount && year > best))
            {
                best = year;
                bestCount = count;
            }
        }
        return bestCount * 2 >= stating ? best : (short)0;
    }

    /// <summary>Whether the members' publication times (those known) lie within a week: a story reported over longer names many weekdays as a matter of course (the Kompas threads).</summary>
    private bool WithinAWeek(List<StoryMember> members)
    {
        DateTimeOffset? first = null, last = null;
        foreach (var member in members)
        {
            if (_articles[member.ArticleId].Published is not { } published) continue;
            if (first is null || published < first) first = published;
            if (last is null || published > last) last = published;
        }
        return first is null || last!.Value - first.Value <= TimeSpan.FromDays(7);
    }

    /// <summary>The weekday at least half of one side's members (without <paramref name="side"/>: of all) that name any weekday name (at least two of them), or -1.</summary>
    private static int MainWeekday(List<StoryMember> members, bool[]? side, bool newSide)
    {
        Span<int> counts = stackalloc int[7];
        var naming = 0;
        for (var i = 0; i < members.Count; i++)
        {
            if ((side is not null && side[i] != newSide) || members[i].Weekdays == 0) continue;
            naming++;
            for (var d = 0; d < 7; d++)
            {
                if ((members[i].Weekdays & (1 << d)) != 0) counts[d]++;
            }
        }
        if (naming < 2) return -1;
        var best = 0;
        for (var d = 1; d < 7; d++)
        {
            if (counts[d] > counts[best]) best = d;
        }
        return counts[best] * 2 >= naming ? best : -1;
    }

    /// <summary>The mean number of terms of the story's sampled members.</summary>
    private static double MeanTerms(LiveStory story)
    {
        var terms = 0L;
        foreach (var member in story.Members) terms += member.Terms.Length;
        return story.Members.Count > 0 ? (double)terms / story.Members.Count : 0.0;
    }

    /// <summary>How many of the members hold each term.</summary>
    private static Dictionary<int, int> MemberSpread(List<StoryMember> members)
    {
        var spread = new Dictionary<int, int>();
        foreach (var member in members)
        {
            foreach (var entry in member.Terms)
            {
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(spread, entry.Id, out _);
                count++;
            }
        }
        return spread;
    }

    /// <summary>A member's terms weighted by the document idf of the moment (specifics by <see cref="StoryClustererOptions.SplitSpecificWeight"/>; with <paramref name="spread"/>, by the story's own idf too), unit length, in id order.</summary>
    /// <remarks>
    /// Within one story the words every member uses (the event type's, and the names both events share: Microsoft,
    /// Internet Explorer) say nothing about which of two groups a member belongs to; the story's own idf,
    /// <c>ln((n + 1) / members holding the term)</c> to the power <see cref="StoryClustererOptions.SplitLocalIdf"/>, leaves
    /// the weight to what only some members state.
    /// </remarks>
    private (int Id, double Weight)[] MemberVector(StoryMember member, Dictionary<int, int>? spread, int members)
    {
        var stamp = _extractor.Stamp;
        var terms = member.Terms;
        var vector = new (int Id, double Weight)[terms.Length];
        var norm = 0.0;
        for (var j = 0; j < terms.Length; j++)
        {
            var weight = member.Frequencies[j] * Idf(terms[j], stamp);
            if (TermStatistics.IsSpecific(terms[j].Id)) weight *= _options.SplitSpecificWeight;
            if (spread is not null) weight *= Math.Pow(Math.Log((members + 1.0) / spread[terms[j].Id]), _options.SplitLocalIdf);
            vector[j] = (terms[j].Id, weight);
            norm += weight * weight;
        }
        norm = Math.Sqrt(norm);
        for (var j = 0; j < vector.Length; j++) vector[j].Weight = norm > 0 ? vector[j].Weight / norm : 0;
        return vector;
    }

    /// <summary>The dot product of two vectors in id order (a merge join).</summary>
    private static double Dot((int Id, double Weight)[] a, (int Id, double Weight)[] b)
    {
        double dot = 0.0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = a[i].Id.CompareTo(b[j].Id);
            if (c == 0) dot += a[i++].Weight * b[j++].Weight;
            else if (c < 0) i++;
            else j++;
        }
        return dot;
    }

    /// <summary>Member <paramref name="i"/>'s mean cosine to the new side's and the old side's other members.</summary>
    private static (double ToNew, double ToOld) MeanLinks(double[,] similarity, bool[] side, int i)
    {
        double toNew = 0.0, toOld = 0.0;
        int newCount = 0, oldCount = 0;
        for (var j = 0; j < side.Length; j++)
        {
            if (j == i) continue;
            if (side[j])
            {
                toNew += similarity[i, j];
                newCount++;
            }
            else
            {
                toOld += similarity[i, j];
                oldCount++;
            }
        }
        return (newCount > 0 ? toNew / newCount : double.MinValue, oldCount > 0 ? toOld / oldCount : double.MinValue);
    }

    /// <summary>The lower of the two sides' mean cosines within, and the mean cosine between them.</summary>
    private static (double Within, double Between) Cohesion(double[,] similarity, bool[] side)
    {
        double inNew = 0.0, inOld = 0.0, between = 0.0;
        long pairsNew = 0, pairsOld = 0, pairsBetween = 0;
        for (var i = 0; i < side.Length; i++)
        {
            for (var j = i + 1; j < side.Length; j++)
            {
                if (side[i] != side[j])
                {
                    between += similarity[i, j];
                    pairsBetween++;
                }
                else if (side[i])
                {
                    inNew += similarity[i, j];
                    pairsNew++;
                }
                else
                {
                    inOld += similarity[i, j];
                    pairsOld++;
                }
            }
        }
        if (pairsNew == 0 || pairsOld == 0 || pairsBetween == 0) return (0.0, 0.0);
        return (Math.Min(inNew / pairsNew, inOld / pairsOld), between / pairsBetween);
    }
}
