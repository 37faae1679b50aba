namespace Warta.Hosting;

/// <summary>Where the followed sources are listed: <c>"sources": "sources.json"</c> in <c>warta.json</c>, <c>WARTA_SOURCES</c>, or <c>warta watch --sources</c>.</summary>
public sealed class WatchOptions
{
    /// <summary>The sources file (see <see cref="Core.Sources.SourceList"/>); null when nothing is followed.</summary>
    public string? Sources { get; set; }
}
