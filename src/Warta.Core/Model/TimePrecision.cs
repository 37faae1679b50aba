namespace Warta.Core.Model;

/// <summary>How much of a publication time the source stated.</summary>
public enum TimePrecision
{
    Day,
    Minute,
    Second,
}
