using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Core.Storage;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Pipeline;

public sealed class PlacementWriterTests
{
    /// <summary>Records the batches it is given; the batch holding <c>failOnId</c> throws.</summary>
    private sealed class RecordingStore(string? failOnId = null) : IStoryStore
    {
        public List<string> Written { get; } = [];

        public IReadOnlyList<bool> SavePlaced(
            IReadOnlyList<Article> articles, IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges)
        {
            if (articles.Any(a => a.Id == failOnId)) throw new InvalidOperationException("disk full");
            // A slow store: the producer must wait for it rather than have batches dropped or reordered.
            Thread.Sleep(5);
            Written.AddRange(articles.Select(static a => a.Id));
            return [.. articles.Select(static _ => true)];
        }

        public void SaveBatch(
            IReadOnlyList<StoryAssignment> assignments, IReadOnlyList<Story> stories, IReadOnlyList<StoryMerge> merges, ClustererCheckpoint? checkpoint = null) =>
            throw new NotSupportedException();

        public Story? GetStory(string id) => throw new NotSupportedException();

        public IReadOnlyList<Story> ListStories() => throw new NotSupportedException();

        public IReadOnlyList<StoryAssignment> GetAssignments(string storyId) => throw new NotSupportedException();

        public StoryAssignment? GetAssignment(string articleId) => throw new NotSupportedException();

        public IReadOnlyList<StoryMerge> ListMerges() => throw new NotSupportedException();

        public ClustererCheckpoint? GetCheckpoint() => throw new NotSupportedException();

        public int CountPlaced() => throw new NotSupportedException();

        public IReadOnlyList<Article> ListUnplaced() => throw new NotSupportedException();
    }

    private static void Write(PlacementWriter writer, params string[] ids) =>
        writer.Write([.. ids.Select(static id => SampleArticles.Make(id))], [], [], []);

    [Fact]
    public void Should_store_every_batch_in_the_order_written_when_completed()
    {
        var store = new RecordingStore();
        using var writer = new PlacementWriter(store, pendingBatches: 1);

        for (var i = 0; i < 20; i++) Write(writer, $"a{i}", $"b{i}");
        writer.Complete();

        Assert.Equal(Enumerable.Range(0, 20).SelectMany(static i => new[] { $"a{i}", $"b{i}" }), store.Written);
    }

    [Fact]
    public void Should_rethrow_a_failed_write_and_store_nothing_after_it()
    {
        var store = new RecordingStore(failOnId: "bad");
        using var writer = new PlacementWriter(store, pendingBatches: 1);

        var failure = Record.Exception(() =>
        {
            Write(writer, "a1");
            Write(writer, "bad");
            for (var i = 0; i < 50; i++) Write(writer, $"late{i}");
            writer.Complete();
        });

        Assert.Equal("disk full", Assert.IsType<InvalidOperationException>(failure).Message);
        Assert.Equal(["a1"], store.Written);
    }
}
