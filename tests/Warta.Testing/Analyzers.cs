using Warta.Text;

namespace Warta.Testing;

/// <summary>The one place tests and benchmarks obtain the text analyser.</summary>
public static class Analyzers { public static ITextAnalyzer Default { get; } = new StandInAnalyzer(); }
