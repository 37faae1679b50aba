namespace Warta.Core.Sources;

/// <summary>One <c>allow</c> or <c>disallow</c> line of a <c>robots.txt</c> group: a path pattern with <c>*</c> and a trailing <c>$</c>.</summary>
internal sealed record RobotsRule(string Pattern, bool Allow)
{
    /// <summary>Whether the pattern matches <paramref name="path"/> from its start (a prefix match unless it ends in <c>$</c>).</summary>
    public bool Matches(string path)
    {
        var anchored = Pattern.EndsWith('$');
        var pattern = anchored ? Pattern.AsSpan(0, Pattern.Length - 1) : Pattern.AsSpan();
        // Greedy wildcard matching with one backtrack point (the last '*'): linear in practice, never exponential.
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (p == pattern.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
