using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Core.Alerts;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary>Alert rules under <c>/api/v1/alerts</c>: list (read), add and remove (write, with a key), each rule's alerts as an Atom feed, and webhook deliveries.</summary>
/// <remarks>Rules are written in short transactions of their own, beside the server's writer, as <c>warta alerts</c> writes them.</remarks>
internal static class AlertsEndpoints
{
    /// <summary>Most alerts in a rule's feed, newest first.</summary>
    public const int FeedEntries = 100;

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", static async (StoreOpener opener, CancellationToken cancellationToken) =>
        {
            using var opened = opener.OpenForReading();
            var store = AlertStores.Of(opened);
            return Results.Text(AlertJson.SerializeRules(await store.ListAlertRulesAsync(cancellationToken).ConfigureAwait(false)), "application/json");
        }).WithName("Alerts").WithSummary("Alert rules (never their secrets)");

        api.MapPost("/alerts", static async (HttpRequest request, StoreOpener opener, TimeProvider time, CancellationToken cancellationToken) =>
        {
            JsonDocument body;
            try
            {
                body = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return ApiResults.BadRequest("the body must be a JSON object describing a rule: {\"kind\": \"query\", \"query\": \"banjir bandang\", \"webhook\": \"https://…\"}");
            }
            using (body)
            {
                var (rule, problem) = AlertJson.ReadRule(body.RootElement, time.GetUtcNow());
                if (rule is null) return ApiResults.BadRequest(problem!);
                using var opened = opener.Open();
                var store = AlertStores.Of(opened);
                var stored = await store.AddAlertRuleAsync(rule, cancellationToken).ConfigureAwait(false);
                // The secret is answered this once, so the caller can verify signatures.
                return Results.Text(AlertJson.SerializeRule(stored, includeSecret: true), "application/json", statusCode: StatusCodes.Status201Created);
            }
        }).WithName("AddAlert").WithSummary("Add an alert rule; answers it with its webhook secret, shown only here").RequireAuthorization(ApiPolicies.Write);

        api.MapDelete("/alerts/{id}", static async (string id, StoreOpener opener, CancellationToken cancellationToken) =>
        {
            using var opened = opener.Open();
            var store = AlertStores.Of(opened);
            return await store.RemoveAlertRuleAsync(id, cancellationToken).ConfigureAwait(false)
                ? Results.NoContent()
                : ApiResults.NotFound($"no alert rule '{id}'");
        }).WithName("RemoveAlert").WithSummary("Remove an alert rule with its alerts and deliveries").RequireAuthorization(ApiPolicies.Write);

        api.MapGet("/alerts/deliveries", static async (StoreOpener opener, CancellationToken cancellationToken) =>
        {
            using var opened = opener.OpenForReading();
            var store = AlertStores.Of(opened);
            return Results.Text(AlertJson.SerializeDeliveries(await store.ListDeliveriesAsync(FeedEntries, cancellationToken).ConfigureAwait(false)), "application/json");
        }).WithName("AlertDeliveries").WithSummary("The latest webhook deliveries: status, attempts, last error, next attempt");

        api.MapGet("/alerts/{id}/feed.atom", static async (HttpContext http, string id, StoreOpener opener, CancellationToken cancellationToken) =>
        {
            using var opened = opener.OpenForReading();
            var store = AlertStores.Of(opened);
            var rule = (await store.ListAlertRulesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Id == id);
            if (rule is null) return ApiResults.NotFound($"no alert rule '{id}'");
            var alerts = await store.ListAlertsAsync(id, FeedEntries, cancellationToken).ConfigureAwait(false);
            var entries = alerts.Select(static a => new AtomWriter.Entry(
                $"urn:warta:alert:{a.Key}", a.Title, a.FiredAt, a.Outlet ?? string.Join(", ", a.Outlets), a.ArticleUrl, a.Summary)).ToList();
            var feed = AtomWriter.Write($"urn:warta:alerts:{id}", $"Warta alert: {rule.Name} ({rule.Describe()})", http.Request.Path, entries);
            return ApiResults.Body(http, feed, "application/atom+xml; charset=utf-8");
        }).WithName("AlertFeed").WithSummary("A rule's alerts as an Atom feed, newest first");
        return api;
    }
}
