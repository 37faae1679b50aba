using System.Globalization;
using System.Text;
using Warta.Core.Search;
using Warta.Text;

namespace Warta.Storage.Postgres;

/// <summary>Writes Warta's analysed terms as PostgreSQL <c>tsvector</c> and <c>tsquery</c> text, so the server matches
/// Warta's stems and positions and applies no text search configuration of its own.</summary>
/// <remarks>
/// Title and body share one vector: title lexemes weigh A (ranked double), body lexemes D, and the body's positions start
/// <see cref="TitleBodyGap"/> after the title's last, so a phrase cannot match across the two, as in the Lucene index where
/// they are two fields. PostgreSQL's limits (a position at most 16383, 256 positions per lexeme, a lexeme under 2 KiB,
/// under 1 MiB of lexemes per vector) cut a very long body: a phrase past its 16383rd position is not found.
/// </remarks>
internal static class SearchVectors
{
    /// <summary>Positions left between the title's last term and the body's first: longer than any phrase typed.</summary>
    public const int TitleBodyGap = 256;

    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 256;
    private const int MaxLexemeBytes = 2046;
    private const int MaxVectorLexemeBytes = 1_000_000;

    /// <summary>The <c>tsvector</c> text of an article's title and body analysed in <paramref name="bucket"/>.</summary>
    public static string Of(ITextAnalyzer analyzer, string title, string body, string bucket)
    {
        var lexemes = new Dictionary<string, List<(int Position, bool Title)>>(StringComparer.Ordinal);
        var lexemeBytes = 0;
        var position = 0;
        Add(IndexTerms.Of(analyzer, title, bucket), isTitle: true);
        position += TitleBodyGap;
        Add(IndexTerms.Of(analyzer, body, bucket), isTitle: false);

        var text = new StringBuilder();
        foreach (var (lexeme, positions) in lexemes.OrderBy(static l => l.Key, StringComparer.Ordinal))
        {
            if (text.Length > 0) text.Append(' ');
            Quote(text, lexeme);
            text.Append(':');
            for (var i = 0; i < positions.Count; i++)
            {
                if (i > 0) text.Append(',');
                text.Append(positions[i].Position.ToString(CultureInfo.InvariantCulture));
                if (positions[i].Title) text.Append('A');
            }
        }
        return text.ToString();

        void Add(List<IndexedTerm> terms, bool isTitle)
        {
            foreach (var term in terms)
            {
                position = Math.Min(MaxPosition, position + term.PositionIncrement);
                if (!lexemes.TryGetValue(term.Text, out var positions))
                {
                    var bytes = Encoding.UTF8.GetByteCount(term.Text);
                    if (bytes > MaxLexemeBytes || lexemeBytes + bytes > MaxVectorLexemeBytes) continue;
                    lexemeBytes += bytes;
                    lexemes[term.Text] = positions = [];
                }
                if (positions.Count >= MaxPositionsPerLexeme || (positions.Count > 0 && positions[^1].Position == position)) continue;
                positions.Add((position, isTitle));
            }
        }
    }

    /// <summary>The <c>tsquery</c> text of one query term analysed in <paramref name="bucket"/>: a lexeme, or a phrase whose
    /// lexemes stand exactly as far apart as in the text (stopwords counted); null when analysis leaves nothing of it.</summary>
    public static string? QueryOf(ITextAnalyzer analyzer, string term, string bucket, ISet<string>? stems = null)
    {
        var terms = IndexTerms.Of(analyzer, term, bucket);
        if (terms.Count == 0) return null;
        var text = new StringBuilder();
        for (var i = 0; i < terms.Count; i++)
        {
            // Left-associative: the position of a phrase matched so far is its last lexeme's, which the next distance counts from.
            if (i > 0) text.Insert(0, '(').Append(" <").Append(terms[i].PositionIncrement.ToString(CultureInfo.InvariantCulture)).Append("> ");
            Quote(text, terms[i].Text);
            if (i > 0) text.Append(')');
            stems?.Add(terms[i].Text);
        }
        return text.ToString();
    }

    /// <summary>A lexeme as tsvector and tsquery text read it: quoted, with quotes doubled and backslashes escaped.</summary>
    private static void Quote(StringBuilder text, string lexeme)
    {
        text.Append('\'');
        foreach (var c in lexeme)
        {
            if (c == '\'') text.Append("''");
            else if (c == '\\') text.Append(@"\\");
            else text.Append(c);
        }
        text.Append('\'');
    }
}
