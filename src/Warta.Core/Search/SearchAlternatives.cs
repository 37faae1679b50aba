namespace Warta.Core.Search;

/// <summary>Terms joined by <c>OR</c>: an article matches when it matches any of them (one term alone is a group of one).</summary>
public sealed record SearchAlternatives(IReadOnlyList<SearchTerm> Terms)
{
    public override string ToString() => string.Join(" OR ", Terms);
}
