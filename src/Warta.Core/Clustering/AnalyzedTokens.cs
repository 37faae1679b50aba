using System.Runtime.InteropServices;
using Warta.Text;

namespace Warta.Core.Clustering;

/// <summary>The tokens of an analysed text as a span, read in place instead of copied one by one through the list interface.</summary>
internal static class AnalyzedTokens
{
    public static ReadOnlySpan<Token> Of(AnalyzedText text) => text.Tokens switch
    {
        List<Token> list => CollectionsMarshal.AsSpan(list),
        Token[] array => array,
        var other => other.ToArray(),
    };
}
