using System.Globalization;
using System.Security.Cryptography;
using Warta.Core.Search;

namespace Warta.Core.Alerts;

/// <summary>One thing a user wants to be told about, and where to deliver it (a webhook, besides the rule's Atom feed and the log).</summary>
/// <remarks>Only the fields of its <see cref="Kind"/> are read: <see cref="Query"/>, <see cref="Entity"/>,
/// <see cref="Outlets"/> with <see cref="Within"/>, <see cref="Factor"/>, or <see cref="Outlet"/>.</remarks>
public sealed record AlertRule
{
    /// <summary>Default window of <see cref="AlertRuleKind.StoryOutlets"/>.</summary>
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromHours(6);

    /// <summary>Stable id (<c>r-</c> and 10 hex digits), fixed when the rule is made.</summary>
    public required string Id { get; init; }

    /// <summary>What the user calls it; the id when none was given.</summary>
    public string Name { get; init; } = "";

    public required AlertRuleKind Kind { get; init; }

    /// <summary>The search query of a <see cref="AlertRuleKind.Query"/> rule, as typed.</summary>
    public string? Query { get; init; }

    /// <summary>The entity of an <see cref="AlertRuleKind.Entity"/> rule: an id (<c>place:lamaru</c>) or a name or alias.</summary>
    public string? Entity { get; init; }

    /// <summary>N of a <see cref="AlertRuleKind.StoryOutlets"/> rule: distinct outlets to reach.</summary>
    public int Outlets { get; init; }

    /// <summary>H of a <see cref="AlertRuleKind.StoryOutlets"/> rule: counted from the story's first article.</summary>
    public TimeSpan Within { get; init; } = DefaultWithin;

    /// <summary>k of a <see cref="AlertRuleKind.RateJump"/> rule.</summary>
    public double Factor { get; init; }

    /// <summary>The outlet an <see cref="AlertRuleKind.OutletJoins"/> rule waits for (normalised key, <c>kompas.com</c>); null: any outlet.</summary>
    public string? Outlet { get; init; }

    /// <summary>Where alerts are POSTed; null: the feed and the log only.</summary>
    public string? Webhook { get; init; }

    /// <summary>The key of the webhook's HMAC-SHA256 signature.</summary>
    public string? Secret { get; init; }

    /// <summary>Whether this rule's webhook may be on a private, loopback or link-local address (an explicit choice of whoever adds it).</summary>
    public bool AllowPrivateWebhook { get; init; }

    public DateTimeOffset Created { get; init; }

    /// <summary>The store's last change when the rule was added: the rule fires only for later changes, never for the archive.</summary>
    public long SinceSequence { get; init; }

    /// <summary>A new rule id.</summary>
    public static string NewId() => "r-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    /// <summary>A new webhook secret: 32 random bytes as hex.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is wrong with the rule, or null when it can be evaluated and delivered.</summary>
    public string? Problem()
    {
        switch (Kind)
        {
            case AlertRuleKind.Query:
                if (string.IsNullOrWhiteSpace(Query)) return "a query rule needs a query";
                try
                {
                    SearchQueryParser.Parse(Query);
                }
                catch (SearchQueryException ex)
                {
                    return "the query does not parse: " + ex.Message;
                }
                break;
            case AlertRuleKind.Entity:
                if (string.IsNullOrWhiteSpace(Entity)) return "an entity rule needs an entity id or name";
                break;
            case AlertRuleKind.StoryOutlets:
                if (Outlets < 2) return "a story must reach at least 2 outlets";
                if (Within <= TimeSpan.Zero) return "the window (--within) must be positive";
                break;
            case AlertRuleKind.RateJump:
                if (!(Factor > 1) || double.IsInfinity(Factor)) return "the rate jump factor must be above 1";
                break;
            case AlertRuleKind.OutletJoins:
                break;
            default:
                return "unknown rule kind";
        }
        if (Webhook is { } webhook && !(Uri.TryCreate(webhook, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            return $"the webhook '{webhook}' is not an absolute http or https URL";
        }
        return null;
    }

    /// <summary>The rule in a few words (<c>story reaches 3 outlets within 6h</c>), for lists, logs and feed titles.</summary>
    public string Describe() => Kind switch
    {
        AlertRuleKind.Query => $"query {Query}",
        AlertRuleKind.Entity => $"entity {Entity}",
        AlertRuleKind.StoryOutlets => string.Create(CultureInfo.InvariantCulture, $"story reaches {Outlets} outlets within {FormatWithin(Within)}"),
        AlertRuleKind.RateJump => string.Create(CultureInfo.InvariantCulture, $"story rate jumps {Factor:0.##}x"),
        AlertRuleKind.OutletJoins => Outlet is null ? "any outlet joins a story" : $"{Outlet} joins a story",
        _ => Kind.ToString(),
    };

    /// <summary><c>6h</c>, <c>90m</c>, <c>2d</c>: the shortest whole unit.</summary>
    public static string FormatWithin(TimeSpan within) =>
        within.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{within.Ticks / TimeSpan.TicksPerDay}d")
        : within.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{within.Ticks / TimeSpan.TicksPerHour}h")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, within.Ticks / TimeSpan.TicksPerMinute)}m");

    /// <summary>Reads <c>6h</c>, <c>90m</c>, <c>2d</c> (or a bare number of hours); null when it does not read.</summary>
    public static TimeSpan? ParseWithin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0) return null;
        var unit = char.ToLowerInvariant(text[^1]);
        var digits = char.IsAsciiDigit(unit) ? text : text[..^1];
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !(value > 0) || value > 3650 * 24) return null;
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'd' => TimeSpan.FromDays(value),
            'h' => TimeSpan.FromHours(value),
            _ when char.IsAsciiDigit(unit) => TimeSpan.FromHours(value),
            _ => null,
        };
    }
}
