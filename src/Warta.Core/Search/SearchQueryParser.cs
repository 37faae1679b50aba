using System.Globalization;

namespace Warta.Core.Search;

/// <summary>Parses the search syntax users type: words (all must match), <c>OR</c>, <c>"phrases"</c>, <c>-exclusions</c> and
/// the filters <c>outlet:</c>, <c>lang:</c>, <c>since:</c>, <c>until:</c> (yyyy-mm-dd, inclusive), <c>entity:</c>, <c>story:</c>.</summary>
/// <remarks>Pure and total: any input either parses or throws <see cref="SearchQueryException"/> naming the 1-based column
/// where it goes wrong. A word with an unknown prefix (<c>10:30</c>, <c>http://…</c>) is an ordinary word. Filter values
/// may be quoted (<c>entity:"Korea Utara"</c>); filters of one kind are ORed, of different kinds ANDed.</remarks>
public static class SearchQueryParser
{
    private static readonly string[] Fields = ["outlet", "since", "until", "lang", "entity", "story"];

    /// <summary>Parses <paramref name="text"/> into a query with the default sort, limit and offset.</summary>
    /// <exception cref="SearchQueryException">The text is malformed; the message names the column.</exception>
    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var outlets = new List<string>();
        var languages = new List<string>();
        var entities = new List<string>();
        var stories = new List<string>();
        DateOnly? since = null, until = null;
        var untilColumn = 0;
        // Column of an OR still waiting for the term on its right.
        var pendingOr = 0;
        // Whether the last thing read was a required term an OR may join.
        var lastWasTerm = false;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var start = i;
            var negated = text[i] == '-';
            if (negated)
            {
                i++;
                if (i >= text.Length || char.IsWhiteSpace(text[i])) throw new SearchQueryException(start + 1, "'-' must be followed by a word or phrase to exclude");
            }
            if (text[i] == '"')
            {
                var phrase = ReadQuoted(text, ref i);
                if (phrase.Trim().Length == 0) throw new SearchQueryException(start + 1, "empty phrase");
                AddTerm(new SearchTerm(phrase.Trim(), IsPhrase: true), negated);
                continue;
            }
            var wordStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
            var word = text[wordStart..i];
            if (!negated && word == "OR")
            {
                if (!lastWasTerm || pendingOr != 0) throw new SearchQueryException(start + 1, "OR must stand between two words or phrases");
                pendingOr = start + 1;
                lastWasTerm = false;
                continue;
            }
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            var field = colon > 0 ? word[..colon].ToLowerInvariant() : "";
            if (Array.IndexOf(Fields, field) >= 0)
            {
                if (negated) throw new SearchQueryException(start + 1, $"the filter {field}: cannot be excluded");
                if (pendingOr != 0) throw new SearchQueryException(pendingOr, "OR must stand between two words or phrases");
                var valueColumn = wordStart + colon + 2;
                var value = word[(colon + 1)..];
                if (value.Length == 0 && i < text.Length && text[i] == '"') value = ReadQuoted(text, ref i).Trim();
                if (value.Length == 0) throw new SearchQueryException(start + 1, $"{field}: needs a value");
                switch (field)
                {
                    case "outlet": outlets.Add(value.ToLowerInvariant()); break;
                    case "lang": languages.Add(value.ToLowerInvariant()); break;
                    case "entity": entities.Add(value); break;
                    case "story": stories.Add(value); break;
                    case "since": since = ParseDate(value, valueColumn); break;
                    default:
                        until = ParseDate(value, valueColumn);
                        untilColumn = start + 1;
                        break;
                }
                lastWasTerm = false;
                continue;
            }
            AddTerm(new SearchTerm(word, IsPhrase: false), negated);
        }
        if (pendingOr != 0) throw new SearchQueryException(pendingOr, "OR must stand between two words or phrases");
        if (since > until) throw new SearchQueryException(untilColumn, "until: is before since:");
        var query = new SearchQuery
        {
            Required = [.. required.Select(static g => new SearchAlternatives(g))],
            Excluded = excluded,
            Outlets = outlets,
            Languages = languages,
            Entities = entities,
            Stories = stories,
            Since = since,
            Until = until,
        };
        if (query.HasNoTerms && excluded.Count == 0 && outlets.Count == 0 && languages.Count == 0 && entities.Count == 0 && stories.Count == 0
            && since is null && until is null)
        {
            throw new SearchQueryException(1, "empty query");
        }
        return query;

        void AddTerm(SearchTerm term, bool negated)
        {
            if (negated)
            {
                if (pendingOr != 0) throw new SearchQueryException(pendingOr, "OR cannot join an exclusion");
                excluded.Add(term);
                lastWasTerm = false;
                return;
            }
            if (pendingOr != 0) required[^1].Add(term);
            else required.Add([term]);
            pendingOr = 0;
            lastWasTerm = true;
        }
    }

    /// <summary>Reads a quoted string starting at the quote at <paramref name="i"/>, leaving <paramref name="i"/> after the closing quote.</summary>
    private static string ReadQuoted(string text, ref int i)
    {
        var open = i;
        var close = text.IndexOf('"', open + 1);
        if (close < 0) throw new SearchQueryException(open + 1, "unbalanced quote: the phrase is not closed");
        i = close + 1;
        return text[(open + 1)..close];
    }

    private static DateOnly ParseDate(string value, int column) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SearchQueryException(column, $"'{value}' is not a date (yyyy-mm-dd)");
}
