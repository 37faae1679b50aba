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
/// (<c>x-dead-letter-routing-key</c>) should a message ever be rejected.</para>
/// <para>The connection does not recover by itself: delivery tags die with their channel, and a worker that acknowledged
/// on a recovered channel would settle the wrong messages. A worker whose connection drops stops, its unacknowledged
/// messages go back to the queue, and its supervisor starts it again.</para>
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

    /// <summary>Longest error kept in a dead letter's header; a stack of nested messages stays readable and the frame small.</summary>
    private const int MaxErrorChars = 2000;

    private readonly IConnection _connection;
    private readonly IChannel _publisher;

    private RabbitMqWorkQueue(IConnection connection, IChannel publisher, string location, string prefix)
    {
        _connection = connection;
        _publisher = publisher;
        Location = location;
        DocumentsQueue = prefix + ".documents";
        ArticlesQueue = prefix + ".articles";
        DeadLetterQueue = prefix + ".dead";
    }

    public string Location { get; }

    public string DocumentsQueue { get; }

    public string ArticlesQueue { get; }

    public string DeadLetterQueue { get; }

    /// <summary>Connects to the broker at <paramref name="uri"/> (<c>amqp://user:password@host:port/vhost</c>) and declares the queues.</summary>
    /// <param name="uri">The broker.</param>
    /// <param name="prefix">Names the queues (<c>{prefix}.documents</c>, …): several pipelines may share one broker.</param>
    /// <param name="clientName">Shown in the broker's connection list.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="WorkQueueUnavailableException">The URI is not an AMQP URI, or the broker cannot be reached or refuses.</exception>
    public static async Task<RabbitMqWorkQueue> ConnectAsync(string uri, string prefix = DefaultPrefix, string clientName = "warta", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
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
            var queue = new RabbitMqWorkQueue(connection, publisher, location, prefix);
            await queue.DeclareAsync(cancellationToken).ConfigureAwait(false);
            return queue;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or RabbitMQClientException or IOException)
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

    private async Task DeclareAsync(CancellationToken cancellationToken)
    {
        await _publisher.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        var toDead = new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = DeadLetterQueue,
        };
        await _publisher.QueueDeclareAsync(DocumentsQueue, durable: true, exclusive: false, autoDelete: false, arguments: toDead, cancellationToken: cancellationToken).ConfigureAwait(false);
        var single = new Dictionary<string, object?>(toDead) { ["x-single-active-consumer"] = true };
        await _publisher.QueueDeclareAsync(ArticlesQueue, durable: true, exclusive: false, autoDelete: false, arguments: single, cancellationToken: cancellationToken).ConfigureAwait(false);
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
    /// one at a time, each would wait a round trip and the broker's disk write.</remarks>
    internal async Task PublishAsync(string queue, IEnumerable<(byte[] Body, IDictionary<string, object?>? Headers)> messages, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        foreach (var (body, headers) in messages)
        {
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json", Headers = headers };
            // mandatory: an unroutable message (its queue deleted) fails the publish instead of vanishing.
            pending.Add(_publisher.BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken).AsTask());
        }
        try
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (PublishException ex)
        {
            throw new WorkQueueUnavailableException(Location, $"the broker did not take a message for '{queue}' ({(ex.IsReturn ? "unroutable" : "nacked")})", ex);
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
        await RabbitMqConsumer<RawDocument>.StartAsync(this, _connection, DocumentsQueue, prefetch, DocumentMessage.Decode, cancellationToken).ConfigureAwait(false);

    public async Task<IWorkConsumer<Article>> ConsumeArticlesAsync(int prefetch, CancellationToken cancellationToken = default) =>
        await RabbitMqConsumer<Article>.StartAsync(this, _connection, ArticlesQueue, prefetch, ArticleMessage.Decode, cancellationToken).ConfigureAwait(false);

    public async Task<WorkQueueDepths> GetDepthsAsync(CancellationToken cancellationToken = default)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var documents = await channel.QueueDeclarePassiveAsync(DocumentsQueue, cancellationToken).ConfigureAwait(false);
        var articles = await channel.QueueDeclarePassiveAsync(ArticlesQueue, cancellationToken).ConfigureAwait(false);
        var dead = await channel.QueueDeclarePassiveAsync(DeadLetterQueue, cancellationToken).ConfigureAwait(false);
        return new WorkQueueDepths(documents.MessageCount, (int)documents.ConsumerCount, articles.MessageCount, (int)articles.ConsumerCount, dead.MessageCount);
    }

    public async Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        var letters = new List<DeadLetter>();
        // Taken without acknowledging on a channel of their own; closing it puts them back, in their order.
        var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            while (letters.Count < max)
            {
                var got = await channel.BasicGetAsync(DeadLetterQueue, autoAck: false, cancellationToken).ConfigureAwait(false);
                if (got is null) break;
                var headers = got.BasicProperties.Headers;
                var queue = HeaderText(headers, QueueHeader) ?? "?";
                // A message the broker dead-lettered itself carries x-death instead of our headers.
                var error = HeaderText(headers, ErrorHeader) ?? (headers?.ContainsKey("x-death") == true ? "rejected (x-death)" : "(no error recorded)");
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
        foreach (var queue in new[] { DocumentsQueue, ArticlesQueue, DeadLetterQueue })
        {
            await _publisher.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? HeaderText(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            _ => value?.ToString(),
        } : null;

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
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Closing a connection the broker already dropped: nothing left to release but the objects.
        }
        finally
        {
            await _publisher.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
