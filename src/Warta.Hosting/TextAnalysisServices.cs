using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Text;

namespace Warta.Hosting;

/// <summary>Loads the text analysis once per process and dictionary folder (the hunspell dictionary takes about half a second) and logs a missing dictionary once.</summary>
public sealed partial class TextAnalysisServices(IOptions<WartaOptions> options, ILogger<TextAnalysisServices> logger)
{
    // Process-wide, so hosts built per command (and in-process test runs) share one loaded dictionary.
    private static readonly ConcurrentDictionary<string, Lazy<TextAnalyzer>> Loaded = new(StringComparer.Ordinal);
    private static int _warned;

    /// <summary>The process's text analyzer for the configured dictionary folder.</summary>
    public TextAnalyzer Analyzer
    {
        get
        {
            var analyzer = Shared(options.Value.HunspellFolder);
            if (analyzer.IndonesianStemmer.Warning is { } warning && Interlocked.Exchange(ref _warned, 1) == 0) LogMissingDictionary(logger, warning);
            return analyzer;
        }
    }

    /// <summary>The analyzer for <paramref name="hunspellFolder"/>, loaded on first use; its stemmer's warning says when the dictionary is missing.</summary>
    public static TextAnalyzer Shared(string hunspellFolder) =>
        Loaded.GetOrAdd(hunspellFolder, static folder => new Lazy<TextAnalyzer>(() => new TextAnalyzer(HunspellLoader.LoadIndonesianStemmer(folder)))).Value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogMissingDictionary(ILogger logger, string warning);
}
