using Warta.Hosting;
using Warta.Text;

namespace Warta.Cli;

/// <summary>The text analysis of the evaluation commands, which run without a store: the process-wide analyzer of the default dictionary folder.</summary>
internal static class TextServices
{
    /// <summary>The shared analyzer; a missing dictionary is reported once on stderr and analysis continues with rules only.</summary>
    public static ITextAnalyzer CreateAnalyzer()
    {
        var analyzer = TextAnalysisServices.Shared(HunspellLoader.HunspellFolder);
        WarnOnce(analyzer.IndonesianStemmer);
        return analyzer;
    }

    /// <summary>The Indonesian stemmer behind <see cref="CreateAnalyzer"/>.</summary>
    public static IndonesianStemmer IndonesianStemmer() => ((TextAnalyzer)CreateAnalyzer()).IndonesianStemmer;

    private static int _warned;

    private static void WarnOnce(IndonesianStemmer stemmer)
    {
        if (stemmer.Warning is not null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Console.Error.WriteLine("warning: " + stemmer.Warning);
        }
    }
}
