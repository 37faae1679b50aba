using System.Runtime.InteropServices;
using Warta.Core.Model;
using Warta.Text;

namespace Warta.Core.Clustering;

/// <summary>Raw weighted feature counts of an article: stems (stopwords dropped, title weighted) and entity features.</summary>
/// <remarks>
/// Features are resolved to their <see cref="TermEntry"/> as they are met, in first-occurrence order, and merged through
/// the entry's extraction stamp, so an article costs one vocabulary lookup per token and no per-article dictionary.
/// The buffers are reused: the features returned are valid until the next call. Not thread-safe.
/// Stored clusterer checkpoints hold term statistics built from these features: a change to what is extracted or how it
/// is weighted must bump <see cref="StoryClusterer.SnapshotFormatVersion"/> and raise
/// <see cref="StoryClusterer.OldestReadableSnapshotVersion"/> to it, so stores replay rather than mix the two.
/// </remarks>
internal sealed class FeatureExtractor(TermStatistics terms, StoryClustererOptions options)
{
    /// <summary>Prefix that keeps entity features apart from stems in the shared vocabulary.</summary>
    private const char EntityPrefix = '\u0001';

    private readonly List<(TermEntry Entry, double Count)> _features = [];
    private char[] _key = new char[64];
    private int _keyLength;
    private long _stamp;

    /// <summary>The stamp of the latest extraction: an entry whose <see cref="TermEntry.ExtractionStamp"/> equals it is one of the latest article's features, at <see cref="TermEntry.FeatureSlot"/>.</summary>
    public long Stamp => _stamp;

    /// <summary>The weekdays the latest article names (bit 0 Monday to bit 6 Sunday), written with a capital: reports of one event state the day it happened.</summary>
    public byte Weekdays { get; private set; }

    /// <summary>The latest year the latest article states (a year written as a number, or the year of a date the temporal annotation resolved), or 0: reports cite earlier years as background, so the latest is the nearest to when the event happened.</summary>
    public int LatestYear { get; private set; }

    public Span<(TermEntry Entry, double Count)> Extract(Article article, AnalyzedText title, AnalyzedText body)
    {
        _features.Clear();
        _stamp++;
        Weekdays = 0;
        LatestYear = StatedYear(article);
        AddStems(title, options.TitleWeight);
        AddStems(body, 1.0);
        AddProxyEntities(title, options.EntityWeight);
        AddFacts(article, options.FactWeight);
        if (article.Annotations.Entities.Count > 0)
        {
            if (!(options.EntityWeight > 0)) return CollectionsMarshal.AsSpan(_features);
            foreach (var mention in article.Annotations.Entities)
            {
                if (options.NamesNeedCapitals && !HasUpper(mention.Text)) continue;
                StartKey();
                AppendKey(mention.EntityId);
                Add(terms.Get(_key.AsSpan(0, _keyLength), KindOf(mention.Type)), options.EntityWeight);
            }
        }
        else
        {
            AddProxyEntities(body, options.EntityWeight);
        }
        return CollectionsMarshal.AsSpan(_features);
    }

    /// <summary>
    /// The event's stated facts as features: each calendar date the temporal annotation resolved to a year (its year and,
    /// when stated, its month) and each count with what it counts (<c>7 meninggal</c>). Relative dates of an undated article
    /// resolve to no year and add nothing.
    /// </summary>
    private void AddFacts(Article article, double weight)
    {
        if (!(weight > 0)) return;
        foreach (var time in article.Annotations.Times)
        {
            if (time.Type != TimexType.Date || time.Value is not { Length: >= 4 } value || !IsDigits(value.AsSpan(0, 4))) continue;
            AddYear(value[..4], weight);
            if (value.Length < 7 || value[4] != '-' || !IsDigits(value.AsSpan(5, 2))) continue;
            AppendKey(value[4..7]);
            Add(terms.Get(_key.AsSpan(0, _keyLength), TermKind.Fact), weight);
        }
        foreach (var quantity in article.Annotations.Quantities)
        {
            if (quantity.Counts is not { Length: > 0 } counts || quantity.Value < 2) continue;
            StartKey();
            AppendKey("\u0002q");
            AppendKey(quantity.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AppendKey(" ");
            AppendKey(counts);
            Add(terms.Get(_key.AsSpan(0, _keyLength), TermKind.Fact), weight);
        }
    }

    /// <summary>The latest year of the dates the temporal annotation resolved to one (an undated article's relative dates resolve to none), or 0.</summary>
    private static int StatedYear(Article article)
    {
        var latest = 0;
        foreach (var time in article.Annotations.Times)
        {
            if (time.Type != TimexType.Date || time.Value is not { Length: >= 4 } value || !IsDigits(value.AsSpan(0, 4))) continue;
            var year = int.Parse(value.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
            if (year is >= 1900 and <= 2099) latest = Math.Max(latest, year);
        }
        return latest;
    }

    /// <summary>The weekday a word names (0 Monday to 6 Sunday), in English or Indonesian, or -1.</summary>
    /// <remarks>Indonesian <c>Minggu</c> is also the word for week; a capital (checked by the caller) mostly tells them apart.</remarks>
    private static int WeekdayOf(string normal) => normal switch
    {
        "monday" or "senin" => 0,
        "tuesday" or "selasa" => 1,
        "wednesday" or "rabu" => 2,
        "thursday" or "kamis" => 3,
        "friday" or "jumat" => 4,
        "saturday" or "sabtu" => 5,
        "sunday" or "minggu" => 6,
        _ => -1,
    };

    /// <summary>A year written as a number (1900-2099) in any language is a fact of the event, keyed as the dates' years are.</summary>
    private static bool IsYear(string stem) => stem.Length == 4 && (stem.StartsWith("19", StringComparison.Ordinal) || stem.StartsWith("20", StringComparison.Ordinal)) && IsDigits(stem);

    /// <summary>Adds the year's fact and leaves the key holding it, so a month can be appended.</summary>
    private void AddYear(string year, double weight)
    {
        StartKey();
        AppendKey("\u0002y");
        AppendKey(year);
        Add(terms.Get(_key.AsSpan(0, _keyLength), TermKind.Fact), weight);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }

    /// <summary>Whether a mention's text has a capital letter: a name without one (English <c>as</c> read as Indonesian <c>AS</c>) is a tagging error in both languages.</summary>
    private static bool HasUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c)) return true;
        }
        return false;
    }

    private static TermKind KindOf(EntityType type) => type switch
    {
        EntityType.Place => TermKind.Place,
        EntityType.Person => TermKind.Person,
        _ => TermKind.Specific,
    };

    private void AddStems(AnalyzedText text, double weight)
    {
        if (!(weight > 0)) return;
        foreach (ref readonly var token in AnalyzedTokens.Of(text))
        {
            if (token.Kind == TokenKind.Word && WeekdayOf(token.Normal) is var day and >= 0 && IsCapitalised(text, token)) Weekdays |= (byte)(1 << day);
            if (token.Kind == TokenKind.Number && IsYear(token.Stem)) LatestYear = Math.Max(LatestYear, int.Parse(token.Stem, System.Globalization.CultureInfo.InvariantCulture));
            if (token.IsStopword || token.Stem.Length < 2) continue;
            if (token.Kind == TokenKind.Word) Add(terms.Get(token.Stem), weight);
            else if (token.Kind == TokenKind.Number && IsYear(token.Stem) && options.FactWeight > 0) AddYear(token.Stem, options.FactWeight);
            else if (token.Kind == TokenKind.Number && token.Stem.Length >= options.MinNumberLength) Add(terms.Get(token.Stem, options.NumbersAreSpecific ? TermKind.Specific : TermKind.General), weight);
        }
    }

    /// <summary>
    /// Capitalised token sequences not at a sentence start stand in for named entities until an entity stage fills
    /// <see cref="ArticleAnnotations.Entities"/>. A capitalised sentence-initial token counts when the next one is
    /// capitalised too (<c>Juan Pablo picks …</c>). Texts in headline casing (most words capitalised) carry no signal and are skipped.
    /// </summary>
    private void AddProxyEntities(AnalyzedText text, double weight)
    {
        if (!(weight > 0)) return;
        var tokens = AnalyzedTokens.Of(text);
        int words = 0, capitalised = 0;
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind != TokenKind.Word || token.IsStopword) continue;
            words++;
            if (IsCapitalised(text, token)) capitalised++;
        }
        if (words >= 3 && capitalised * 10 > words * 6) return;

        StartKey();
        var sentenceStart = true;
        var previousEnd = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (text.Text.AsSpan(previousEnd, token.Start - previousEnd).Contains('\n'))
            {
                Flush(weight);
                sentenceStart = true;
            }
            previousEnd = token.End;
            if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                Flush(weight);
                var c = text.Text[token.Start];
                if (c is '.' or '!' or '?' or ':' or '"' or '\u201C') sentenceStart = true;
                continue;
            }
            var candidate = token.Kind == TokenKind.Word && !token.IsStopword && IsCapitalised(text, token);
            if (candidate && (!sentenceStart || _keyLength > 1 || NextIsCapitalised(text, tokens, i)))
            {
                if (_keyLength > 1) AppendKey(" ");
                AppendKey(token.Normal);
            }
            else
            {
                Flush(weight);
            }
            sentenceStart = false;
        }
        Flush(weight);
    }

    private static bool NextIsCapitalised(AnalyzedText text, ReadOnlySpan<Token> tokens, int index)
    {
        if (index + 1 >= tokens.Length) return false;
        ref readonly var next = ref tokens[index + 1];
        return next.Kind == TokenKind.Word && !next.IsStopword && IsCapitalised(text, next);
    }

    private static bool IsCapitalised(AnalyzedText text, in Token token) => char.IsUpper(text.Text[token.Start]);

    /// <summary>Entity keys are built in a reused buffer behind the prefix; the vocabulary allocates a string only for a new one.</summary>
    private void StartKey()
    {
        _key[0] = EntityPrefix;
        _keyLength = 1;
    }

    private void AppendKey(string part)
    {
        if (_keyLength + part.Length > _key.Length) Array.Resize(ref _key, Math.Max(_key.Length * 2, _keyLength + part.Length));
        part.CopyTo(_key.AsSpan(_keyLength));
        _keyLength += part.Length;
    }

    private void Flush(double weight)
    {
        if (_keyLength == 1) return;
        Add(terms.Get(_key.AsSpan(0, _keyLength), TermKind.Specific), weight);
        _keyLength = 1;
    }

    /// <summary>Callers skip a weight that is not positive before the lookup: sublinear tf takes the log of the raw count, and a term must not get an id it never uses.</summary>
    private void Add(TermEntry entry, double weight)
    {
        if (entry.ExtractionStamp != _stamp)
        {
            entry.ExtractionStamp = _stamp;
            entry.FeatureSlot = _features.Count;
            _features.Add((entry, weight));
        }
        else
        {
            CollectionsMarshal.AsSpan(_features)[entry.FeatureSlot].Count += weight;
        }
    }
}
