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
    private int _loadStarted;

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

    /// <summary>The analyzer of <see cref="Analyzer"/>, its dictionary loading on a thread of its own from now on; it waits for the load only when it first analyses.</summary>
    /// <remarks>The writer's start-up (opening the store, the search index and the placer) needs no stemming: on two cores it
    /// runs while the dictionary loads (about a second of CPU, the largest part of a small ingest's start-up) instead of after it.</remarks>
    public ITextAnalyzer LoadingAnalyzer()
    {
        // A thread rather than the pool's queue: the load starts at once, and a pool thread that analyses cannot wait on a work item queued behind it.
        if (Interlocked.Exchange(ref _loadStarted, 1) == 0) new Thread(Warm) { IsBackground = true, Name = "hunspell load" }.Start();
        return new Deferred(this);
    }

    private void Warm()
    {
        try
        {
            _ = Analyzer;
        }
#pragma warning disable CA1031 // A warm-up only: whoever analyses first meets the same failure (invalid options) where it can report it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>The analyzer for <paramref name="hunspellFolder"/>, loaded on first use; its stemmer's warning says when the dictionary is missing.</summary>
    public static TextAnalyzer Shared(string hunspellFolder) =>
        Loaded.GetOrAdd(hunspellFolder, static folder => new Lazy<TextAnalyzer>(() => new TextAnalyzer(HunspellLoader.LoadIndonesianStemmer(folder)))).Value;

    /// <summary>Analyses with the process's analyzer once it is loaded (the shared lazy load waits for a load under way rather than starting a second).</summary>
    private sealed class Deferred(TextAnalysisServices services) : ITextAnalyzer
    {
        private TextAnalyzer? _loaded;

        public AnalyzedText Analyze(TokenizedText tokens, string language) => (_loaded ??= services.Analyzer).Analyze(tokens, language);

        public void AnalyzeInto(TokenizedText tokens, string language, Span<Token> into) => (_loaded ??= services.Analyzer).AnalyzeInto(tokens, language, into);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogMissingDictionary(ILogger logger, string warning);
}
