using Warta.Text;

namespace Warta.Testing;

/// <summary>The one text analyzer shared by tests and benchmarks (loading the hunspell dictionary takes about half a second).</summary>
public static class Analyzers
{
    public static ITextAnalyzer Default => Shared;

    /// <summary>The concrete analyzer behind <see cref="Default"/>, for tests of its Indonesian stemmer.</summary>
    public static TextAnalyzer Shared { get; } = new(HunspellLoader.LoadIndonesianStemmer());
}
