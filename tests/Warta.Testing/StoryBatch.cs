using Warta.Core.Model;

namespace Warta.Testing;

/// <summary>What one <c>SaveBatch</c> call stores, for contract tests that seed a store.</summary>
public sealed record StoryBatch(IReadOnlyList<StoryAssignment> Assignments, IReadOnlyList<Story> Stories, IReadOnlyList<StoryMerge> Merges);
