namespace Warta.Evaluation.Load;

/// <summary>One URL the readers fetch, with the class its latency is reported under (e.g. "story page", "api story").</summary>
public sealed record LoadTarget(string Class, string Path);
