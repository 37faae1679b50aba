using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warta.Hosting;
using Warta.Web.Api;
using Warta.Web.App;

namespace Warta.Web;

/// <summary>Builds the process behind <c>warta serve</c>: Warta's services and its one writer, the JSON API and the web app, on one host.</summary>
public static class WartaWebApp
{
    /// <summary>A builder with Warta's configuration sources, logging and services (placement included), listening on <paramref name="serve"/>'s URLs.</summary>
    /// <param name="serve">Where to listen and who may read.</param>
    /// <param name="settings">Settings the user gave on the command line (highest precedence), e.g. <c>Store</c>.</param>
    /// <param name="folder">Where <c>warta.json</c> is looked for; the working folder by default.</param>
    public static WebApplicationBuilder CreateBuilder(ServeOptions serve, IEnumerable<KeyValuePair<string, string?>>? settings = null, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(serve);
        // The web app's pages and views live in this assembly, not in the process's entry assembly (the CLI).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WartaWebApp).Assembly.GetName().Name,
            ContentRootPath = folder ?? Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddWartaSources(folder, settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(static o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
        });
        // A request per line at Information would drown what matters; warta.json's "Logging" section can ask for more.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseKestrelCore().UseUrls(serve.Urls);
        builder.Services.AddSingleton(serve);
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddWartaPages();
        builder.Services.AddWarta(builder.Configuration);
        builder.Services.AddWartaPlacement(builder.Configuration);
        // Reads are served while the placer opens (minutes on a large store whose checkpoint is of another build); POSTs wait for it.
        builder.Services.PostConfigure<PlacementOptions>(static o => o.OpenInBackground = true);
        builder.Services.AddWartaAlertDelivery();
        // Followed sources (warta watch) are polled inside the server too when a sources file is configured.
        if (builder.Configuration.HasSources()) builder.Services.AddWartaWatch(builder.Configuration, asHostedService: true);
        builder.Services.AddWartaApi(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the app from <paramref name="builder"/> and maps its endpoints: health, <c>/api/v1</c>, the pages.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWartaPages();
        app.UseRouting();
        app.UseWartaApi();
        app.MapHealth();
        app.MapWartaApi();
        app.MapWartaPages();
        return app;
    }
}
