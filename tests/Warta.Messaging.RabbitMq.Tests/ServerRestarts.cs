using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>Tests that restart a server the other tests use run alone, after the parallel ones, so no other test sees the restart.</summary>
[CollectionDefinition(nameof(ServerRestarts), DisableParallelization = true)]
public sealed class ServerRestarts;
