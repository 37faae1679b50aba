using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>One disagreement between gold and predicted TIMEX3, with the surrounding text for reading.</summary>
public sealed record TimexError(string DocumentId, TimexErrorKind Kind, GoldTimex? Gold, TemporalExpression? Predicted, string Context);
