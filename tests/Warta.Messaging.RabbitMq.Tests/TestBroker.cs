using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>The RabbitMQ broker <c>WARTA_TEST_RABBITMQ</c> names, with queues of a prefix of their own per test, deleted afterwards.</summary>
internal sealed class TestBroker : IAsyncDisposable
{
    /// <summary>The environment variable holding the test broker's AMQP URI.</summary>
    public const string Variable = "WARTA_TEST_RABBITMQ";

    private RabbitMqWorkQueue? _queue;

    private TestBroker(string uri)
    {
        Uri = uri;
    }

    public string Uri { get; }

    /// <summary>The queue names' prefix of this test: tests share the broker, never a queue.</summary>
    public string Prefix { get; } = "wartatest-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The broker, or the calling test skipped with how to get one.</summary>
    public static TestBroker Require()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } uri)
        {
            Assert.Skip($"{Variable} is not set: the work queue tests need a broker (run `eval \"$(scripts/rabbitmq-test-server start)\"`; CI starts one)");
            throw new InvalidOperationException("unreachable");
        }
        return new TestBroker(uri);
    }

    /// <summary>This test's queues, declared (the documents queue with <paramref name="deliveryLimit"/> when this call makes it).</summary>
    public async Task<RabbitMqWorkQueue> QueueAsync(int deliveryLimit = RabbitMqWorkQueue.DefaultDeliveryLimit) =>
        _queue ??= await RabbitMqWorkQueue.ConnectAsync(Uri, Prefix, "warta tests", cancellationToken: TestContext.Current.CancellationToken, deliveryLimit: deliveryLimit);

    public async ValueTask DisposeAsync()
    {
        if (_queue is null) return;
        await _queue.DeleteQueuesAsync();
        await _queue.DisposeAsync();
    }
}
