using System.CommandLine;
using System.Globalization;
using Warta.Core.Alerts;
using Warta.Core.Storage;

namespace Warta.Cli.Commands;

/// <summary><c>warta alerts add | list | remove | deliveries | deliver</c>: rules evaluated after each placement commit, and their webhook deliveries.</summary>
/// <remarks>Rules are written in short transactions of their own, without the placer's write lock, so they can be managed
/// while <c>warta serve</c> runs. Any writer (<c>warta ingest</c>, <c>warta serve</c>) evaluates them and records alerts;
/// <c>warta serve</c> delivers webhooks in the background, <c>warta alerts deliver</c> makes one pass from the command line.</remarks>
internal static class AlertsCommand
{
    private const int ListLimit = 100;

    public static Command Create()
    {
        var command = new Command("alerts", "Alert rules: add, list, remove; webhook deliveries: list, deliver");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Deliveries());
        command.Subcommands.Add(Deliver());
        return command;
    }

    private static Command Add()
    {
        var query = new Option<string>("--query") { Description = "Fire when a new article matches this search query (as `warta search` reads it)" };
        var entity = new Option<string>("--entity") { Description = "Fire when a new article mentions this entity (id such as place:lamaru, or a name or alias)" };
        var outlets = new Option<int?>("--story-outlets") { Description = "Fire when a story reaches N outlets within --within of its first article" };
        var within = new Option<string>("--within") { Description = "The window of --story-outlets: 6h, 90m, 2d (default 6h)" };
        var jump = new Option<double?>("--rate-jump") { Description = "Fire when a story's articles in an hour reach k times its rate over the day before (and at least 5)" };
        var joins = new Option<string>("--outlet-joins") { Description = "Fire when an outlet (any, or NAME) reports on a story it had not reported on", Arity = ArgumentArity.ZeroOrOne };
        var webhook = new Option<string>("--webhook") { Description = "POST each alert to this URL, signed (X-Warta-Signature: sha256=HMAC of the body)" };
        var secret = new Option<string>("--secret") { Description = "The signature key (default: a random one, printed once)" };
        var name = new Option<string>("--name") { Description = "A name for the rule (default: its id)" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Let this rule's webhook be on a private, loopback or link-local address" };
        var command = new Command("add", "Add an alert rule; prints it as JSON, with its webhook secret (shown only here)")
        {
            query, entity, outlets, within, jump, joins, webhook, secret, name, allowPrivate,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var kinds = new List<AlertRuleKind>();
            if (parseResult.GetValue(query) is not null) kinds.Add(AlertRuleKind.Query);
            if (parseResult.GetValue(entity) is not null) kinds.Add(AlertRuleKind.Entity);
            if (parseResult.GetValue(outlets) is not null) kinds.Add(AlertRuleKind.StoryOutlets);
            if (parseResult.GetValue(jump) is not null) kinds.Add(AlertRuleKind.RateJump);
            if (parseResult.GetResult(joins) is not null) kinds.Add(AlertRuleKind.OutletJoins);
            if (kinds.Count != 1)
            {
                error.WriteLine("warta: give exactly one of --query, --entity, --story-outlets, --rate-jump, --outlet-joins");
                return ExitCodes.Usage;
            }
            var window = AlertRule.DefaultWithin;
            if (parseResult.GetValue(within) is { } w)
            {
                if (AlertRule.ParseWithin(w) is not { } parsed)
                {
                    error.WriteLine($"warta: --within '{TerminalText.OneLine(w)}' is not a duration such as 6h, 90m or 2d");
                    return ExitCodes.Usage;
                }
                window = parsed;
            }
            var id = AlertRule.NewId();
            var hook = parseResult.GetValue(webhook);
            var rule = new AlertRule
            {
                Id = id,
                Name = parseResult.GetValue(name) ?? id,
                Kind = kinds[0],
                Query = parseResult.GetValue(query),
                Entity = parseResult.GetValue(entity),
                Outlets = parseResult.GetValue(outlets) ?? 0,
                Within = window,
                Factor = parseResult.GetValue(jump) ?? 0,
                Outlet = parseResult.GetValue(joins) is { Length: > 0 } outlet ? outlet.ToLowerInvariant() : null,
                Webhook = hook,
                Secret = hook is null ? null : parseResult.GetValue(secret) ?? AlertRule.NewSecret(),
                AllowPrivateWebhook = parseResult.GetValue(allowPrivate),
                Created = DateTimeOffset.UtcNow,
            };
            if (rule.Problem() is { } problem)
            {
                error.WriteLine($"warta: {TerminalText.OneLine(problem)}");
                return ExitCodes.Usage;
            }
            using var host = CliHost.Create(parseResult);
            using var opened = host.TryOpenStoreForWriting(error);
            if (AlertsOf(opened, error) is not { } store) return ExitCodes.Usage;
            var stored = await store.AddAlertRuleAsync(rule, cancellationToken).ConfigureAwait(false);
            output.WriteLine(AlertJson.SerializeRule(stored, includeSecret: true));
            error.WriteLine($"warta: alert {stored.Id} added ({stored.Describe()}); it fires for articles stored from now on");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of the rules (never their secrets)" };
        var command = new Command("list", "List alert rules") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var host = CliHost.Create(parseResult);
            using var opened = host.TryOpenStore(error);
            if (AlertsOf(opened, error) is not { } store) return ExitCodes.Usage;
            IReadOnlyList<AlertRule> rules;
            try
            {
                rules = await store.ListAlertRulesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (StoreFailureException ex)
            {
                error.WriteLine($"warta: {ex.Message}");
                return ExitCodes.Usage;
            }
            if (parseResult.GetValue(json))
            {
                output.WriteLine(AlertJson.SerializeRules(rules));
                return ExitCodes.Ok;
            }
            foreach (var rule in rules)
            {
                var target = rule.Webhook is { } hook ? "→ " + hook : "feed and log only";
                output.WriteLine($"{rule.Id}  {TerminalText.OneLine(rule.Name),-20} {TerminalText.OneLine(rule.Describe())}  {TerminalText.OneLine(target)}");
            }
            output.WriteLine($"{rules.Count} rule{(rules.Count == 1 ? "" : "s")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<string>("id") { Description = "The rule's id (r-…)" };
        var command = new Command("remove", "Remove an alert rule with its alerts and deliveries") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var wanted = parseResult.GetValue(id) ?? "";
            using var host = CliHost.Create(parseResult);
            using var opened = host.TryOpenStoreForWriting(error);
            if (AlertsOf(opened, error) is not { } store) return ExitCodes.Usage;
            if (!await store.RemoveAlertRuleAsync(wanted, cancellationToken).ConfigureAwait(false))
            {
                error.WriteLine($"warta: no alert rule '{TerminalText.OneLine(wanted)}'");
                return ExitCodes.InputFailed;
            }
            error.WriteLine($"warta: alert {wanted} removed");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Deliveries()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of the deliveries" };
        var command = new Command("deliveries", $"List the latest {ListLimit} webhook deliveries: status, attempts, last error, next attempt") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var host = CliHost.Create(parseResult);
            using var opened = host.TryOpenStore(error);
            if (AlertsOf(opened, error) is not { } store) return ExitCodes.Usage;
            var deliveries = await store.ListDeliveriesAsync(ListLimit, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                output.WriteLine(AlertJson.SerializeDeliveries(deliveries));
                return ExitCodes.Ok;
            }
            foreach (var d in deliveries)
            {
                var when = d.Status == AlertDeliveryStatus.Pending && d.NextAttempt is { } next ? " next " + StoriesCommand.Time(next) : "";
                var why = d.LastError is { } e ? "  " + TerminalText.OneLine(e) : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{AlertJson.StatusName(d.Status),-9} {d.Attempts,2}x {TerminalText.OneLine(d.Alert.Key)}{when}{why}"));
            }
            output.WriteLine($"{deliveries.Count} deliver{(deliveries.Count == 1 ? "y" : "ies")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Deliver()
    {
        var command = new Command("deliver", "Attempt every webhook delivery due now, once (warta serve does this in the background)");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            using var host = CliHost.Create(parseResult);
            using var opened = host.TryOpenStoreForWriting(error);
            if (AlertsOf(opened, error) is not { } store) return ExitCodes.Usage;
            var pass = await host.AlertDeliverer.RunAsync(store, cancellationToken).ConfigureAwait(false);
            error.WriteLine($"warta: {pass.Attempted} attempted, {pass.Delivered} delivered, {pass.Retrying} to retry, {pass.Failed} failed");
            return pass.Retrying + pass.Failed == 0 ? ExitCodes.Ok : ExitCodes.InputFailed;
        });
        return command;
    }

    /// <summary>The opened store's alert tables; null (with the reason written) when it did not open or keeps no alerts.</summary>
    private static IAlertStore? AlertsOf(IWartaStore? store, TextWriter error)
    {
        if (store is null) return null;
        if (store is IAlertStore alerts) return alerts;
        error.WriteLine($"warta: {store.Location}: this store keeps no alert rules");
        return null;
    }
}
