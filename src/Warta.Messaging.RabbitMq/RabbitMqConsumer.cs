using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Warta.Core.Messaging;

namespace Warta.Messaging.RabbitMq;

/// <summary>A consumer on a channel of its own: deliveries decoded into a local buffer (bounded by the prefetch), settled by the caller.</summary>
/// <remarks>A body the decoder refuses is dead-lettered here, in the broker's dispatch, so the caller only sees messages
/// it can handle. The channel closing (broker gone, connection dropped) ends <see cref="ReceiveAsync"/> with the reason.</remarks>
internal sealed class RabbitMqConsumer<T> : IWorkConsumer<T>
    where T : class
{
    private readonly RabbitMqWorkQueue _queue;
    private readonly IChannel _channel;
    private readonly string _queueName;
    private readonly Func<ReadOnlyMemory<byte>, T> _decode;
    private readonly Channel<WorkDelivery<T>> _received = Channel.CreateUnbounded<WorkDelivery<T>>(new UnboundedChannelOptions { SingleReader = true });
    private int _malformed;

    private RabbitMqConsumer(RabbitMqWorkQueue queue, IChannel channel, string queueName, Func<ReadOnlyMemory<byte>, T> decode)
    {
        _queue = queue;
        _channel = channel;
        _queueName = queueName;
        _decode = decode;
    }

    public int Malformed => Volatile.Read(ref _malformed);

    public static async Task<RabbitMqConsumer<T>> StartAsync(
        RabbitMqWorkQueue queue, IConnection connection, string queueName, int prefetch, Func<ReadOnlyMemory<byte>, T> decode, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefetch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefetch, ushort.MaxValue);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var consumer = new RabbitMqConsumer<T>(queue, channel, queueName, decode);
        await channel.BasicQosAsync(0, (ushort)prefetch, global: false, cancellationToken).ConfigureAwait(false);
        var basic = new AsyncEventingBasicConsumer(channel);
        basic.ReceivedAsync += consumer.OnReceivedAsync;
        channel.ChannelShutdownAsync += (_, args) =>
        {
            consumer._received.Writer.TryComplete(new WorkQueueUnavailableException(queue.Location, $"the channel of '{queueName}' closed: {args.ReplyText}"));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queueName, autoAck: false, basic, cancellationToken).ConfigureAwait(false);
        return consumer;
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs args)
    {
        // The body's memory belongs to the client only during this handler.
        var body = args.Body.ToArray();
        T message;
        try
        {
            message = _decode(body);
        }
        catch (InvalidDataException ex)
        {
            await _queue.PublishDeadLetterAsync(_queueName, body, ex.Message, args.CancellationToken).ConfigureAwait(false);
            await _channel.BasicAckAsync(args.DeliveryTag, multiple: false, args.CancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _malformed);
            return;
        }
        await _received.Writer.WriteAsync(new WorkDelivery<T>(args.DeliveryTag, message, args.Redelivered), args.CancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WorkDelivery<T>?> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (_received.Reader.TryRead(out var ready)) return ready;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException ex) when (ex.InnerException is WorkQueueUnavailableException closed)
        {
            throw closed;
        }
    }

    public Task AcknowledgeAsync(WorkDelivery<T> delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return _channel.BasicAckAsync(delivery.Tag, multiple: true, cancellationToken).AsTask();
    }

    public async Task DeadLetterAsync(WorkDelivery<T> delivery, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(error);
        var body = delivery.Message switch
        {
            Core.Ingestion.RawDocument document => DocumentMessage.Encode(document),
            Core.Model.Article article => ArticleMessage.Encode(article),
            _ => throw new NotSupportedException($"no message form for {typeof(T).Name}"),
        };
        // Published (and confirmed) before the ack: a crash between the two leaves a copy in both queues, never in neither.
        await _queue.PublishDeadLetterAsync(_queueName, body, error, cancellationToken).ConfigureAwait(false);
        await _channel.BasicAckAsync(delivery.Tag, multiple: false, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closing the channel hands every unacknowledged delivery back to the queue.
            if (_channel.IsOpen) await _channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Already closed by the broker or with the connection.
        }
        finally
        {
            await _channel.DisposeAsync().ConfigureAwait(false);
            _received.Writer.TryComplete();
        }
    }
}
