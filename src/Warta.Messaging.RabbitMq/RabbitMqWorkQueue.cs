using System.Diagnostics.CodeAnalysis;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Warta.Core.Ingestion;
using Warta.Core.Messaging;
using Warta.Core.Model;

namespace Warta.Messaging.RabbitMq;

/// <summary>The work queue on a RabbitMQ broker: three durable queues, persistent messages, publisher confirms, manual acknowledgements.</summary>
/// <remarks>
/// <para><c>{prefix}.documents</c> holds raw documents for any number of annotators; <c>{prefix}.articles</c> holds
/// annotated articles and is a single-active-consumer queue (<c>x-single-active-consumer</c>), so one placer takes them
/// in the order they were published and another placer attached to it stands by until the first goes away;
/// <c>{prefix}.dead</c> holds what could not be handled, each message with its error in the <see cref="ErrorHeader"/> header
/// and its queue in <see cref="QueueHeader"/>. The two work queues also dead-letter there through the broker
/// (<c>x-dead-letter-routing-key</c>).</para>
/// <para>The documents queue is a quorum queue with a delivery limit (<c>x-delivery-limit</c>): the broker counts every
/// delivery that came back unsettled (its consumer's channel closed: the annotator crashed or was killed), across
/// processes, and dead-letters a message past the limit. So a document that kills its annotator every time is set
/// aside after <see cref="DeliveryLimit"/> crashes instead of killing every annotator for ever. A documents queue that
/// already exists is used as it is (its existence asked first): one made by an earlier Warta stays a classic queue
/// without the limit, and a changed limit applies to new queues only (<c>rabbitmqctl set_policy</c> with
/// <c>delivery-limit</c> changes it on existing ones). The articles queue stays classic, without a limit (see
/// <see cref="DeclareAsync"/>).</para>
/// <para>A dropped connection (the broker restarted, the network cut) is opened again, with a growing pause between tries,
/// for up to <see cref="ReconnectTimeout"/>: a publish not confirmed is published again on the new connection (a copy the
/// broker had already taken is harmless: documents and articles are handled idempotently), and each consumer takes up its
/// queue again (see <see cref="RabbitMqConsumer{T}"/>: deliveries of the old channel are void, and the broker hands their
/// messages out again). The client's own automatic recovery is off so that this one place decides what a lost publish or
/// a stale delivery tag means. Only the first connection fails at once, so a command with a wrong URI says so quickly.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711", Justification = "It is a message queue, named after the seam it implements (IWorkQueue).")]
public sealed class RabbitMqWorkQueue : IWorkQueue
{
    /// <summary>The header a dead letter's error is in.</summary>
    public const string ErrorHeader = "warta-error";

    /// <summary>The header naming the queue a dead letter came from.</summary>
    public const string QueueHeader = "warta-queue";

    /// <summary>The queue names' prefix when none is configured.</summary>
    public const string DefaultPrefix = "warta";

    /// <summary>Deliveries that come back unsettled before the broker sets a message aside, when the caller does not say.</summary>
    /// <remarks>A worker's ordinary restarts (a store or broker outage, a deploy) hand back what it held once each; ten leaves
    /// room for those and still stops a message that kills its worker within minutes under a supervisor's restarts.</remarks>
    public const int DefaultDeliveryLimit = 10;

    /// <summary>Longest error kept in a dead letter's header; a stack of nested messages stays readable and the frame small.</summary>
    private const int MaxErrorChars = 2000;

    /// <summary>The first pause before connecting again; it doubles up to <see cref="MaxReconnectDelayMs"/>.</summary>
    private const int FirstReconnectDelayMs = 200;

    private const int MaxReconnectDelayMs = 3000;

    /// <summary>How long a dropped connection is tried again when the caller does not say.</summary>
    public static readonly TimeSpan DefaultReconnectTimeout = TimeSpan.FromSeconds(60);

    private readonly ConnectionFactory _factory;
    /// <summary>One reconnection at a time: the publisher and every consumer notice the same drop.</summary>
    private readonly SemaphoreSlim _reconnecting = new(1, 1);
    private IConnection _connection;
    private IChannel _publisher;
    private int _reconnects;

    private RabbitMqWorkQueue(ConnectionFactory factory, IConnection connection, IChannel publisher, string location, string prefix, TimeSpan reconnectTimeout, int deliveryLimit)
    {
        DeliveryLimit = deliveryLimit;
        _factory = factory;
        _connection = connection;
        _publisher = publisher;
        Location = location;
        ReconnectTimeout = reconnectTimeout;
        DocumentsQueue = prefix + ".documents";
        ArticlesQueue = prefix + ".articles";
        DeadLetterQueue = prefix + ".dead";
    }

    public string Location { get; }

    /// <summary>The <c>x-delivery-limit</c> of work queues this process declares (an existing queue keeps its own).</summary>
    public int DeliveryLimit { get; }

    /// <summary>How long a dropped connection is tried again before the queue gives up (<see cref="WorkQueueUnavailableException"/>).</summary>
    public TimeSpan ReconnectTimeout { get; }

    /// <summary>Connections opened again after a drop so far.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    public string DocumentsQueue { get; }

    public string ArticlesQueue { get; }

    public string DeadLetterQueue { get; }

    /// <summary>Connects to the broker at <paramref name="uri"/> (<c>amqp://user:password@host:port/vhost</c>) and declares the queues.</summary>
    /// <param name="uri">The broker.</param>
    /// <param name="prefix">Names the queues (<c>{prefix}.documents</c>, …): several pipelines may share one broker.</param>
    /// <param name="clientName">Shown in the broker's connection list.</param>
    /// <param name="reconnectTimeout">How long a connection dropped later is tried again (default <see cref="DefaultReconnectTimeout"/>).</param>
    /// <param name="deliveryLimit">The documents queue's delivery limit when this call creates it (default <see cref="DefaultDeliveryLimit"/>).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="WorkQueueUnavailableException">The URI is not an AMQP URI, or the broker cannot be reached or refuses.</exception>
    public static async Task<RabbitMqWorkQueue> ConnectAsync(
        string uri, string prefix = DefaultPrefix, string clientName = "warta", TimeSpan? reconnectTimeout = null, int deliveryLimit = DefaultDeliveryLimit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(deliveryLimit, 1);
        var location = Describe(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != "amqp" && parsed.Scheme != "amqps"))
        {
            throw new WorkQueueUnavailableException(location, "not an amqp:// or amqps:// URI");
        }
        var factory = new ConnectionFactory
        {
            Uri = parsed,
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        IConnection? connection = null;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            var publisher = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken).ConfigureAwait(false);
            var queue = new RabbitMqWorkQueue(factory, connection, publisher, location, prefix, reconnectTimeout ?? DefaultReconnectTimeout, deliveryLimit);
            await queue.DeclareAsync(publisher, cancellationToken).ConfigureAwait(false);
            return queue;
        }
        catch (Exception ex) when (IsConnectionLoss(ex) || ex is RabbitMQClientException)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            throw new WorkQueueUnavailableException(location, ex.InnerException?.Message ?? ex.Message, ex);
        }
    }

    /// <summary>The URI as messages show it: <c>amqp://user@host:port/vhost</c>, without the password.</summary>
    public static string Describe(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed)) return "(not a URI)";
        var user = parsed.UserInfo.Split(':')[0];
        return $"{parsed.Scheme}://{(user.Length > 0 ? user + "@" : "")}{parsed.Host}:{(parsed.IsDefaultPort ? 5672 : parsed.Port)}{parsed.AbsolutePath}";
    }

    /// <summary>Whether <paramref name="exception"/> says the connection or channel went away (worth connecting again), not that the broker refused something.</summary>
    internal static bool IsConnectionLoss(Exception exception) =>
        exception is BrokerUnreachableException or ConnectFailureException or AlreadyClosedException or OperationInterruptedException
            or IOException or System.Net.Sockets.SocketException or TimeoutException;

    /// <summary>The open connection and the publishing channel, opened again first when the broker dropped them.</summary>
    /// <exception cref="WorkQueueUnavailableException">The broker did not come back within <see cref="ReconnectTimeout"/>.</exception>
    internal async Task<(IConnection Connection, IChannel Publisher)> ConnectedAsync(CancellationToken cancellationToken)
    {
        var (connection, publisher) = (Volatile.Read(ref _connection), Volatile.Read(ref _publisher));
        if (connection.IsOpen && publisher.IsOpen) return (connection, publisher);
        await _reconnecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deadline = DateTime.UtcNow + ReconnectTimeout;
            var delayMs = FirstReconnectDelayMs;
            while (true)
            {
                // Another caller may have reconnected while this one waited for the semaphore.
                if (_connection.IsOpen && _publisher.IsOpen) return (_connection, _publisher);
                try
                {
                    if (!_connection.IsOpen)
                    {
                        var old = _connection;
                        _connection = await _factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
                        await ForgetAsync(old).ConfigureAwait(false);
                        Interlocked.Increment(ref _reconnects);
                    }
                    var oldPublisher = _publisher;
                    var fresh = await _connection.CreateChannelAsync(
                        new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken).ConfigureAwait(false);
                    // Declared again: a broker that lost its state (a new node) gets the queues back before anything is published.
                    await DeclareAsync(fresh, cancellationToken).ConfigureAwait(false);
                    _publisher = fresh;
                    await ForgetAsync(oldPublisher).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsConnectionLoss(ex))
                {
                    if (DateTime.UtcNow + TimeSpan.FromMilliseconds(delayMs) > deadline)
                    {
                        throw new WorkQueueUnavailableException(
                            Location, $"the connection dropped and the broker did not take a new one within {ReconnectTimeout.TotalSeconds:0.#} s ({ex.InnerException?.Message ?? ex.Message})", ex);
                    }
                    await Task.Delay(delayMs, cancellationToken).ConfigureAwait(false);
                    delayMs = Math.Min(delayMs * 2, MaxReconnectDelayMs);
                }
            }
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    /// <summary>Releases a dropped connection or channel without asking the broker (it is gone).</summary>
    private static async Task ForgetAsync(IAsyncDisposable dropped)
    {
        try
        {
            await dropped.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionLoss(ex))
        {
            // Nothing left to release but the object.
        }
    }

    private async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        var toDead = new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = DeadLetterQueue,
        };
        var quorum = new Dictionary<string, object?>(toDead) { ["x-queue-type"] = "quorum", ["x-delivery-limit"] = DeliveryLimit };
        await DeclareWorkQueueAsync(channel, DocumentsQueue, quorum, cancellationToken).ConfigureAwait(false);
        // Classic, without a delivery limit: the placer hands back every article of its unsettled flush whenever it starts
        // over (a store outage, a full disk), and those restarts must never count an article towards the dead letters.
        var single = new Dictionary<string, object?>(toDead) { ["x-single-active-consumer"] = true };
        await channel.QueueDeclareAsync(ArticlesQueue, durable: true, exclusive: false, autoDelete: false, arguments: single, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Declares a work queue that does not exist yet; one that does is used as it is, whatever it was declared with.</summary>
    /// <remarks>Declaring an existing queue with other arguments (a classic queue of an earlier Warta, another delivery
    /// limit) would close the channel with PRECONDITION_FAILED, so its existence is asked first, on a channel of its own
    /// (a passive declaration of a missing queue closes its channel).</remarks>
    private async Task DeclareWorkQueueAsync(IChannel channel, string queue, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var probe = await _connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            // Not there yet: declared below.
        }
        finally
        {
            await ForgetAsync(probe).ConfigureAwait(false);
        }
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task PublishDocumentsAsync(IReadOnlyList<RawDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return PublishAsync(DocumentsQueue, documents.Select(static d => (DocumentMessage.Encode(d), (IDictionary<string, object?>?)null)), cancellationToken);
    }

    public Task PublishArticlesAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return PublishAsync(ArticlesQueue, articles.Select(static a => (ArticleMessage.Encode(a), (IDictionary<string, object?>?)null)), cancellationToken);
    }

    /// <summary>Publishes persistent messages to <paramref name="queue"/> through the default exchange and waits for every confirm.</summary>
    /// <remarks>The publishes are in flight together (the client keeps at most 128 unconfirmed and throttles past that):
    /// one at a time, each would wait a round trip and the broker's disk write. When the connection drops before every
    /// confirm came, all of them are published again on a new connection: which ones the broker took is unknown, and a
    /// second copy is harmless (idempotent handlers) where a lost one is not.</remarks>
    internal async Task PublishAsync(string queue, IEnumerable<(byte[] Body, IDictionary<string, object?>? Headers)> messages, CancellationToken cancellationToken)
    {
        var batch = messages.ToList();
        DateTime? giveUpAt = null;
        while (true)
        {
            var (_, publisher) = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
            var pending = new List<Task>(batch.Count);
            try
            {
                foreach (var (body, headers) in batch)
                {
                    var properties = new BasicProperties { Persistent = true, ContentType = "application/json", Headers = headers };
                    // mandatory: an unroutable message (its queue deleted) fails the publish instead of vanishing.
                    pending.Add(publisher.BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken).AsTask());
                }
                await Task.WhenAll(pending).ConfigureAwait(false);
                return;
            }
            catch (PublishException ex)
            {
                throw new WorkQueueUnavailableException(Location, $"the broker did not take a message for '{queue}' ({(ex.IsReturn ? "unroutable" : "nacked")})", ex);
            }
            catch (Exception ex) when (IsConnectionLoss(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The channel closed under the publishes (their confirms are failed or cancelled): wait until every one has
                // settled, so none is still writing on the old channel, then publish the batch again on a new connection.
                await Task.WhenAll(pending.Select(static t => t.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
                giveUpAt ??= DateTime.UtcNow + ReconnectTimeout;
                if (DateTime.UtcNow > giveUpAt) throw new WorkQueueUnavailableException(Location, $"publishing to '{queue}' kept failing for {ReconnectTimeout.TotalSeconds:0.#} s ({ex.Message})", ex);
            }
        }
    }

    /// <summary>Publishes one message to the dead-letter queue with its error and origin, and waits for the confirm.</summary>
    internal Task PublishDeadLetterAsync(string fromQueue, ReadOnlyMemory<byte> body, string error, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, object?>
        {
            [ErrorHeader] = error.Length > MaxErrorChars ? error[..MaxErrorChars] : error,
            [QueueHeader] = fromQueue,
        };
        return PublishAsync(DeadLetterQueue, [(body.ToArray(), headers)], cancellationToken);
    }

    public async Task<IWorkConsumer<RawDocument>> ConsumeDocumentsAsync(int prefetch, CancellationToken cancellationToken = default) =>
        // Singly at first: see RabbitMqConsumer (a document that killed the annotator before comes to the new one alone).
        await RabbitMqConsumer<RawDocument>.StartAsync(this, DocumentsQueue, prefetch, DocumentMessage.Decode, cancellationToken, startSingly: true).ConfigureAwait(false);

    public async Task<IWorkConsumer<Article>> ConsumeArticlesAsync(int prefetch, CancellationToken cancellationToken = default) =>
        await RabbitMqConsumer<Article>.StartAsync(this, ArticlesQueue, prefetch, ArticleMessage.Decode, cancellationToken).ConfigureAwait(false);

    public async Task<WorkQueueDepths> GetDepthsAsync(CancellationToken cancellationToken = default)
    {
        var (connection, _) = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var documents = await channel.QueueDeclarePassiveAsync(DocumentsQueue, cancellationToken).ConfigureAwait(false);
        var articles = await channel.QueueDeclarePassiveAsync(ArticlesQueue, cancellationToken).ConfigureAwait(false);
        var dead = await channel.QueueDeclarePassiveAsync(DeadLetterQueue, cancellationToken).ConfigureAwait(false);
        return new WorkQueueDepths(documents.MessageCount, (int)documents.ConsumerCount, articles.MessageCount, (int)articles.ConsumerCount, dead.MessageCount);
    }

    public async Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        var letters = new List<DeadLetter>();
        // Taken without acknowledging on a channel of their own; closing it puts them back, in their order.
        var (connection, _) = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            while (letters.Count < max)
            {
                var got = await channel.BasicGetAsync(DeadLetterQueue, autoAck: false, cancellationToken).ConfigureAwait(false);
                if (got is null) break;
                var headers = got.BasicProperties.Headers;
                var queue = HeaderText(headers, QueueHeader) ?? HeaderText(BrokerDeath(headers), "queue") ?? "?";
                // A message the broker dead-lettered itself carries x-death instead of our headers.
                var error = HeaderText(headers, ErrorHeader) ?? BrokerReason(headers) ?? "(no error recorded)";
                letters.Add(new DeadLetter(queue, error, SourceOf(got.Body), got.Body.Length));
            }
        }
        finally
        {
            await channel.CloseAsync(cancellationToken).ConfigureAwait(false);
            await channel.DisposeAsync().ConfigureAwait(false);
        }
        return letters;
    }

    /// <summary>Deletes the three queues and what they hold (tests, and a pipeline taken down for good).</summary>
    public async Task DeleteQueuesAsync(CancellationToken cancellationToken = default)
    {
        var (_, publisher) = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in new[] { DocumentsQueue, ArticlesQueue, DeadLetterQueue })
        {
            await publisher.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? HeaderText(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            _ => value?.ToString(),
        } : null;

    /// <summary>The first entry of a message's <c>x-death</c> header (the broker dead-lettered it), or null.</summary>
    private static IDictionary<string, object?>? BrokerDeath(IDictionary<string, object?>? headers) =>
        headers is not null && headers.TryGetValue("x-death", out var death) && death is System.Collections.IList { Count: > 0 } list
            ? list[0] as IDictionary<string, object?>
            : null;

    /// <summary>Why the broker dead-lettered a message itself (its first <c>x-death</c> entry), or null when it did not.</summary>
    private static string? BrokerReason(IDictionary<string, object?>? headers)
    {
        if (headers is null || !headers.ContainsKey("x-death")) return null;
        var first = BrokerDeath(headers);
        var reason = first is null ? null : HeaderText(first, "reason");
        var queue = first is null ? null : HeaderText(first, "queue");
        return reason switch
        {
            "delivery_limit" => $"handed back unsettled more often than the delivery limit of '{queue}' allows{(HeaderText(headers, "x-delivery-count") is { } count ? $" ({count} times)" : "")}: its worker died each time it took it",
            null => "dead-lettered by the broker (x-death)",
            _ => $"dead-lettered by the broker: {reason} (x-death, '{queue}')",
        };
    }

    /// <summary>The source a message names (an article without one: its id), when its body is JSON that far.</summary>
    private static string? SourceOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) return null;
            foreach (var name in new[] { "source", "id" })
            {
                if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String) return value.GetString();
            }
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_publisher.IsOpen) await _publisher.CloseAsync().ConfigureAwait(false);
            if (_connection.IsOpen) await _connection.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionLoss(ex))
        {
            // Closing a connection the broker already dropped: nothing left to release but the objects.
        }
        finally
        {
            await ForgetAsync(_publisher).ConfigureAwait(false);
            await ForgetAsync(_connection).ConfigureAwait(false);
            _reconnecting.Dispose();
        }
    }
}
