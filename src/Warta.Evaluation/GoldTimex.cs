using Warta.Core.Model;

namespace Warta.Evaluation;

/// <summary>An annotated TIMEX3 of a TimeML document: its span in the plain text, type and ISO value.</summary>
public sealed record GoldTimex(int Start, int Length, string Text, TimexType Type, string? Value);
