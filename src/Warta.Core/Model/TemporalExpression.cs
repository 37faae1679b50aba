using System.Text.Json.Serialization;

namespace Warta.Core.Model;

/// <summary>A temporal expression in an article body, normalised against the publication time in TimeML style.</summary>
/// <param name="Start">Offset into <see cref="Article.Body"/>.</param>
/// <param name="Length">Length in chars.</param>
/// <param name="Text">The expression as written (<c>Februari lalu</c>).</param>
/// <param name="Type">Date, time, duration or set.</param>
/// <param name="Value">TIMEX3 value (<c>2019-02</c>, <c>2019-W17</c>, <c>P1M</c>, <c>PRESENT_REF</c>); null when it cannot be resolved.
/// A clock time is the wall-clock reading as written (<c>pukul 20.34 WIB</c> is <c>2019-04-23T20:34</c>): TimeML and IndoTimex
/// put no zone in the value.</param>
/// <param name="UtcOffset">The UTC offset a named zone gives a clock time (<c>+07:00</c> for <c>WIB</c>, <c>+08:00</c> for
/// <c>WITA</c> or <c>waktu Singapura</c>); null when the text names none. Value and offset together make an instant.</param>
public sealed record TemporalExpression(int Start, int Length, string Text, TimexType Type, string? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UtcOffset = null);
