using System.Text;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Storage.Postgres;

/// <summary>A hit's snippet: the passage of about <c>chars</c> characters with the most of the query's words, each marked
/// <c>[word]</c>, found on Warta's own tokens (so <c>mengungsi</c> marks <c>pengungsi</c>, as the search matched it).</summary>
/// <remarks>Passages are cut as Lucene's <c>SimpleFragmenter</c> cuts them (a new one at the first token past the length),
/// and the best is the one with the most distinct query stems, then the most matches, then the first.</remarks>
internal static class SearchSnippets
{
    public static string? Best(ITextAnalyzer analyzer, string text, string bucket, IReadOnlySet<string> stems, int chars)
    {
        if (text.Length == 0 || stems.Count == 0) return null;
        var terms = IndexTerms.Of(analyzer, text, bucket);
        var fragments = new List<(int Start, int End, List<IndexedTerm> Matches)>();
        var start = 0;
        var matches = new List<IndexedTerm>();
        foreach (var term in terms)
        {
            if (term.End - start > chars && term.Start > start)
            {
                fragments.Add((start, term.Start, matches));
                start = term.Start;
                matches = [];
            }
            if (stems.Contains(term.Text)) matches.Add(term);
        }
        fragments.Add((start, Math.Min(text.Length, Math.Max(start + chars, terms.Count > 0 ? terms[^1].End : 0)), matches));
        var best = fragments
            .Where(static f => f.Matches.Count > 0)
            .Select((f, i) => (Fragment: f, Distinct: f.Matches.Select(static m => m.Text).Distinct(StringComparer.Ordinal).Count(), Index: i))
            .OrderByDescending(static f => f.Distinct)
            .ThenByDescending(static f => f.Fragment.Matches.Count)
            .ThenBy(static f => f.Index)
            .Select(static f => f.Fragment)
            .FirstOrDefault();
        if (best.Matches is null) return null;
        var marked = new StringBuilder();
        var at = best.Start;
        foreach (var match in best.Matches)
        {
            marked.Append(text, at, match.Start - at).Append('[').Append(text, match.Start, match.End - match.Start).Append(']');
            at = match.End;
        }
        marked.Append(text, at, best.End - at);
        return OneLine(marked.ToString());
    }

    /// <summary>The start of <paramref name="text"/>, for a hit whose match is in no passage (a filter-only query).</summary>
    public static string Lead(string text, int chars) => OneLine(text.Length <= chars ? text : text[..chars]);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimStart('.', ',', ';', ':', ' ');
}
