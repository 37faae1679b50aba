namespace Warta.Hosting;

/// <summary>Settings every Warta process reads, bound from configuration (command line, <c>WARTA_</c> environment, <c>warta.json</c>).</summary>
/// <remarks>
/// Keys sit at the root of the configuration: <c>{"store": "news.db"}</c> in <c>warta.json</c>, <c>WARTA_STORE=news.db</c> in the
/// environment, <c>--db news.db</c> on the command line; nested keys use <c>__</c> in the environment (<c>WARTA_PLACER__BATCHSIZE</c>).
/// </remarks>
public sealed class WartaOptions
{
    /// <summary>The embedded store's file when nothing else is configured.</summary>
    public const string DefaultStore = "warta.db";

    /// <summary>Where the store lives: a path to the embedded SQLite file.</summary>
    public string Store { get; set; } = DefaultStore;

    /// <summary>Folder of the Indonesian hunspell dictionary (Debian's <c>hunspell-id</c>).</summary>
    public string HunspellFolder { get; set; } = Text.HunspellLoader.HunspellFolder;
}
