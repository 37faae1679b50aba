using Xunit;

namespace Warta.Hosting.Tests;

/// <summary>Tests that change process environment variables run one at a time.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
