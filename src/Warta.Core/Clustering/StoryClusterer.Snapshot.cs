using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Warta.Core.Model;

namespace Warta.Core.Clustering;

/// <summary>Snapshot and restore: a clusterer carried across runs instead of rebuilt by replaying the stream.</summary>
/// <remarks>
/// A snapshot holds everything <see cref="Add"/> reads: the live stories (centroids bit for bit, members with their
/// assignments, outlets, times), the term statistics with the id counter, the near-duplicate index with its sequence
/// counter, the stream clock and last sweep day, the stories each story is kept apart from (editors' splits), and the second
/// look's state (version 6 on), each member's language (version 7 on), the weekdays each sampled member names (version 8 on), the latest year each states (version 9 on). Stories already evicted are not in it, so it is as bounded as the
/// working set. Layout (integers little-endian, counts and ids 7-bit encoded, doubles as their bits, text as its UTF-16
/// code units each 7-bit encoded, so any string round-trips and ASCII takes a byte a character): magic <c>WSCS</c>,
/// format version, options fingerprint, the state, then the SHA-256 of all bytes before it, so a damaged blob is
/// refused rather than read as a different state.
/// </remarks>
public sealed partial class StoryClusterer
{
    /// <summary>Version of the snapshot layout; bump it when the layout or the meaning of the state (features, weights) changes.</summary>
    public const int SnapshotFormatVersion = 9;

    /// <summary>The oldest layout <see cref="Restore"/> still reads: version 5 is version 6 without the second look's state at the end;
    /// version 6 is version 7 without each member's language (read as undetermined, so its stories weigh no language until new members come);
    /// version 7 is version 8 without the weekdays each sampled member names (read as none, so the look's weekday check stays quiet for them);
    /// version 8 is version 9 without the latest year each sampled member states (read as none, so the look's year check stays quiet for them).</summary>
    public const int OldestReadableSnapshotVersion = 5;

    /// <summary>Whether a snapshot of layout <paramref name="version"/> can be restored by this build.</summary>
    public static bool CanRestoreVersion(int version) => version is >= OldestReadableSnapshotVersion and <= SnapshotFormatVersion;

    private static readonly byte[] SnapshotMagic = "WSCS"u8.ToArray();

    /// <summary>Length of the last snapshot made, to size the next one's buffer.</summary>
    private int _lastSnapshotBytes;
    private const int ChecksumBytes = 32;

    /// <summary>The latest publication time seen, or null before the first dated article.</summary>
    public DateTimeOffset? StreamTime => _streamTime == DateTimeOffset.MinValue ? null : _streamTime;

    /// <summary>A short hash of every option value: a snapshot is only restored under the options it was made with.</summary>
    /// <remarks>Reads the properties by reflection, so an option added later is covered without touching this.</remarks>
    public static string OptionsFingerprint(StoryClustererOptions? options)
    {
        options ??= new StoryClustererOptions();
        var text = new StringBuilder();
        foreach (var property in typeof(StoryClustererOptions).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                     .OrderBy(static p => p.Name, StringComparer.Ordinal))
        {
            var value = property.GetValue(options) switch
            {
                null => "null",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                TimeSpan t => t.Ticks.ToString(CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
            text.Append(property.Name).Append('=').Append(value).Append(';');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    /// <summary>The clusterer's state as bytes; <see cref="Restore"/> gives a clusterer that continues exactly as this one would.</summary>
    public byte[] CreateSnapshot() => CreateSnapshotInLayout(SnapshotFormatVersion);

    /// <summary>The state in an older layout (5, 6 or 7), as a build before this one wrote it: for tests of <see cref="Restore"/>.</summary>
    internal byte[] CreateSnapshotInLayout(int formatVersion)
    {
        if (!CanRestoreVersion(formatVersion)) throw new ArgumentOutOfRangeException(nameof(formatVersion), formatVersion, "not a readable layout");
        // Sized as the last one was: a large working set's snapshot (85 MB after 100,000 load records) is otherwise copied
        // through every doubling of the buffer.
        using var buffer = new MemoryStream(_lastSnapshotBytes > 0 ? _lastSnapshotBytes + (_lastSnapshotBytes / 8) : 0);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotMagic);
            w.Write(formatVersion);
            WriteText(w, OptionsFingerprint(_options));
            WriteTime(w, _streamTime);
            w.Write(_lastSweepDay);

            w.Write7BitEncodedInt(_terms.NextId);
            var terms = _terms.Entries.ToArray();
            Array.Sort(terms, static (a, b) => a.Value.Id.CompareTo(b.Value.Id));
            w.Write7BitEncodedInt(terms.Length);
            foreach (var (term, entry) in terms)
            {
                WriteText(w, term);
                w.Write7BitEncodedInt(entry.Id);
                w.Write7BitEncodedInt64(entry.DocumentFrequency);
                w.Write(entry.LastSeenDay);
            }

            var byId = TermsById(terms);
            var stories = _stories.Values.OrderBy(static s => s.Id, StringComparer.Ordinal).ToList();
            w.Write7BitEncodedInt(stories.Count);
            foreach (var story in stories) WriteStory(w, story, byId, formatVersion);

            w.Write7BitEncodedInt64(_copies.NextSequence);
            var indexed = _copies.Indexed.ToList();
            w.Write7BitEncodedInt(indexed.Count);
            foreach (var (articleId, hash, shingles, sequence) in indexed)
            {
                WriteText(w, articleId);
                w.Write(hash);
                w.Write7BitEncodedInt(shingles);
                w.Write7BitEncodedInt64(sequence);
            }

            if (formatVersion >= 6) WriteLookState(w);
        }
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        _lastSnapshotBytes = (int)buffer.Length;
        return buffer.ToArray();
    }

    /// <summary>The term table by id, which only the member samples need (kept for <see cref="StoryClustererOptions.MemberSample"/> and the second look): empty when none are kept.</summary>
    private Dictionary<int, TermEntry> TermsById(IEnumerable<KeyValuePair<string, TermEntry>> terms)
    {
        if (MemberCap <= 0) return [];
        var byId = new Dictionary<int, TermEntry>(_terms.Count);
        foreach (var (_, entry) in terms) byId.Add(entry.Id, entry);
        return byId;
    }

    /// <summary>A clusterer in the state <paramref name="snapshot"/> recorded, under <paramref name="options"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The bytes are not a snapshot, are damaged, have another format version, or were made under other options.
    /// </exception>
    public static StoryClusterer Restore(ReadOnlyMemory<byte> snapshot, StoryClustererOptions? options = null)
    {
        var bytes = snapshot.Span;
        if (bytes.Length < SnapshotMagic.Length + 4 + ChecksumBytes || !bytes[..SnapshotMagic.Length].SequenceEqual(SnapshotMagic))
        {
            throw new InvalidDataException("not a story clusterer snapshot");
        }
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(SnapshotMagic.Length, 4));
        if (!CanRestoreVersion(version))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"snapshot format version {version}, this build reads {OldestReadableSnapshotVersion} to {SnapshotFormatVersion}"));
        }
        var body = bytes[..^ChecksumBytes];
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes[^ChecksumBytes..])) throw new InvalidDataException("snapshot checksum does not match");

        var array = MemoryMarshal.TryGetArray(snapshot, out var segment) ? segment : new ArraySegment<byte>(snapshot.ToArray());
        using var r = new BinaryReader(new MemoryStream(array.Array!, array.Offset, body.Length, writable: false), Encoding.UTF8);
        try
        {
            r.ReadBytes(SnapshotMagic.Length + 4);
            var clusterer = new StoryClusterer(options);
            if (ReadText(r) != OptionsFingerprint(clusterer._options)) throw new InvalidDataException("snapshot was made under other clustering options");
            clusterer.ReadState(r, version);
            clusterer._lastSnapshotBytes = snapshot.Length;
            if (r.BaseStream.Position != body.Length) throw new InvalidDataException("snapshot has bytes after its state");
            return clusterer;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or KeyNotFoundException or FormatException or OverflowException)
        {
            throw new InvalidDataException("snapshot state does not read back: " + e.Message, e);
        }
    }

    private void ReadState(BinaryReader r, int version)
    {
        _streamTime = ReadTime(r);
        _lastSweepDay = r.ReadInt64();

        _terms.RestoreNextId(r.Read7BitEncodedInt());
        var termCount = r.Read7BitEncodedInt();
        if (termCount < 0 || termCount > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot term count out of range");
        // Sized once: restoring a large working set (1.1 million terms, 3.8 million centroid entries after 100,000 load
        // records) spent a third of its time growing these tables. Capacity changes no enumeration order.
        _terms.EnsureCapacity(termCount);
        _postings.EnsureCapacity(termCount);
        for (var i = 0; i < termCount; i++)
        {
            var term = ReadText(r);
            _terms.Restore(term, r.Read7BitEncodedInt(), r.Read7BitEncodedInt64(), r.ReadInt64());
        }

        var byId = TermsById(_terms.Entries);
        var storyCount = r.Read7BitEncodedInt();
        if (storyCount < 0 || storyCount > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot story count out of range");
        var stories = new List<LiveStory>(storyCount);
        for (var i = 0; i < storyCount; i++) stories.Add(ReadStory(r, byId, version));
        RestorePostings(stories);

        _copies.RestoreNextSequence(r.Read7BitEncodedInt64());
        var indexedCount = r.Read7BitEncodedInt();
        for (var i = 0; i < indexedCount; i++)
        {
            var articleId = ReadText(r);
            _copies.Restore(articleId, r.ReadUInt64(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt64());
        }

        // A version 5 snapshot (before the look's state was kept) restores with an empty look state: no placement counted,
        // no story changed since the last look, none judged yet. The looks after it then fall elsewhere than the run that
        // made it would have taken them: exact again from the first checkpoint this build writes.
        if (version >= 6) ReadLookState(r);
    }

    private void WriteStory(BinaryWriter w, LiveStory story, Dictionary<int, TermEntry> byId, int version)
    {
        WriteText(w, story.Id);
        WriteText(w, story.Headline);
        w.Write7BitEncodedInt(story.ArticleCount);
        WriteOptionalTime(w, story.FirstPublished);
        WriteOptionalTime(w, story.LastPublished);
        w.Write(story.NormSquared);
        w.Write(story.SpecificNormSquared);
        w.Write(story.PlaceNormSquared);
        w.Write(story.PersonNormSquared);
        w.Write(story.FactNormSquared);
        w.Write7BitEncodedInt(story.Outlets.Count);
        foreach (var outlet in story.Outlets) WriteText(w, outlet);

        // Term ids ascending, each as the gap from the previous one: most gaps fit one byte.
        var centroid = story.Centroid.OrderBy(static t => t.Key).ToList();
        w.Write7BitEncodedInt(centroid.Count);
        var previous = 0;
        foreach (var (id, weight) in centroid)
        {
            w.Write7BitEncodedInt(id - previous);
            w.Write(weight);
            previous = id;
        }

        w.Write7BitEncodedInt(story.ArticleIds.Count);
        foreach (var articleId in story.ArticleIds)
        {
            // An article keeps the story id it was assigned even after that story merged into this one.
            var assignment = _articles[articleId].Assignment;
            var ownStory = assignment.StoryId == story.Id;
            WriteText(w, articleId);
            w.Write((byte)((ownStory ? 1 : 0) | (assignment.CopyOfArticleId is null ? 0 : 2)));
            if (!ownStory) WriteText(w, assignment.StoryId);
            if (assignment.CopyOfArticleId is { } copyOf) WriteText(w, copyOf);
            w.Write(assignment.Similarity);
            var live = _articles[articleId];
            WriteText(w, live.Title);
            WriteText(w, live.Outlet);
            WriteOptionalTime(w, live.Published);
            if (version >= 7) WriteText(w, live.Language);
        }

        w.Write7BitEncodedInt(story.Apart.Count);
        foreach (var apart in story.Apart) WriteText(w, apart);

        // The member sample: terms in id order, the first id whole, then gaps; a term the table has forgotten carries its counts.
        w.Write7BitEncodedInt(story.Members.Count);
        foreach (var member in story.Members)
        {
            WriteText(w, member.ArticleId);
            w.Write7BitEncodedInt(member.Terms.Length);
            var previousId = 0;
            for (var i = 0; i < member.Terms.Length; i++)
            {
                var entry = member.Terms[i];
                if (i == 0) w.Write(entry.Id);
                else w.Write7BitEncodedInt(entry.Id - previousId);
                previousId = entry.Id;
                w.Write(member.Frequencies[i]);
                var forgotten = !byId.TryGetValue(entry.Id, out var known) || !ReferenceEquals(known, entry);
                w.Write(forgotten);
                if (!forgotten) continue;
                w.Write7BitEncodedInt64(entry.DocumentFrequency);
                w.Write(entry.LastSeenDay);
            }
            if (version >= 8) w.Write(member.Weekdays);
            if (version >= 9) w.Write(member.LatestYear);
        }
    }

    /// <summary>The inverted index term → stories of restored centroids, each posting set made at its final size.</summary>
    /// <remarks>Adding 3.8 million postings one by one (100,000 load records) grew the sets through every doubling: half of
    /// the restore's time. The sets' order does not matter: candidates are ranked by score, then id.</remarks>
    private void RestorePostings(List<LiveStory> stories)
    {
        var counts = new Dictionary<int, int>(_terms.Count);
        foreach (var story in stories)
        {
            foreach (var id in story.Centroid.Keys) CollectionsMarshal.GetValueRefOrAddDefault(counts, id, out _)++;
        }
        foreach (var story in stories)
        {
            foreach (var id in story.Centroid.Keys)
            {
                ref var holders = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, id, out _);
                (holders ??= new HashSet<LiveStory>(counts[id])).Add(story);
            }
        }
    }

    private LiveStory ReadStory(BinaryReader r, Dictionary<int, TermEntry> byId, int version)
    {
        var story = new LiveStory(ReadText(r), ReadText(r))
        {
            ArticleCount = r.Read7BitEncodedInt(),
            FirstPublished = ReadOptionalTime(r),
            LastPublished = ReadOptionalTime(r),
            NormSquared = r.ReadDouble(),
            SpecificNormSquared = r.ReadDouble(),
            PlaceNormSquared = r.ReadDouble(),
            PersonNormSquared = r.ReadDouble(),
            FactNormSquared = r.ReadDouble(),
        };
        _stories.Add(story.Id, story);
        var outlets = r.Read7BitEncodedInt();
        for (var i = 0; i < outlets; i++) story.AddOutlet(ReadText(r));

        var terms = r.Read7BitEncodedInt();
        if (terms < 0 || terms > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot centroid size out of range");
        story.Centroid.EnsureCapacity(terms);
        var id = 0;
        for (var i = 0; i < terms; i++)
        {
            id = checked(id + r.Read7BitEncodedInt());
            story.Centroid.Add(id, r.ReadDouble());
        }

        var articles = r.Read7BitEncodedInt();
        for (var i = 0; i < articles; i++)
        {
            var articleId = ReadText(r);
            var flags = r.ReadByte();
            var storyId = (flags & 1) != 0 ? story.Id : ReadText(r);
            var copyOf = (flags & 2) != 0 ? ReadText(r) : null;
            if (copyOf is null) story.Originals++;
            story.ArticleIds.Add(articleId);
            var assignment = new StoryAssignment(articleId, storyId, copyOf, r.ReadDouble());
            var (title, outlet, published) = (ReadText(r), ReadText(r), ReadOptionalTime(r));
            var language = version >= 7 ? ReadText(r) : "und";
            story.Count("", null, language);
            _articles.Add(articleId, new LiveArticle(assignment, story, title, outlet, published, language));
        }

        var apart = r.Read7BitEncodedInt();
        for (var i = 0; i < apart; i++) story.Apart.Add(ReadText(r));

        var members = r.Read7BitEncodedInt();
        for (var i = 0; i < members; i++)
        {
            var articleId = ReadText(r);
            var count = r.Read7BitEncodedInt();
            if (count < 0 || count > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot member term count out of range");
            var memberTerms = new TermEntry[count];
            var frequencies = new float[count];
            var termId = 0;
            for (var j = 0; j < count; j++)
            {
                termId = j == 0 ? r.ReadInt32() : checked(termId + r.Read7BitEncodedInt());
                frequencies[j] = r.ReadSingle();
                if (r.ReadBoolean())
                {
                    memberTerms[j] = new TermEntry(termId) { DocumentFrequency = r.Read7BitEncodedInt64(), LastSeenDay = r.ReadInt64() };
                }
                else
                {
                    memberTerms[j] = byId.TryGetValue(termId, out var entry) ? entry : throw new InvalidDataException("snapshot member names a term not in the table");
                }
            }
            var weekdays = version >= 8 ? r.ReadByte() : (byte)0;
            story.Members.Add(new StoryMember(articleId, memberTerms, frequencies, weekdays, version >= 9 ? r.ReadInt16() : (short)0));
        }
        return story;
    }

    /// <summary>Sum of the squared weights in term-id order, over all terms and over the specifics.</summary>
    /// <remarks>
    /// A dictionary enumerates in an order shaped by its history of removals (centroid pruning), which a snapshot cannot
    /// carry; summed in that order, a merge after a restore could differ from an uninterrupted run in the last bits.
    /// </remarks>
    private (double All, double Specific, double Place, double Person, double Fact) NormSquaredInIdOrder(Dictionary<int, double> centroid)
    {
        if (_pruned.Length < centroid.Count) _pruned = new (int, double)[Math.Max(centroid.Count, 2 * _pruned.Length)];
        var terms = _pruned.AsSpan(0, centroid.Count);
        var n = 0;
        foreach (var (id, weight) in centroid) terms[n++] = (id, weight);
        terms.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        double normSquared = 0.0, specific = 0.0, place = 0.0, person = 0.0, fact = 0.0;
        foreach (var (id, weight) in terms)
        {
            normSquared += weight * weight;
            if (TermStatistics.IsSpecific(id)) specific += weight * weight;
            if (TermStatistics.IsPlace(id)) place += weight * weight;
            if (TermStatistics.IsPerson(id)) person += weight * weight;
            if (TermStatistics.IsFact(id)) fact += weight * weight;
        }
        return (normSquared, specific, place, person, fact);
    }

    private static void WriteText(BinaryWriter w, string text)
    {
        w.Write7BitEncodedInt(text.Length);
        if (Ascii.IsValid(text))
        {
            // A character below 128 is its own one-byte code: the same bytes, written at once (most terms, ids and titles).
            Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
            Ascii.FromUtf16(text, bytes, out _);
            w.Write(bytes);
            return;
        }
        foreach (var c in text) w.Write7BitEncodedInt(c);
    }

    private static string ReadText(BinaryReader r)
    {
        var length = r.Read7BitEncodedInt();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("snapshot text length out of range");
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = checked((char)r.Read7BitEncodedInt());
        return new string(chars);
    }

    private static void WriteTime(BinaryWriter w, DateTimeOffset time)
    {
        w.Write(time.Ticks);
        w.Write((short)time.TotalOffsetMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader r)
    {
        var ticks = r.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(r.ReadInt16()));
    }

    private static void WriteOptionalTime(BinaryWriter w, DateTimeOffset? time)
    {
        w.Write(time.HasValue);
        if (time is { } t) WriteTime(w, t);
    }

    private static DateTimeOffset? ReadOptionalTime(BinaryReader r) => r.ReadBoolean() ? ReadTime(r) : null;
}
