using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Core.Model;
using Warta.Core.Storage;

namespace Warta.Core.Alerts;

/// <summary>The JSON of alerts: rules and deliveries as the CLI and the API print them, an alert as the store keeps it, and the webhook body.</summary>
public static class AlertJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = ArticleJson.WriterOptions.Encoder };

    /// <summary>The rule kind as written on the command line and in JSON (<c>story-outlets</c>).</summary>
    public static string KindName(AlertRuleKind kind) => kind switch
    {
        AlertRuleKind.Query => "query",
        AlertRuleKind.Entity => "entity",
        AlertRuleKind.StoryOutlets => "story-outlets",
        AlertRuleKind.RateJump => "rate-jump",
        AlertRuleKind.OutletJoins => "outlet-joins",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static AlertRuleKind? ParseKind(string? name) => name switch
    {
        "query" => AlertRuleKind.Query,
        "entity" => AlertRuleKind.Entity,
        "story-outlets" => AlertRuleKind.StoryOutlets,
        "rate-jump" => AlertRuleKind.RateJump,
        "outlet-joins" => AlertRuleKind.OutletJoins,
        _ => null,
    };

    public static string StatusName(AlertDeliveryStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A new rule from the JSON an API client POSTs (<c>{"kind": "query", "query": "banjir bandang", "webhook": …}</c>), or what is wrong with it.</summary>
    /// <remarks>A rule made this way cannot allow a private webhook address: that is for whoever runs the server (<c>warta alerts add --allow-private</c>).</remarks>
    public static (AlertRule? Rule, string? Problem) ReadRule(JsonElement body, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object");
        var kind = ParseKind(Text(body, "kind"));
        if (kind is null) return (null, "\"kind\" must be one of query, entity, story-outlets, rate-jump, outlet-joins");
        TimeSpan? within = AlertRule.DefaultWithin;
        if (Text(body, "within") is { } w)
        {
            within = AlertRule.ParseWithin(w);
            if (within is null) return (null, $"\"within\" '{w}' is not a duration such as 6h, 90m or 2d");
        }
        var id = AlertRule.NewId();
        var rule = new AlertRule
        {
            Id = id,
            Name = Text(body, "name") ?? id,
            Kind = kind.Value,
            Query = Text(body, "query"),
            Entity = Text(body, "entity"),
            Outlets = body.TryGetProperty("outlets", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) ? count : 0,
            Within = within.Value,
            Factor = body.TryGetProperty("factor", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetDouble() : 0,
            Outlet = Text(body, "outlet")?.ToLowerInvariant(),
            Webhook = Text(body, "webhook"),
            Created = now,
        };
        if (rule.Webhook is not null) rule = rule with { Secret = Text(body, "secret") ?? AlertRule.NewSecret() };
        return rule.Problem() is { } problem ? (null, problem) : (rule, null);

        static string? Text(JsonElement body, string name) =>
            body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
    }

    /// <summary>Rules as a JSON array; secrets are never listed (only whether there is one).</summary>
    public static string SerializeRules(IReadOnlyList<AlertRule> rules) => Write(writer =>
    {
        ArgumentNullException.ThrowIfNull(rules);
        writer.WriteStartArray();
        foreach (var rule in rules) WriteRule(writer, rule, includeSecret: false);
        writer.WriteEndArray();
    });

    /// <summary>One rule; with <paramref name="includeSecret"/> its webhook secret too (answered once, when the rule is made).</summary>
    public static string SerializeRule(AlertRule rule, bool includeSecret) => Write(writer => WriteRule(writer, rule, includeSecret));

    public static void WriteRule(Utf8JsonWriter writer, AlertRule rule, bool includeSecret)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rule);
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("name", rule.Name);
        writer.WriteString("kind", KindName(rule.Kind));
        writer.WriteString("description", rule.Describe());
        switch (rule.Kind)
        {
            case AlertRuleKind.Query: writer.WriteString("query", rule.Query); break;
            case AlertRuleKind.Entity: writer.WriteString("entity", rule.Entity); break;
            case AlertRuleKind.StoryOutlets:
                writer.WriteNumber("outlets", rule.Outlets);
                writer.WriteString("within", AlertRule.FormatWithin(rule.Within));
                break;
            case AlertRuleKind.RateJump: writer.WriteNumber("factor", rule.Factor); break;
            default: writer.WriteString("outlet", rule.Outlet); break;
        }
        writer.WriteString("webhook", rule.Webhook);
        if (includeSecret) writer.WriteString("secret", rule.Secret);
        else writer.WriteBoolean("hasSecret", rule.Secret is not null);
        writer.WriteBoolean("allowPrivateWebhook", rule.AllowPrivateWebhook);
        writer.WriteString("created", ArticleJson.FormatInstant(rule.Created));
        writer.WriteNumber("sinceSequence", rule.SinceSequence);
        writer.WriteEndObject();
    }

    /// <summary>Deliveries as a JSON array: key, rule, status, attempts, last error, next and last attempt, the alert's title.</summary>
    public static string SerializeDeliveries(IReadOnlyList<AlertDelivery> deliveries) => Write(writer =>
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        writer.WriteStartArray();
        foreach (var delivery in deliveries)
        {
            writer.WriteStartObject();
            writer.WriteString("key", delivery.Alert.Key);
            writer.WriteString("rule", delivery.Alert.RuleId);
            writer.WriteString("webhook", delivery.Webhook);
            writer.WriteString("status", StatusName(delivery.Status));
            writer.WriteNumber("attempts", delivery.Attempts);
            writer.WriteString("lastError", delivery.LastError);
            WriteInstant(writer, "nextAttempt", delivery.NextAttempt);
            WriteInstant(writer, "lastAttempt", delivery.LastAttempt);
            writer.WriteString("firedAt", ArticleJson.FormatInstant(delivery.Alert.FiredAt));
            writer.WriteString("title", delivery.Alert.Title);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    /// <summary>An alert as the store keeps it (compact).</summary>
    public static string Serialize(AlertEvent alert) => Write(writer => WriteAlert(writer, alert, apiBase: null), Compact);

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    public static AlertEvent Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new AlertEvent(
            root.GetProperty("key").GetString()!,
            root.GetProperty("rule").GetString()!,
            ParseKind(root.GetProperty("kind").GetString()) ?? throw new JsonException("unknown alert kind"),
            root.GetProperty("sequence").GetInt64(),
            DateTimeOffset.Parse(root.GetProperty("firedAt").GetString()!, CultureInfo.InvariantCulture),
            root.GetProperty("title").GetString()!,
            root.GetProperty("summary").GetString()!)
        {
            StoryId = Optional(root, "story", "id"),
            StoryHeadline = Optional(root, "story", "headline"),
            ArticleId = Optional(root, "article", "id"),
            ArticleUrl = Optional(root, "article", "link"),
            Outlet = Optional(root, "article", "outlet"),
            Outlets = root.TryGetProperty("outlets", out var outlets) ? [.. outlets.EnumerateArray().Select(static o => o.GetString()!)] : [],
            Count = root.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : null,
        };
    }

    /// <summary>The body of a webhook POST: the delivery's key, the rule, the alert with its story and article and their API URLs, and when it was sent.</summary>
    /// <param name="rule">The rule that fired.</param>
    /// <param name="alert">What it fired.</param>
    /// <param name="sentAt">When this attempt is made (covered by the signature, so a receiver can refuse old replays).</param>
    /// <param name="apiBase">The server's public URL (<c>https://warta.example</c>) the API URLs start with; null: paths only.</param>
    public static byte[] WebhookBody(AlertRule rule, AlertEvent alert, DateTimeOffset sentAt, string? apiBase)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(alert);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("delivery", alert.Key);
            writer.WriteString("sentAt", ArticleJson.FormatInstant(sentAt.ToUniversalTime()));
            writer.WritePropertyName("rule");
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", rule.Name);
            writer.WriteString("kind", KindName(rule.Kind));
            writer.WriteString("description", rule.Describe());
            writer.WriteString("feed", $"{apiBase?.TrimEnd('/')}/api/v1/alerts/{Uri.EscapeDataString(rule.Id)}/feed.atom");
            writer.WriteEndObject();
            writer.WritePropertyName("event");
            WriteAlert(writer, alert, apiBase ?? "");
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteAlert(Utf8JsonWriter writer, AlertEvent alert, string? apiBase)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var api = apiBase?.TrimEnd('/') + "/api/v1";
        writer.WriteStartObject();
        writer.WriteString("key", alert.Key);
        writer.WriteString("rule", alert.RuleId);
        writer.WriteString("kind", KindName(alert.Kind));
        writer.WriteNumber("sequence", alert.Sequence);
        writer.WriteString("firedAt", ArticleJson.FormatInstant(alert.FiredAt));
        writer.WriteString("title", alert.Title);
        writer.WriteString("summary", alert.Summary);
        if (alert.StoryId is { } story)
        {
            writer.WritePropertyName("story");
            writer.WriteStartObject();
            writer.WriteString("id", story);
            if (alert.StoryHeadline is { } headline) writer.WriteString("headline", headline);
            if (apiBase is not null) writer.WriteString("url", $"{api}/stories/{Uri.EscapeDataString(story)}");
            writer.WriteEndObject();
        }
        if (alert.ArticleId is { } article)
        {
            writer.WritePropertyName("article");
            writer.WriteStartObject();
            writer.WriteString("id", article);
            if (alert.Outlet is { } outlet) writer.WriteString("outlet", outlet);
            if (alert.ArticleUrl is { } link) writer.WriteString("link", link);
            if (apiBase is not null) writer.WriteString("url", $"{api}/articles/{Uri.EscapeDataString(article)}");
            writer.WriteEndObject();
        }
        writer.WriteStartArray("outlets");
        foreach (var outlet in alert.Outlets) writer.WriteStringValue(outlet);
        writer.WriteEndArray();
        if (alert.Count is { } count) writer.WriteNumber("count", count);
        writer.WriteEndObject();
    }

    private static string? Optional(JsonElement root, string objectName, string property) =>
        root.TryGetProperty(objectName, out var inner) && inner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static void WriteInstant(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteString(name, ArticleJson.FormatInstant(v));
        else writer.WriteNull(name);
    }

    private static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions? options = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options ?? ArticleJson.WriterOptions)) write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
