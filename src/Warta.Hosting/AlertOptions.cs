namespace Warta.Hosting;

/// <summary>How alerts are delivered (the <c>Alerts</c> section of the configuration).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Attempts of one webhook delivery before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; doubled with each further failure (with jitter), up to <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 10;

    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long one POST may take, connect to last header.</summary>
    public double TimeoutSeconds { get; set; } = 15;

    /// <summary>How often the delivery service looks for due deliveries.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>Address ranges (CIDR, <c>127.0.0.0/8</c>) webhooks may reach beyond public addresses; empty: public addresses only.</summary>
    public IList<string> AllowedRanges { get; } = [];

    /// <summary>The server's public URL (<c>https://warta.example</c>) that API URLs in webhook bodies start with; empty: paths only.</summary>
    public string PublicUrl { get; set; } = "";

    public bool IsValid =>
        MaxAttempts > 0 && FirstRetrySeconds > 0 && MaxRetrySeconds >= FirstRetrySeconds && TimeoutSeconds > 0 && PollSeconds > 0
        && AllowedRanges.All(static r => System.Net.IPNetwork.TryParse(r, out _));
}
