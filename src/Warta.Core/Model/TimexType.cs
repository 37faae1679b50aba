namespace Warta.Core.Model;

/// <summary>TimeML TIMEX3 types.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}
