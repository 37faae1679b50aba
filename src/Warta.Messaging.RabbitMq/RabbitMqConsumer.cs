using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Warta.Core.Messaging;

namespace Warta.Messaging.RabbitMq;

/// <summary>A consumer on a channel of its own: deliveries decoded into a local buffer (bounded by the prefetch), settled by the caller.</summary>
/// <remarks>
/// <para>A body the decoder refuses is dead-lettered here, in the broker's dispatch, so the caller only sees messages
/// it can handle.</para>
/// <para>When the channel closes under it (the broker restarted, the connection dropped) the consumer takes up its queue
/// again on a new channel, through <see cref="RabbitMqWorkQueue.ConnectedAsync"/>. Every delivery of the old channel is
/// then void: the broker put its message back and hands it out again. So a delivery's tag carries the number of its
/// channel (<see cref="GenerationShift"/>); one of an older channel is skipped by <see cref="ReceiveAsync"/> if it is
/// still in the buffer, and acknowledging or dead-lettering it does nothing (its tag would name another message on the
/// new channel). A caller that acknowledges "everything up to this one" therefore never settles a message it did not
/// handle. Only when the broker stays away past <see cref="RabbitMqWorkQueue.ReconnectTimeout"/> does
/// <see cref="ReceiveAsync"/> end with <see cref="WorkQueueUnavailableException"/>.</para>
/// <para>A consumer that starts singly takes one message at a time until it has settled one that was not delivered
/// before, and only then its whole prefetch: a worker started again after a message killed it takes the messages handed
/// back (the broker delivers them first) one by one, so when that message kills it again the broker's delivery count
/// (<c>x-delivery-limit</c>) grows for it alone and not for the others a full prefetch would have held with it.</para>
/// </remarks>
internal sealed class RabbitMqConsumer<T> : IWorkConsumer<T>
    where T : class
{
    /// <summary>A delivery tag's channel number sits above this bit; the broker's own tags on one channel stay far below 2^40.</summary>
    private const int GenerationShift = 40;

    private const ulong BrokerTagMask = (1UL << GenerationShift) - 1;

    private readonly RabbitMqWorkQueue _queue;
    private readonly string _queueName;
    private readonly ushort _prefetch;
    private readonly bool _startSingly;
    /// <summary>The consumer tag of the first channel's one-message consumer, until a settled message widens it.</summary>
    private string? _singleTag;
    private readonly Func<ReadOnlyMemory<byte>, T> _decode;
    private readonly Channel<WorkDelivery<T>> _received = Channel.CreateUnbounded<WorkDelivery<T>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _disposing = new();
    private IChannel? _channel;
    private ulong _generation;
    private int _malformed;
    private int _resumed;
    /// <summary>1 while <see cref="ResumeAsync"/> runs: every channel of a dropped connection reports the drop.</summary>
    private int _resuming;

    private RabbitMqConsumer(RabbitMqWorkQueue queue, string queueName, ushort prefetch, bool startSingly, Func<ReadOnlyMemory<byte>, T> decode)
    {
        _startSingly = startSingly && prefetch > 1;
        _queue = queue;
        _queueName = queueName;
        _prefetch = prefetch;
        _decode = decode;
    }

    public int Malformed => Volatile.Read(ref _malformed);

    /// <summary>Times the consumer took up its queue again on a new channel.</summary>
    public int Resumed => Volatile.Read(ref _resumed);

    public static async Task<RabbitMqConsumer<T>> StartAsync(
        RabbitMqWorkQueue queue, string queueName, int prefetch, Func<ReadOnlyMemory<byte>, T> decode, CancellationToken cancellationToken, bool startSingly = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefetch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefetch, ushort.MaxValue);
        var consumer = new RabbitMqConsumer<T>(queue, queueName, (ushort)prefetch, startSingly, decode);
        await consumer.AttachAsync(cancellationToken).ConfigureAwait(false);
        return consumer;
    }

    /// <summary>Opens a channel (connecting again if need be) and consumes the queue on it, as the next generation.</summary>
    private async Task AttachAsync(CancellationToken cancellationToken)
    {
        var (connection, _) = await _queue.ConnectedAsync(cancellationToken).ConfigureAwait(false);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var generation = Interlocked.Increment(ref _generation);
        // Singly on the first channel only: a channel taken up again after a broker restart is not after a crash.
        var singly = _startSingly && generation == 1;
        await channel.BasicQosAsync(0, singly ? (ushort)1 : _prefetch, global: false, cancellationToken).ConfigureAwait(false);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            // Not awaited: the client calls this from its connection's loop, which must go on closing.
            if (!_disposing.IsCancellationRequested && Interlocked.Read(ref _generation) == generation && Volatile.Read(ref _resuming) == 0) _ = Task.Run(ResumeAsync);
            return Task.CompletedTask;
        };
        _channel = channel;
        var tag = await ConsumeAsync(channel, generation, cancellationToken).ConfigureAwait(false);
        if (singly) _singleTag = tag;
    }

    private Task<string> ConsumeAsync(IChannel channel, ulong generation, CancellationToken cancellationToken)
    {
        var basic = new AsyncEventingBasicConsumer(channel);
        basic.ReceivedAsync += (_, args) => OnReceivedAsync(channel, generation, args);
        return channel.BasicConsumeAsync(_queueName, autoAck: false, basic, cancellationToken);
    }

    /// <summary>After the first settled message that was not delivered before: a consumer with the whole prefetch on the same channel (its tags go on in
    /// the same sequence), and the one-message consumer cancelled (the message it may still hold is settled as any other).</summary>
    private async Task WidenAsync(IChannel channel, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _singleTag, null) is not { } single) return;
        try
        {
            await channel.BasicQosAsync(0, _prefetch, global: false, cancellationToken).ConfigureAwait(false);
            await ConsumeAsync(channel, Interlocked.Read(ref _generation), cancellationToken).ConfigureAwait(false);
            await channel.BasicCancelAsync(single, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RabbitMqWorkQueue.IsConnectionLoss(ex))
        {
            // The channel closed: the consumer is taken up again on a new one, with the whole prefetch.
        }
    }

    /// <summary>Attaches again until a channel consumes, or the broker stayed away too long (then <see cref="ReceiveAsync"/> fails); one at a time.</summary>
    private async Task ResumeAsync()
    {
        if (Interlocked.Exchange(ref _resuming, 1) == 1) return;
        var giveUpAt = DateTime.UtcNow + _queue.ReconnectTimeout;
        try
        {
            while (!_disposing.IsCancellationRequested)
            {
                try
                {
                    await AttachAsync(_disposing.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _resumed);
                }
                catch (Exception ex) when (RabbitMqWorkQueue.IsConnectionLoss(ex) && DateTime.UtcNow < giveUpAt)
                {
                    // Dropped again while attaching (the broker is still starting): wait a little and try again.
                    await Task.Delay(200, _disposing.Token).ConfigureAwait(false);
                    continue;
                }
                Volatile.Write(ref _resuming, 0);
                // A drop between attaching and here found this loop still running and left the resumption to it.
                if (_channel is { IsOpen: true } || _disposing.IsCancellationRequested || Interlocked.Exchange(ref _resuming, 1) == 1) return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException && _disposing.IsCancellationRequested)
        {
        }
        catch (WorkQueueUnavailableException ex)
        {
            _received.Writer.TryComplete(ex);
        }
        catch (Exception ex) when (RabbitMqWorkQueue.IsConnectionLoss(ex))
        {
            _received.Writer.TryComplete(new WorkQueueUnavailableException(_queue.Location, $"could not consume '{_queueName}' again: {ex.Message}", ex));
        }
    }

    private async Task OnReceivedAsync(IChannel channel, ulong generation, BasicDeliverEventArgs args)
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
            try
            {
                await _queue.PublishDeadLetterAsync(_queueName, body, ex.Message, args.CancellationToken).ConfigureAwait(false);
                await channel.BasicAckAsync(args.DeliveryTag, multiple: false, args.CancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _malformed);
            }
            catch (Exception lost) when (RabbitMqWorkQueue.IsConnectionLoss(lost) || lost is WorkQueueUnavailableException or OperationCanceledException)
            {
                // Not settled: the message comes again on the next channel and is set aside then.
            }
            return;
        }
        await _received.Writer.WriteAsync(new WorkDelivery<T>((generation << GenerationShift) | args.DeliveryTag, message, args.Redelivered), args.CancellationToken).ConfigureAwait(false);
    }

    private bool IsCurrent(WorkDelivery<T> delivery) => delivery.Tag >> GenerationShift == Interlocked.Read(ref _generation);

    public async ValueTask<WorkDelivery<T>?> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        while (_received.Reader.TryRead(out var ready))
        {
            if (IsCurrent(ready)) return ready;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            while (true)
            {
                var next = await _received.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (IsCurrent(next)) return next;
            }
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

    public async Task AcknowledgeAsync(WorkDelivery<T> delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!IsCurrent(delivery) || _channel is not { } channel) return;
        try
        {
            await channel.BasicAckAsync(delivery.Tag & BrokerTagMask, multiple: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RabbitMqWorkQueue.IsConnectionLoss(ex))
        {
            // The channel closed first: the broker put the messages back and delivers them again; handlers are idempotent.
            return;
        }
        if (!delivery.Redelivered) await WidenAsync(channel, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeadLetterAsync(WorkDelivery<T> delivery, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(error);
        // A void delivery's message comes again, and is set aside then; setting it aside now too would leave two copies.
        if (!IsCurrent(delivery) || _channel is not { } channel) return;
        var body = delivery.Message switch
        {
            Core.Ingestion.RawDocument document => DocumentMessage.Encode(document),
            Core.Model.Article article => ArticleMessage.Encode(article),
            _ => throw new NotSupportedException($"no message form for {typeof(T).Name}"),
        };
        // Published (and confirmed) before the ack: a crash between the two leaves a copy in both queues, never in neither.
        await _queue.PublishDeadLetterAsync(_queueName, body, error, cancellationToken).ConfigureAwait(false);
        try
        {
            await channel.BasicAckAsync(delivery.Tag & BrokerTagMask, multiple: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RabbitMqWorkQueue.IsConnectionLoss(ex))
        {
            // As above: delivered again, and dead-lettered again (a second copy in the dead-letter queue, never none).
            return;
        }
        if (!delivery.Redelivered) await WidenAsync(channel, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        var channel = _channel;
        try
        {
            // Closing the channel hands every unacknowledged delivery back to the queue.
            if (channel is { IsOpen: true }) await channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (RabbitMqWorkQueue.IsConnectionLoss(ex))
        {
            // Already closed by the broker or with the connection.
        }
        finally
        {
            if (channel is not null) await channel.DisposeAsync().ConfigureAwait(false);
            _received.Writer.TryComplete();
            _disposing.Dispose();
        }
    }
}
