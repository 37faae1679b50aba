using System.Globalization;
using Warta.Core.Model;

namespace Warta.Core.Extraction.Temporal;

// This part: Clock-time rules: <c>pukul 20.34 WIB</c> and its variants, on the day last mentioned.
internal sealed partial class TemporalGrammar
{
    /// <summary>Named places whose time a clock reading can be given in (<c>pukul 13.57 waktu Singapura</c>), with their UTC offsets.</summary>
    private static readonly Dictionary<string, string> PlaceZones = new(StringComparer.Ordinal)
    {
        ["singapura"] = "+08:00",
        ["malaysia"] = "+08:00",
        ["jakarta"] = "+07:00",
        ["jepang"] = "+09:00",
        ["tokyo"] = "+09:00",
    };

    /// <summary>
    /// <c>pukul 20.34 WIB</c>, <c>pukul 10.00 pagi</c>, <c>20:34 WITA</c>, <c>sekitar pukul 09.00</c>; the day is
    /// <paramref name="day"/> when given (a date written just before), else the date just mentioned (the next day for a small-hours
    /// time told right after that day's afternoon, evening or night), else the reference date.
    /// </summary>
    /// <remarks>
    /// The zone stays inside the span but out of the value: IndoTimex's recogniser reads <c>WIB</c>/<c>WITA</c>/<c>WIT</c> as
    /// part of a TIME (<c>lib/timex_regex.txt</c>, TIME) and its normaliser ignores them (<c>lib/id.grammar</c>,
    /// <c>[Nil] ||| WIB</c>), as TimeML values of wall-clock times carry no zone. The offset the zone gives is kept in
    /// <see cref="Match.Offset"/>, so value and offset together still make an instant.
    /// </remarks>
    private Match? Clock(int i, DateOnly? day = null)
    {
        var j = i;
        // A modifier stays inside the span (TimeML mod="APPROX"), as "kurang dari" does for durations.
        if (Word(j, "sekitar") && (Word(j + 1, "pukul") || Word(j + 1, "jam"))) j++;
        var cued = Word(j, "pukul") || Word(j, "jam") && At(j + 1).IsNumber && Adjacent(j + 1, j + 2) && At(j + 2).Text is "." or ":";
        if (cued) j++;
        var h = Number(j, 0, 24, 2);
        if (h is null) return null;
        var minute = 0;
        var end = j + 1;
        if (At(end).Text is "." or ":" && Adjacent(j, end) && Adjacent(end, end + 1) && Number(end + 1, 0, 59, 2) is { } mm && At(end + 1).Length == 2)
        {
            minute = mm;
            end += 2;
            if (At(end).Text is "." or ":" && Adjacent(end - 1, end) && Number(end + 1, 0, 59, 2) is not null && Adjacent(end, end + 1)) end += 2;
        }
        else if (!cued)
        {
            return null;
        }
        var hasZone = At(end).IsWord && Zones.ContainsKey(At(end).Lower) && At(end).Text.All(char.IsUpper);
        if (!cued && !hasZone) return null;
        var hour = h.Value;
        if (At(end).IsWord && TemporalLexicon.PartsOfDay.TryGetValue(At(end).Lower, out var part))
        {
            if (part is "AF" or "EV" or "NI" && hour < 12 && !(part == "NI" && hour < 5) && !Word(end, "dini")) hour += 12;
            end++;
            if (Word(end - 1, "dini") && Word(end, "hari")) end++;
        }
        string? offset = null;
        if (IsZone(end))
        {
            offset = Zones[At(end++).Lower];
        }
        else if (Word(end, "waktu") && At(end + 1).IsWord && (PlaceZones.TryGetValue(At(end + 1).Lower, out var placeOffset) || Word(end + 1, "setempat")))
        {
            // "waktu setempat" (local time) names no zone we can give an offset for; it still belongs to the expression.
            offset = placeOffset;
            end += 2;
        }
        if (hour == 24) hour = 0;
        var onLastDay = day is null && _lastDay is not null && _t[i].Start - _lastDayEnd is >= 0 and < 24;
        var on = day ?? (onLastDay ? _lastDay!.Value : _ref);
        if (onLastDay && _lastDayLate && hour < 6) on = on.AddDays(1);
        var value = Day(on) + "T" + hour.ToString("D2", CultureInfo.InvariantCulture) + ":" + minute.ToString("D2", CultureInfo.InvariantCulture);
        return new Match(end, TimexType.Time, value, Offset: offset);
    }
}
