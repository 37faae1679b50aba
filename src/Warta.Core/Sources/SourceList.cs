using System.Globalization;
using System.Text.Json;

namespace Warta.Core.Sources;

/// <summary>The outlets a watcher follows, read from a sources file (JSON), with the identity and pacing its fetches use.</summary>
/// <param name="Sources">The sources, in file order, names unique.</param>
/// <remarks>
/// The file:
/// <code>
/// { "userAgent": "…", "minHostDelaySeconds": 2,
///   "sources": [ { "name": "antara", "outlet": "antaranews.com", "feeds": ["https://…/rss/terkini.xml"], "sitemaps": [],
///                  "pollMinutes": 10, "minPollMinutes": 5, "maxPollMinutes": 120, "maxItemsPerPoll": 50,
///                  "recheckHours": 48, "recheckEveryMinutes": 60, "allowPrivate": false, "allowLoopback": false } ] }
/// </code>
/// Unknown keys are errors (a misspelt option would otherwise be ignored in silence).
/// </remarks>
public sealed record SourceList(IReadOnlyList<Source> Sources)
{
    private static readonly HashSet<string> TopKeys = new(StringComparer.Ordinal) { "sources", "userAgent", "minHostDelaySeconds", "$comment" };

    private static readonly HashSet<string> SourceKeys = new(StringComparer.Ordinal)
    {
        "name", "outlet", "feeds", "sitemaps", "pollMinutes", "minPollMinutes", "maxPollMinutes", "maxItemsPerPoll", "recheckHours",
        "recheckEveryMinutes", "allowPrivate", "allowLoopback", "$comment",
    };

    /// <summary>The User-Agent the file asks for, if any (it should name the operator and a contact).</summary>
    public string? UserAgent { get; init; }

    /// <summary>Least time between two requests to one host, if the file sets it.</summary>
    public TimeSpan? MinHostDelay { get; init; }

    /// <summary>Reads and validates a sources file's text.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <exception cref="SourceListException">The file is not valid; the message names the file, the entry and the problem.</exception>
    public static SourceList Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new SourceListException($"{file}: not valid JSON at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SourceListException($"{file}: expected an object with a \"sources\" array");
            CheckKeys(root, TopKeys, file, "the file");
            if (!root.TryGetProperty("sources", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new SourceListException($"{file}: \"sources\" must be an array of sources");
            }
            var sources = new List<Source>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var source = ReadSource(entry, file, index);
                if (!names.Add(source.Name)) throw new SourceListException($"{file}: sources[{index}]: the name \"{source.Name}\" is used twice");
                sources.Add(source);
                index++;
            }
            var delay = Number(root, "minHostDelaySeconds", file, "the file", 0, 3600);
            return new SourceList(sources)
            {
                UserAgent = Text(root, "userAgent", file, "the file"),
                MinHostDelay = delay is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
        }
    }

    private static Source ReadSource(JsonElement entry, string file, int index)
    {
        var where = $"sources[{index}]";
        if (entry.ValueKind != JsonValueKind.Object) throw new SourceListException($"{file}: {where}: expected an object");
        var name = Text(entry, "name", file, where);
        if (string.IsNullOrWhiteSpace(name)) throw new SourceListException($"{file}: {where}: \"name\" is missing");
        where = $"{where} (\"{name}\")";
        CheckKeys(entry, SourceKeys, file, where);
        var feeds = Urls(entry, "feeds", file, where);
        var sitemaps = Urls(entry, "sitemaps", file, where);
        if (feeds.Count + sitemaps.Count == 0) throw new SourceListException($"{file}: {where}: no \"feeds\" or \"sitemaps\" to poll");
        var defaults = new Source(name, feeds, sitemaps);
        var poll = Minutes(entry, "pollMinutes", file, where) ?? defaults.PollInterval;
        var min = Minutes(entry, "minPollMinutes", file, where) ?? (poll < defaults.MinPollInterval ? poll : defaults.MinPollInterval);
        var max = Minutes(entry, "maxPollMinutes", file, where) ?? (poll > defaults.MaxPollInterval ? poll : defaults.MaxPollInterval);
        if (min > poll || poll > max)
        {
            throw new SourceListException($"{file}: {where}: expected minPollMinutes ≤ pollMinutes ≤ maxPollMinutes");
        }
        var recheckHours = Number(entry, "recheckHours", file, where, 0, 24 * 30);
        var recheckEvery = Minutes(entry, "recheckEveryMinutes", file, where);
        return defaults with
        {
            Outlet = Text(entry, "outlet", file, where),
            PollInterval = poll,
            MinPollInterval = min,
            MaxPollInterval = max,
            MaxItemsPerPoll = (int)(Number(entry, "maxItemsPerPoll", file, where, 1, FeedParser.MaxItems) ?? defaults.MaxItemsPerPoll),
            RecheckWindow = recheckHours is { } h ? TimeSpan.FromHours(h) : defaults.RecheckWindow,
            RecheckEvery = recheckEvery ?? defaults.RecheckEvery,
            AllowPrivate = Flag(entry, "allowPrivate", file, where),
            AllowLoopback = Flag(entry, "allowLoopback", file, where),
        };
    }

    private static void CheckKeys(JsonElement element, HashSet<string> known, string file, string where)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new SourceListException($"{file}: {where}: unknown key \"{property.Name}\" (known: {string.Join(", ", known.Where(static k => k[0] != '$').Order(StringComparer.Ordinal))})");
            }
        }
    }

    private static List<Uri> Urls(JsonElement entry, string key, string file, string where)
    {
        var urls = new List<Uri>();
        if (!entry.TryGetProperty(key, out var list)) return urls;
        if (list.ValueKind != JsonValueKind.Array) throw new SourceListException($"{file}: {where}: \"{key}\" must be an array of URLs");
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new SourceListException($"{file}: {where}: {key}[{i}] {item.GetRawText()} is not an absolute http or https URL");
            }
            urls.Add(url);
            i++;
        }
        return urls;
    }

    private static string? Text(JsonElement element, string key, string file, string where)
    {
        if (!element.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new SourceListException($"{file}: {where}: \"{key}\" must be a string");
        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool Flag(JsonElement element, string key, string file, string where)
    {
        if (!element.TryGetProperty(key, out var value)) return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SourceListException($"{file}: {where}: \"{key}\" must be true or false"),
        };
    }

    private static double? Number(JsonElement element, string key, string file, string where, double min, double max)
    {
        if (!element.TryGetProperty(key, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < min || number > max)
        {
            throw new SourceListException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: {where}: \"{key}\" must be a number from {min} to {max}, not {value.GetRawText()}"));
        }
        return number;
    }

    private static TimeSpan? Minutes(JsonElement element, string key, string file, string where) =>
        Number(element, key, file, where, 0.001, 7 * 24 * 60) is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
}
