using Warta.Core.Ingestion;
using Warta.Core.Model;
using Warta.Core.Pipeline;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Pipeline;

public sealed class IngestPipelineTests
{
    private static RawDocument Doc(string source) => new(source, "x"u8.ToArray());

    /// <summary>A reader scripted per source: each source maps to its outcomes.</summary>
    private static Func<RawDocument, IReadOnlyList<IngestOutcome>> Reader(Dictionary<string, IngestOutcome[]> script) =>
        document => script[document.Source];

    private sealed class TitleStage(string suffix) : IArticleStage
    {
        public string Name => "title" + suffix;

        public Article Process(Article article) => article with { Title = article.Title + suffix };
    }

    private sealed class ThrowingStage(string failOnId) : IArticleStage
    {
        public string Name => "picky";

        public Article Process(Article article) =>
            article.Id == failOnId ? throw new InvalidOperationException("no " + failOnId) : article;
    }

    /// <summary>Waits until two articles are inside it at once (or a timeout), so a test can see the stage ran in parallel.</summary>
    private sealed class MeetingStage : IArticleStage
    {
        private int _inside;

        public int MostInside { get; private set; }

        public string Name => "meeting";

        public Article Process(Article article)
        {
            var now = Interlocked.Increment(ref _inside);
            lock (this) MostInside = Math.Max(MostInside, now);
            SpinWait.SpinUntil(() => Volatile.Read(ref _inside) >= 2, TimeSpan.FromSeconds(2));
            Interlocked.Decrement(ref _inside);
            return article.Id == "c" ? throw new InvalidOperationException("no c") : article;
        }
    }

    [Fact]
    public void Should_run_stages_in_parallel_yet_store_report_and_count_in_input_order()
    {
        // Given three documents, one with two records, one that cannot be read, and a stage that fails on one article
        var script = new Dictionary<string, IngestOutcome[]>
        {
            ["1.jsonl"] = [IngestOutcome.Of(SampleArticles.Make("a")), IngestOutcome.Of(SampleArticles.Make("b"))],
            ["3.txt"] = [IngestOutcome.Of(SampleArticles.Make("c"))],
            ["4.txt"] = [IngestOutcome.Of(SampleArticles.Make("d"))],
        };
        IReadOnlyList<IngestOutcome> Read(RawDocument d) => d.Source == "2.bin" ? throw new InvalidDataException("binary") : script[d.Source];
        var parallel = new IngestPipeline(Read, new InMemoryArticleStore(), [new MeetingStage()]);
        var stage = (MeetingStage)parallel.Stages[0];
        string[] sources = ["1.jsonl", "2.bin", "3.txt", "4.txt"];

        // When ingested with parallel stages, and again one article at a time
        var errors = new List<string>();
        var progress = new List<string>();
        var summary = parallel.IngestAll(sources.Select(Doc), new SyncProgress(p => progress.Add(p.LastSource)), e => errors.Add(e.ToString()));
        var sequentialErrors = new List<string>();
        var sequential = new IngestPipeline(Read, new InMemoryArticleStore(), [new ThrowingStage("c")]) { MaxParallelism = 1 }
            .IngestAll(sources.Select(Doc), null, e => sequentialErrors.Add(e.ToString()));

        // Then two articles were staged at once, and counts, errors and progress are those of one-at-a-time, in input order
        Assert.True(stage.MostInside >= 2, "the stage never ran for two articles at once");
        Assert.Equal(new IngestSummary(5, 3, 0, 2), summary);
        Assert.Equal(sequential, summary);
        Assert.Equal(sources, progress);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("2.bin: could not be read", errors[0], StringComparison.Ordinal);
        Assert.Contains("stage 'meeting' failed: no c", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("2.bin: could not be read", sequentialErrors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_store_new_articles_and_count_read_new_duplicate_and_failed()
    {
        var store = new InMemoryArticleStore();
        store.TryAdd(SampleArticles.Make("old"));
        var reader = Reader(new()
        {
            ["feed.jsonl"] =
            [
                IngestOutcome.Of(SampleArticles.Make("a")),
                IngestOutcome.Of(SampleArticles.Make("old")),
                IngestOutcome.Failed(new IngestError("feed.jsonl", "line 3", "not JSON")),
                IngestOutcome.Of(SampleArticles.Make("a")),
            ],
        });
        var errors = new List<IngestError>();

        var summary = new IngestPipeline(reader, store, []).Ingest(Doc("feed.jsonl"), errors.Add);

        Assert.Equal(new IngestSummary(4, 1, 2, 1), summary);
        Assert.Equal("read 4, new 1, duplicate 2, failed 1", summary.ToString());
        Assert.Equal(["a", "old"], store.List().Select(static a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal("feed.jsonl (line 3): not JSON", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Should_run_the_stages_in_the_order_given_before_storing()
    {
        var store = new InMemoryArticleStore();
        var reader = Reader(new() { ["p.txt"] = [IngestOutcome.Of(SampleArticles.Make("a", title: "T"))] });

        new IngestPipeline(reader, store, [new TitleStage("1"), new TitleStage("2")]).Ingest(Doc("p.txt"));

        Assert.Equal("T12", store.Get("a")!.Title);
    }

    [Fact]
    public void Should_fail_only_the_record_a_stage_throws_on_and_name_the_stage()
    {
        var store = new InMemoryArticleStore();
        var reader = Reader(new() { ["f"] = [IngestOutcome.Of(SampleArticles.Make("a")), IngestOutcome.Of(SampleArticles.Make("b"))] });
        var errors = new List<IngestError>();

        var summary = new IngestPipeline(reader, store, [new ThrowingStage("a")]).Ingest(Doc("f"), errors.Add);

        Assert.Equal(new IngestSummary(2, 1, 0, 1), summary);
        Assert.False(store.Contains("a"));
        Assert.True(store.Contains("b"));
        Assert.Contains("stage 'picky' failed: no a", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_the_store_unchanged_when_a_whole_file_fails()
    {
        var store = new InMemoryArticleStore();
        store.TryAdd(SampleArticles.Make("kept"));
        var reader = Reader(new() { ["bad.html"] = [IngestOutcome.Failed(new IngestError("bad.html", null, "no body"))] });

        var summary = new IngestPipeline(reader, store, []).Ingest(Doc("bad.html"));

        Assert.Equal(IngestSummary.OneFailed, summary);
        Assert.Equal(["kept"], store.List().Select(static a => a.Id));
        Assert.Equal(0, store.Batches);
    }

    [Fact]
    public void Should_turn_a_reader_that_throws_into_one_failed_document()
    {
        var store = new InMemoryArticleStore();
        var errors = new List<IngestError>();

        var summary = new IngestPipeline(_ => throw new NotSupportedException("boom"), store, []).Ingest(Doc("x.bin"), errors.Add);

        Assert.Equal(IngestSummary.OneFailed, summary);
        Assert.Equal("x.bin: could not be read: boom", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Should_store_each_document_in_one_batch_and_report_progress_after_each()
    {
        var store = new InMemoryArticleStore();
        var reader = Reader(new()
        {
            ["1"] = [IngestOutcome.Of(SampleArticles.Make("a")), IngestOutcome.Of(SampleArticles.Make("b"))],
            ["2"] = [IngestOutcome.Of(SampleArticles.Make("b"))],
        });
        var reports = new List<IngestProgress>();

        var summary = new IngestPipeline(reader, store, []).IngestAll([Doc("1"), Doc("2")], new SyncProgress(reports.Add));

        Assert.Equal(new IngestSummary(3, 2, 1, 0), summary);
        Assert.Equal(2, store.Batches);
        Assert.Equal([(1, "1"), (2, "2")], reports.Select(static r => (r.DocumentsDone, r.LastSource)));
        Assert.Equal(summary, reports[^1].Summary);
    }

    [Fact]
    public void Should_count_everything_as_duplicate_when_the_same_inputs_are_ingested_again()
    {
        var store = new InMemoryArticleStore();
        var reader = Reader(new() { ["1"] = [IngestOutcome.Of(SampleArticles.Make("a")), IngestOutcome.Of(SampleArticles.Make("b"))] });
        var pipeline = new IngestPipeline(reader, store, []);
        pipeline.Ingest(Doc("1"));

        var again = pipeline.Ingest(Doc("1"));

        Assert.Equal(new IngestSummary(2, 0, 2, 0), again);
        Assert.Equal(2, store.Count());
    }

    /// <summary>Reports synchronously; <see cref="Progress{T}"/> posts to the thread pool, which would race the asserts.</summary>
    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
