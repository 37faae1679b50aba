namespace Warta.Core.Extraction.Temporal;

/// <summary>A calendar or clock unit that a duration or a relative date counts in.</summary>
internal enum TemporalUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}
