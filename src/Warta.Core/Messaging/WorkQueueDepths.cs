namespace Warta.Core.Messaging;

/// <summary>Messages ready in each queue of the work queue (not counting those delivered and not yet acknowledged) and consumers attached.</summary>
public sealed record WorkQueueDepths(
    long Documents, int DocumentConsumers, long Articles, int ArticleConsumers, long DeadLetters);
