namespace Warta.Core.Stories;

/// <summary>What an id or unique id prefix names: the item, nothing, or several candidates.</summary>
/// <param name="Kind">Found, not found or ambiguous.</param>
/// <param name="Value">The item when <paramref name="Kind"/> is <see cref="IdResolutionKind.Found"/>, else null.</param>
/// <param name="Candidates">Ids the prefix matched when ambiguous (possibly only the first few), else empty.</param>
public sealed record IdResolution<T>(IdResolutionKind Kind, T? Value, IReadOnlyList<string> Candidates)
    where T : class
{
    internal static IdResolution<T> Found(T value) => new(IdResolutionKind.Found, value, []);

    internal static IdResolution<T> NotFound { get; } = new(IdResolutionKind.NotFound, null, []);

    internal static IdResolution<T> Ambiguous(IReadOnlyList<string> candidates) => new(IdResolutionKind.Ambiguous, null, candidates);
}
