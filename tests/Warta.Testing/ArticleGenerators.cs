using CsCheck;
using Warta.Core.Model;

namespace Warta.Testing;

/// <summary>CsCheck generators of model values that exercise storage: non-ASCII text, quotes, newlines, nulls, offsets.</summary>
public static class ArticleGenerators
{
    private static readonly Gen<string> Word = Gen.OneOf(
        "Jakarta", "Korut", "Presiden", "kata", "ujar", "menurut", "“Kami", "siap”", "'kutipan'", "\"tanda\"",
        "Sulawesi", "Rp1,5", "triliun", "10.000", "café", "Ñoño", "Привет", "日本", "😀", "\\", "\t", "a\nb", "",
        "WIB", "pukul", "19.30", "{", "}", "<b>", "&amp;");

    /// <summary>Text of 0-12 words joined by spaces.</summary>
    public static Gen<string> Text { get; } = Word.Array[0, 12].Select(static words => string.Join(' ', words));

    /// <summary>A non-empty id-like token: 16 hex digits.</summary>
    public static Gen<string> Id { get; } = Gen.ULong.Select(static n => n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An instant between 1990 and 2040 with any offset from UTC-12 to UTC+14, to 100 ns.</summary>
    public static Gen<DateTimeOffset> Instant { get; } = Gen.Select(
        Gen.Long[new DateTime(1990, 1, 1).Ticks, new DateTime(2040, 1, 1).Ticks],
        Gen.Int[-12 * 60, 14 * 60],
        static (ticks, offset) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset)));

    public static Gen<PublicationTime> Published { get; } =
        Gen.Select(Instant, Gen.Enum<TimePrecision>(), static (value, precision) => new PublicationTime(value, precision));

    public static Gen<EntityMention> Entity { get; } = Gen.Select(
        Gen.Int[0, 5000], Gen.Int[0, 100], Text, Gen.Enum<EntityType>(), Text, Text,
        static (start, length, text, type, id, name) => new EntityMention(start, length, text, type, id, name));

    public static Gen<TemporalExpression> Time { get; } = Gen.Select(
        Gen.Int[0, 5000], Gen.Int[0, 100], Text, Gen.Enum<TimexType>(), Text.Null(),
        static (start, length, text, type, value) => new TemporalExpression(start, length, text, type, value));

    public static Gen<Quote> Quote { get; } = Gen.Select(
        Gen.Select(Gen.Int[0, 5000], Gen.Int[0, 100], Text),
        Gen.Select(Text.Null(), Text.Null(), Text.Null()),
        Gen.Enum<QuoteKind>(), Text,
        static (span, speaker, kind, cue) => new Quote(span.Item1, span.Item2, span.Item3, speaker.Item1, speaker.Item2, speaker.Item3, kind, cue));

    public static Gen<ArticleAnnotations> Annotations { get; } = Gen.Select(
        Entity.List[0, 4], Time.List[0, 3], Quote.List[0, 3],
        static (entities, times, quotes) => new ArticleAnnotations(entities, times, quotes));

    private static readonly Gen<Dictionary<string, string>> Provenance =
        Gen.Select(Gen.OneOf("title", "outlet", "published", "authors", "url", "language"), Text).Array[0, 6]
            .Select(static pairs => pairs.DistinctBy(static p => p.Item1).ToDictionary(static p => p.Item1, static p => p.Item2, StringComparer.Ordinal));

    /// <summary>Any article, annotations and missing fields included.</summary>
    public static Gen<Article> Article { get; } = Gen.Select(
        Gen.Select(Id, Text, Gen.OneOf("", "tirto.id", "rakyatku.com", "kompas.com"), Text.Array[0, 3]),
        Gen.Select(Published.Nullable(), Gen.OneOf("id", "en", "und"), Text.Array[0, 6], Text.Null()),
        Gen.Select(Text, Provenance, Annotations),
        static (head, body, tail) => new Article
        {
            Id = head.Item1,
            Title = head.Item2,
            Outlet = head.Item3,
            Authors = head.Item4,
            Published = body.Item1,
            Language = body.Item2,
            Paragraphs = body.Item3,
            Url = body.Item4,
            Source = tail.Item1,
            Provenance = tail.Item2,
            Annotations = tail.Item3,
        });

    /// <summary>Articles with distinct ids.</summary>
    public static Gen<Article[]> DistinctArticles(int max) =>
        Article.Array[0, max].Select(static articles => articles.DistinctBy(static a => a.Id).ToArray());
}
