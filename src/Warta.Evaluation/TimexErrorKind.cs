namespace Warta.Evaluation;

/// <summary>Why a gold or predicted TIMEX3 was not a full match.</summary>
public enum TimexErrorKind
{
    Missed,
    Spurious,
    Boundary,
    WrongType,
    WrongValue,
}
