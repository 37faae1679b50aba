using System.Text;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Clustering;

/// <summary>Raw weighted feature counts of an article: stems (stopwords dropped, title weighted) and entity features.</summary>
internal static class FeatureExtractor
{
    /// <summary>Prefix that keeps entity features apart from stems in the shared vocabulary.</summary>
    private const string EntityPrefix = "\u0001";

    public static Dictionary<string, double> Extract(Article article, AnalyzedText title, AnalyzedText body, StoryClustererOptions options)
    {
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        AddStems(title, options.TitleWeight, raw);
        AddStems(body, 1.0, raw);
        AddProxyEntities(title, options.EntityWeight, raw);
        if (article.Annotations.Entities.Count > 0)
        {
            foreach (var mention in article.Annotations.Entities) Add(raw, EntityPrefix + mention.EntityId, options.EntityWeight);
        }
        else
        {
            AddProxyEntities(body, options.EntityWeight, raw);
        }
        return raw;
    }

    private static void AddStems(AnalyzedText text, double weight, Dictionary<string, double> raw)
    {
        foreach (var token in text.Tokens)
        {
            if (token.IsStopword || token.Stem.Length < 2) continue;
            if (token.Kind == TokenKind.Word || (token.Kind == TokenKind.Number && token.Stem.Length >= 3)) Add(raw, token.Stem, weight);
        }
    }

    /// <summary>
    /// Capitalised token sequences not at a sentence start stand in for named entities until an entity stage fills
    /// <see cref="ArticleAnnotations.Entities"/>. A capitalised sentence-initial token counts when the next one is
    /// capitalised too (<c>Juan Pablo picks …</c>). Texts in headline casing (most words capitalised) carry no signal and are skipped.
    /// </summary>
    private static void AddProxyEntities(AnalyzedText text, double weight, Dictionary<string, double> raw)
    {
        var tokens = text.Tokens;
        int words = 0, capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word || token.IsStopword) continue;
            words++;
            if (IsCapitalised(text, token)) capitalised++;
        }
        if (words >= 3 && capitalised * 10 > words * 6) return;

        var key = new StringBuilder();
        var sentenceStart = true;
        var previousEnd = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (text.Text.AsSpan(previousEnd, token.Start - previousEnd).Contains('\n'))
            {
                Flush(key, weight, raw);
                sentenceStart = true;
            }
            previousEnd = token.End;
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                Flush(key, weight, raw);
                var c = text.Text[token.Start];
                if (c is '.' or '!' or '?' or ':' or '"' or '\u201C') sentenceStart = true;
                continue;
            }
            var candidate = token.Kind == TokenKind.Word && !token.IsStopword && IsCapitalised(text, token);
            if (candidate && (!sentenceStart || key.Length > 0 || NextIsCapitalised(text, i)))
            {
                if (key.Length > 0) key.Append(' ');
                key.Append(token.Normal);
            }
            else
            {
                Flush(key, weight, raw);
            }
            sentenceStart = false;
        }
        Flush(key, weight, raw);
    }

    private static bool NextIsCapitalised(AnalyzedText text, int index)
    {
        if (index + 1 >= text.Tokens.Count) return false;
        var next = text.Tokens[index + 1];
        return next.Kind == TokenKind.Word && !next.IsStopword && IsCapitalised(text, next);
    }

    private static bool IsCapitalised(AnalyzedText text, Token token) => char.IsUpper(text.Text[token.Start]);

    private static void Flush(StringBuilder key, double weight, Dictionary<string, double> raw)
    {
        if (key.Length == 0) return;
        Add(raw, EntityPrefix + key, weight);
        key.Clear();
    }

    private static void Add(Dictionary<string, double> raw, string feature, double weight)
    {
        // Sublinear tf takes the log of the raw count, so a feature weighted to nothing must not enter at all.
        if (weight > 0) raw[feature] = raw.GetValueOrDefault(feature) + weight;
    }
}
