using Xunit;

namespace Warta.Hosting.Tests.Soak;

/// <summary>The soak runs alone (after the parallel tests), so its memory figures are its own.</summary>
[CollectionDefinition(nameof(SoakRun), DisableParallelization = true)]
public sealed class SoakRun;
