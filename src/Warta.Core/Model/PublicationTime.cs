namespace Warta.Core.Model;

/// <summary>When an article was published, with how precisely the source said so.</summary>
/// <param name="Value">The instant, with the outlet's UTC offset (WIB +07:00, WITA +08:00, WIT +09:00).</param>
/// <param name="Precision">Whether the source gave a day only or a clock time too.</param>
public readonly record struct PublicationTime(DateTimeOffset Value, TimePrecision Precision)
{
    /// <summary>ISO 8601: <c>2019-04-23</c> for a day, <c>2019-03-26T20:34+07:00</c> for a minute.</summary>
    public override string ToString() => Precision switch
    {
        TimePrecision.Day => Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimePrecision.Second => Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd'T'HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture),
    };
}
