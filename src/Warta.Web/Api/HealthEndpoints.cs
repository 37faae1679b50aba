using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Warta.Hosting;

namespace Warta.Web.Api;

/// <summary><c>GET /health</c>: whether the store can be read, for load balancers and supervisors, and whether writes are taken yet.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", static (ReadStorePool stores, PlacementService placement) =>
        {
            try
            {
                using var lease = stores.Rent();
                return Results.Ok(new HealthJson("ok", placement.IsPlacing ? "ready" : placement.HasFailed ? "failed" : "opening"));
            }
            catch (StoreUnavailableException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return routes;
    }
}
