using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Core.Search;
using Warta.Core.Storage;
using Warta.Hosting;
using Warta.Search.Lucene;
using Warta.Storage.Postgres;
using Warta.Storage.Sqlite;
using Warta.Text;

namespace Warta.Cli;

/// <summary>The host one command runs in: Warta's configuration with <c>--db</c> (when given) on top, and its services.</summary>
internal sealed class CliHost : IDisposable
{
    private readonly IHost _host;

    private CliHost(IHost host) => _host = host;

    /// <summary>Builds the host for a parsed command line.</summary>
    public static CliHost Create(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        // Only an explicit --db overrides the environment and warta.json; a null value adds nothing.
        return new CliHost(WartaHost.CreateBuilder(
        [
            new(nameof(WartaOptions.Store), parseResult.GetValue(GlobalOptions.Db)),
            new(nameof(WorkQueueOptions.Queue), parseResult.GetValue(GlobalOptions.Queue)),
        ]).Build());
    }

    /// <summary>Builds the host for a command that writes: with the <see cref="PlacementService"/>, <paramref name="lockTimeoutSeconds"/> (when given) over <c>Placer:LockTimeoutSeconds</c>.</summary>
    public static CliHost CreateWithPlacement(ParseResult parseResult, double? lockTimeoutSeconds, Action<HostApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var builder = WartaHost.CreateBuilder(
        [
            new(nameof(WartaOptions.Store), parseResult.GetValue(GlobalOptions.Db)),
            new(nameof(WorkQueueOptions.Queue), parseResult.GetValue(GlobalOptions.Queue)),
            new($"{PlacementOptions.Section}:{nameof(PlacementOptions.LockTimeoutSeconds)}", lockTimeoutSeconds?.ToString(CultureInfo.InvariantCulture)),
        ]);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        // A service that fails to start is reported by TryStartPlacementAsync as one "warta:" line; the host's own error log would repeat it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddWartaPlacement(builder.Configuration);
        configure?.Invoke(builder);
        return new CliHost(builder.Build());
    }

    /// <summary>Builds the host of a queue worker (<c>warta worker …</c>): the command's settings over the configuration, and what <paramref name="configure"/> adds.</summary>
    public static CliHost CreateForWorker(ParseResult parseResult, IEnumerable<KeyValuePair<string, string?>> settings, Action<HostApplicationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WartaHost.CreateBuilder(
        [
            new(nameof(WartaOptions.Store), parseResult.GetValue(GlobalOptions.Db)),
            new(nameof(WorkQueueOptions.Queue), parseResult.GetValue(GlobalOptions.Queue)),
            .. settings,
        ]);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        configure(builder);
        return new CliHost(builder.Build());
    }

    /// <summary>Runs the host until a worker stops it (idle, or failed) or <paramref name="cancellationToken"/> (Ctrl+C, SIGTERM) fires; then stops it.</summary>
    public async Task RunUntilStoppedAsync(CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken);
        var stopping = _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _host.StopAsync(CancellationToken.None);
    }

    /// <summary>The configured work queue's opener.</summary>
    public WorkQueueOpener WorkQueue => _host.Services.GetRequiredService<WorkQueueOpener>();

    /// <summary>Starts the host's placement service, telling <paramref name="error"/> while it waits for another writer;
    /// or writes one line naming the store and why it cannot be written and returns null.</summary>
    public async Task<PlacementService?> TryStartPlacementAsync(TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        // The stemming dictionary (about a second) loads on a thread of its own from here while the NER model loads (which
        // resolving the service waits for) and the store and the placer open; the first placement waits for it.
        var textAnalysis = _host.Services.GetRequiredService<TextAnalysisServices>();
        _ = textAnalysis.LoadingAnalyzer();
        var placement = _host.Services.GetRequiredService<PlacementService>();
        placement.OnWaiting = message => error.WriteLine($"warta: {message}");
        try
        {
            await _host.StartAsync(cancellationToken);
            return placement;
        }
        catch (StoreBusyException ex)
        {
            error.WriteLine($"warta: cannot write to store '{StoreLocation}': {ex.Message}");
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OptionsValidationException)
        {
            error.WriteLine($"warta: {ex.Message}");
        }
        return null;
    }

    /// <summary>Stops the host: the placement service commits everything it took and releases the store.</summary>
    public Task StopAsync() => _host.StopAsync(CancellationToken.None);

    /// <summary>The host's services, for a command that drives one itself (<c>warta watch</c>).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Where the store lives, as configured (a PostgreSQL location as messages show it, without its password).</summary>
    public string StoreLocation => _host.Services.GetRequiredService<StoreOpener>().DisplayLocation;

    /// <summary>The host's store maintenance (delete, backup, restore).</summary>
    public StoreMaintenance Maintenance => _host.Services.GetRequiredService<StoreMaintenance>();

    /// <summary>The host's alert deliverer (webhook client, retry policy and clock as configured).</summary>
    public AlertDeliverer AlertDeliverer => _host.Services.GetRequiredService<AlertDeliverer>();

    /// <summary>The process's text analyzer (a missing dictionary is logged once).</summary>
    public ITextAnalyzer Analyzer => _host.Services.GetRequiredService<TextAnalysisServices>().Analyzer;

    /// <summary>Opens the configured store read-only (for a command that only reads: nothing is created, migrated or
    /// switched to WAL), or writes one line naming it and why to <paramref name="error"/> and returns null.</summary>
    public IWartaStore? TryOpenStore(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return _host.Services.GetRequiredService<StoreOpener>().OpenForReading();
        }
        catch (StoreUnavailableException ex)
        {
            error.WriteLine($"warta: {ex.Message}");
            return null;
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"warta: {ex.Message}");
            return null;
        }
    }

    /// <summary>Opens the configured store for writing (created or upgraded when needed) without the placer's write lock, for
    /// small writes in transactions of their own (API keys); or writes one line naming it and why and returns null.</summary>
    public IWartaStore? TryOpenStoreForWriting(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return _host.Services.GetRequiredService<StoreOpener>().Open();
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OptionsValidationException)
        {
            error.WriteLine($"warta: {ex.Message}");
            return null;
        }
    }

    /// <summary>The store's search index for reading: the Lucene index beside an SQLite file, PostgreSQL's full-text search
    /// in a PostgreSQL store; null when the store has none yet. Dispose it when it is <see cref="IDisposable"/>.</summary>
    /// <param name="store">The store opened by <see cref="TryOpenStore"/>.</param>
    /// <param name="stories">When given, story hits carry the store's headline.</param>
    public ISearchIndex? TryOpenSearchIndex(IWartaStore store, IStoryReader? stories = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            SqliteStore sqlite => LuceneSearchIndex.TryOpen(SearchIndexLocation.For(sqlite.Path), Analyzer, stories, sqlite),
            PostgresStore postgres => PostgresSearchIndex.TryOpen(postgres, Analyzer),
            _ => null,
        };
    }

    public void Dispose() => _host.Dispose();
}
