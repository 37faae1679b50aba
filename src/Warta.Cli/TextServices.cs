using Warta.Text;

namespace Warta.Cli;

/// <summary>Builds the text analysis used by every command: the hunspell-backed Indonesian stemmer is loaded once per process.</summary>
internal static class TextServices
{
    private static readonly Lazy<TextAnalyzer> Analyzer = new(() => new TextAnalyzer(HunspellLoader.LoadIndonesianStemmer()));

    /// <summary>The shared analyzer; a missing dictionary is reported once on stderr and analysis continues with rules only.</summary>
    public static ITextAnalyzer CreateAnalyzer()
    {
        var analyzer = Analyzer.Value;
        WarnOnce(analyzer.IndonesianStemmer);
        return analyzer;
    }

    /// <summary>The Indonesian stemmer behind <see cref="CreateAnalyzer"/>.</summary>
    public static IndonesianStemmer IndonesianStemmer()
    {
        var stemmer = Analyzer.Value.IndonesianStemmer;
        WarnOnce(stemmer);
        return stemmer;
    }

    private static int _warned;

    private static void WarnOnce(IndonesianStemmer stemmer)
    {
        if (stemmer.Warning is not null && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Console.Error.WriteLine("warning: " + stemmer.Warning);
        }
    }
}
