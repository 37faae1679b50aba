using Npgsql;
using Warta.Core.Model;
using Warta.Core.Storage;
using Warta.Core.Stories.Corrections;

namespace Warta.Storage.Postgres;

public sealed partial class PostgresStore
{
    private const string CorrectionColumns = "seq, kind, story_id, target_story_id, article_ids_json, by_name, at_utc_ticks, at_offset_minutes";

    public Task<IReadOnlyList<PlacedArticle>> GetPlacedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return Task.FromResult<IReadOnlyList<PlacedArticle>>([]);
        return Read<PlacedArticle>(QueryAsync(
            $"SELECT {PrefixedArticleColumns}, s.placed_seq, s.story_id, s.copy_of_article_id, s.similarity " +
            "FROM story_assignments s JOIN articles ON articles.id = s.article_id WHERE s.article_id = ANY(@ids) ORDER BY s.placed_seq",
            ReadPlaced, cancellationToken, P("ids", ids)));
    }

    /// <remarks>As the embedded store applies it (see <c>SqliteStore.ApplyCorrectionAsync</c>): a merge adds a merge record
    /// with no deciding article and a <see cref="StoreChangeKind.StoriesMerged"/> change; a split or a move reassigns the
    /// articles, keeping the story each was placed in for a replay; then the <see cref="StoreChangeKind.StoryCorrected"/> change.</remarks>
    public Task<StoryCorrection> ApplyCorrectionAsync(
        StoryCorrection correction, IReadOnlyList<Story> stories, ClustererCheckpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(stories);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(InTransaction((connection, transaction) =>
        {
            using var changes = new ChangeWriter(connection, transaction);
            string? leavingHeadline = null;
            if (correction.Kind == StoryCorrectionKind.Merge)
            {
                Execute(connection, transaction,
                    "INSERT INTO story_merges (from_story_id, into_story_id, article_id, similarity) VALUES (@from, @into, '', 1.0)",
                    P("from", correction.StoryId), P("into", correction.TargetStoryId));
                changes.Append(StoreChangeKind.StoriesMerged, "", correction.TargetStoryId, correction.StoryId);
            }
            else
            {
                if (correction.Kind == StoryCorrectionKind.Split)
                {
                    Execute(connection, transaction,
                        $"INSERT INTO stories ({StoryColumns}, updated_seq) VALUES (@id, '', 0, '[]', NULL, NULL, NULL, NULL, 0)", P("id", correction.TargetStoryId));
                }
                leavingHeadline = HeadlineLeaving(correction, connection, transaction);
                foreach (var id in correction.ArticleIds)
                {
                    var moved = Execute(connection, transaction,
                        "UPDATE story_assignments SET placed_story_id = coalesce(placed_story_id, story_id), story_id = @target WHERE article_id = @article",
                        P("article", id), P("target", correction.TargetStoryId));
                    if (moved != 1) throw new InvalidOperationException($"article {id} is not placed");
                    changes.Append(StoreChangeKind.ArticlePlaced, id, correction.TargetStoryId, null);
                }
            }
            var sequence = changes.Append(
                StoreChangeKind.StoryCorrected, correction.Kind == StoryCorrectionKind.Move ? correction.ArticleIds[0] : "", correction.TargetStoryId, correction.StoryId);
            Execute(connection, transaction,
                $"INSERT INTO story_corrections ({CorrectionColumns}) VALUES (@seq, @kind, @story, @target, @articles, @by, @ticks, @offset)",
                P("seq", sequence), P("kind", (int)correction.Kind), P("story", correction.StoryId), P("target", correction.TargetStoryId),
                P("articles", StoreJson.Strings(correction.ArticleIds)), P("by", correction.By), P("ticks", correction.At.UtcTicks),
                P("offset", (int)correction.At.Offset.TotalMinutes));
            var updated = NextStoryUpdate(connection, transaction);
            var given = stories.Select(static s => s.Id).ToHashSet(StringComparer.Ordinal);
            // A merge leaves the merged story's row as it was (reads fold it); the stories that gained or lost articles are made again.
            if (correction.Kind != StoryCorrectionKind.Merge && !given.Contains(correction.StoryId)) RecomputeStory(correction.StoryId, leavingHeadline, updated, connection, transaction);
            if (!given.Contains(correction.TargetStoryId)) RecomputeStory(correction.TargetStoryId, correction.Kind == StoryCorrectionKind.Split ? "" : null, updated, connection, transaction);
            if (stories.Count > 0) WriteStories([], stories, [], changes, connection, transaction);
            changes.Finish();
            if (checkpoint is not null) WriteCheckpoint(checkpoint, sequence, connection, transaction);
            return correction with { Sequence = sequence };
        }));
    }

    /// <summary>The headline of the story the articles leave, when one of them has it as its title (so it must change); otherwise null.</summary>
    private static string? HeadlineLeaving(StoryCorrection correction, NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        Query(connection, transaction,
            "SELECT st.headline FROM stories st WHERE st.id = @story AND EXISTS (SELECT 1 FROM articles a WHERE a.id = ANY(@ids) AND a.title = st.headline)",
            static r => r.GetString(0), P("story", correction.StoryId), P("ids", correction.ArticleIds)).FirstOrDefault();

    public Task<IReadOnlyList<StoryCorrection>> ListCorrectionsSinceAsync(long sequence, CancellationToken cancellationToken = default) =>
        Read<StoryCorrection>(QueryAsync($"SELECT {CorrectionColumns} FROM story_corrections WHERE seq > @seq ORDER BY seq", ReadCorrection, cancellationToken, P("seq", sequence)));

    public Task<IReadOnlyList<StoryCorrection>> ListCorrectionsAsync(string storyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        return Read<StoryCorrection>(QueryAsync(
            $"SELECT {CorrectionColumns} FROM story_corrections WHERE story_id = @story OR target_story_id = @story ORDER BY seq",
            ReadCorrection, cancellationToken, P("story", storyId)));
    }

    public Task<IReadOnlyList<SequencedMerge>> ListOrphanMergesSinceAsync(long sequence, CancellationToken cancellationToken = default) =>
        Read<SequencedMerge>(QueryAsync(
            "SELECT c.seq, c.from_story_id, c.story_id, c.article_id FROM changes c WHERE c.kind = @kind AND c.seq > @seq AND c.article_id <> '' " +
            "AND c.from_story_id IS NOT NULL AND c.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM story_assignments s WHERE s.article_id = c.article_id) ORDER BY c.seq",
            static r => new SequencedMerge(r.GetInt64(0), new StoryMerge(r.GetString(1), r.GetString(2), r.GetString(3), 0)),
            cancellationToken, P("kind", (int)StoreChangeKind.StoriesMerged), P("seq", sequence)));

    private static StoryCorrection ReadCorrection(NpgsqlDataReader reader)
    {
        var at = new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt32(7)));
        return new StoryCorrection(
            reader.GetInt64(0), (StoryCorrectionKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
            Deserialize(reader.GetString(4), StoreJsonContext.Default.ListString), reader.GetString(5), at);
    }
}
