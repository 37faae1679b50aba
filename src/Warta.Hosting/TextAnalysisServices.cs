using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Text;

namespace Warta.Hosting;

/// <summary>Loads the text analysis once per process (the hunspell dictionary takes about half a second) and logs a missing dictionary once.</summary>
public sealed partial class TextAnalysisServices(IOptions<WartaOptions> options, ILogger<TextAnalysisServices> logger)
{
    private readonly Lazy<TextAnalyzer> _analyzer = new(() =>
    {
        var analyzer = new TextAnalyzer(HunspellLoader.LoadIndonesianStemmer(options.Value.HunspellFolder));
        if (analyzer.IndonesianStemmer.Warning is { } warning) LogMissingDictionary(logger, warning);
        return analyzer;
    });

    /// <summary>The process's text analyzer.</summary>
    public TextAnalyzer Analyzer => _analyzer.Value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogMissingDictionary(ILogger logger, string warning);
}
