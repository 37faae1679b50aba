using Warta.Testing;
using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The commands an operator types: <c>warta ingest --queue</c> and <c>warta worker status</c>, and their one-line refusals.</summary>
public sealed class WorkerCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_say_in_one_line_that_no_work_queue_is_configured()
    {
        var (exitCode, _, error) = await WartaProcess.RunAsync(_folder.Path, new Dictionary<string, string?>(), "worker", "status");

        Assert.Equal(2, exitCode);
        Assert.Equal("warta: no work queue is configured (--queue amqp://…, WARTA_QUEUE or \"queue\" in warta.json)\n", error);
    }

    [Fact]
    public async Task Should_refuse_a_broker_that_does_not_answer_in_one_line_without_its_password()
    {
        var (exitCode, output, error) = await WartaProcess.RunAsync(
            _folder.Path, new Dictionary<string, string?>(), "ingest", SampleCorpus.Folder, "--queue", "amqp://redaksi:rahasia@127.0.0.1:1/");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("warta: work queue 'amqp://redaksi@127.0.0.1:1/': ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("rahasia", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_publish_the_sample_corpus_with_ingest_and_show_it_waiting_in_worker_status()
    {
        await using var broker = TestBroker.Require();
        await broker.QueueAsync();
        var environment = new Dictionary<string, string?> { ["WARTA_QUEUEPREFIX"] = broker.Prefix };
        var documents = SampleCorpus.Documents().Count;

        var ingest = await WartaProcess.RunAsync(_folder.Path, environment, "ingest", SampleCorpus.Folder, "--queue", broker.Uri);
        var status = await WartaProcess.RunAsync(_folder.Path, environment, "worker", "status", "--queue", broker.Uri);

        Assert.Equal((0, ""), (ingest.ExitCode, ingest.Error));
        Assert.Equal($"published {documents} documents to {RabbitMqWorkQueue.Describe(broker.Uri)}, failed 0\n", ingest.Output);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"documents: {documents} waiting, 0 annotators\n", status.Output, StringComparison.Ordinal);
        Assert.Contains("dead letters: 0\n", status.Output, StringComparison.Ordinal);
    }
}
