using System.Text;
using System.Text.RegularExpressions;
using Warta.Core.Model;

namespace Warta.Evaluation.Stories;

/// <summary>Scores the quotes annotated in a corpus against hand-attributed gold (<c>eval/quotes/</c>): recognition precision and
/// recall, and attribution accuracy among the quotes both found.</summary>
/// <remarks>
/// A gold quote matches an unmatched extracted quote of its article whose text starts with the gold's first words (trailing
/// punctuation aside, case-insensitive), or that the gold starts with when it is cut shorter; an attribution interrupting the
/// content (<c>Investor, kata dia, kini …</c>) is skipped, as the gold does. A speaker is right when its name equals a gold speaker
/// after honorifics and ranks (<c>dr.</c>, <c>Hj.</c>, <c>Pak</c>) are removed, ignoring case; the names of the speaker's linked
/// entity count as its aliases. An unnamed speaker is compared by its role (<c>seorang analis data Sayurloka</c>), which may
/// stop before the gold's longer description.
/// </remarks>
public static partial class QuoteEvaluator
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "dr", "drg", "ir", "prof", "h", "hj", "kh", "pak", "bu", "bapak", "ibu", "sdr", "saudara", "mr", "mrs", "ms", "sh", "mh", "se", "mm", "st",
    };

    /// <summary>Scores <paramref name="articles"/> (keyed as the gold's <c>source</c>) against <paramref name="gold"/>.</summary>
    public static QuoteEvaluation Evaluate(IReadOnlyList<QuoteGold> gold, IReadOnlyList<(string Key, Article Article)> articles)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(articles);
        var byKey = articles.ToDictionary(static a => a.Key, static a => a.Article, StringComparer.Ordinal);
        var used = new HashSet<(string, int)>();
        var errors = new List<QuoteError>();
        int matched = 0, right = 0;
        foreach (var row in gold)
        {
            if (!byKey.TryGetValue(row.Source, out var article))
            {
                errors.Add(new QuoteError("missed", row.Source, row.QuoteStart, string.Join(";", row.Speakers), "(no such article)"));
                continue;
            }
            var index = Match(row.QuoteStart, article.Annotations.Quotes, k => !used.Contains((row.Source, k)));
            if (index < 0)
            {
                errors.Add(new QuoteError("missed", row.Source, row.QuoteStart, string.Join(";", row.Speakers), null));
                continue;
            }
            used.Add((row.Source, index));
            matched++;
            var quote = article.Annotations.Quotes[index];
            if (SpeakerIsRight(row.Speakers, quote, article.Annotations.Entities)) right++;
            else errors.Add(new QuoteError("speaker", row.Source, row.QuoteStart, string.Join(";", row.Speakers), quote.Speaker ?? quote.SpeakerRole));
        }
        var extracted = 0;
        foreach (var (key, article) in articles)
        {
            for (var k = 0; k < article.Annotations.Quotes.Count; k++)
            {
                extracted++;
                var quote = article.Annotations.Quotes[k];
                if (!used.Contains((key, k))) errors.Add(new QuoteError("spurious", key, quote.Text, null, quote.Speaker ?? quote.SpeakerRole));
            }
        }
        return new QuoteEvaluation(gold.Count, extracted, matched, right, errors);
    }

    /// <summary>The first quote (allowed by <paramref name="free"/>) whose text the gold's first words start, or -1.</summary>
    private static int Match(string quoteStart, IReadOnlyList<Quote> quotes, Func<int, bool> free)
    {
        var want = Comparable(quoteStart);
        for (var pass = 0; pass < 3; pass++)
        {
            for (var k = 0; k < quotes.Count; k++)
            {
                if (!free(k)) continue;
                var text = quotes[k].Text;
                if (pass == 1) text = InterruptingAttribution().Replace(text, "");
                var got = Comparable(text);
                if (got.StartsWith(want, StringComparison.Ordinal) || (got.Length >= 15 && want.StartsWith(got, StringComparison.Ordinal))) return k;
                // The extractor may start after an interrupting attribution the gold skips ("Jumlah pengungsi, menurut data terakhir, naik …").
                if (pass == 2 && got.Length >= 15 && want.Contains(" " + got[..Math.Min(got.Length, 25)], StringComparison.Ordinal)) return k;
            }
        }
        return -1;
    }

    /// <summary>Lower case, single spaces, no trailing punctuation.</summary>
    private static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        while (builder.Length > 0 && builder[^1] is '.' or ',' or ';' or ':' or ' ' or '…' or '!' or '?') builder.Length--;
        return builder.ToString();
    }

    private static bool SpeakerIsRight(IReadOnlyList<string> gold, Quote quote, IReadOnlyList<EntityMention> entities)
    {
        var wanted = gold.Select(NameKey).ToHashSet(StringComparer.Ordinal);
        if (quote.Speaker is { } speaker)
        {
            if (wanted.Contains(NameKey(speaker))) return true;
            if (quote.SpeakerEntityId is { } id)
            {
                foreach (var mention in entities)
                {
                    if (string.Equals(mention.EntityId, id, StringComparison.Ordinal)
                        && (wanted.Contains(NameKey(mention.Text)) || wanted.Contains(NameKey(mention.CanonicalName))))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
        // An unnamed speaker described by a role: the gold may describe it at greater length.
        if (quote.SpeakerRole is not { } role || NameKey(role) is not { Length: > 0 } got) return false;
        return wanted.Any(w => w == got || w.StartsWith(got + " ", StringComparison.Ordinal) || got.StartsWith(w + " ", StringComparison.Ordinal));
    }

    /// <summary>A name compared: lower case, punctuation dropped, honorifics and ranks removed.</summary>
    internal static string NameKey(string name)
    {
        var words = name.ToLowerInvariant()
            .Split([' ', '\t', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(Honorifics.Contains)
            .Where(static w => w.Length > 0);
        return string.Join(' ', words);
    }

    [GeneratedRegex(@",\s*(menurut|kata|ujar|said)\b[^,]{0,30},\s*", RegexOptions.CultureInvariant)]
    private static partial Regex InterruptingAttribution();
}
