using Warta.Text;

namespace Warta.Cli;

/// <summary>The one place the CLI obtains its text analyser.</summary>
internal static class TextServices { public static ITextAnalyzer CreateAnalyzer() => new StandInAnalyzer(); }
