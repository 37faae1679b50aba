using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Warta.Hosting;

namespace Warta.Web.App;

/// <summary><c>AddWartaPages()</c>: the Razor web app's services: pages, interface languages, the search index it reads, data protection keys beside the store.</summary>
public static class PagesServiceCollectionExtensions
{
    public static IServiceCollection AddWartaPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLocalization();
        services.AddRazorPages(static o => o.Conventions.ConfigureFilter(new RevokedEditorFilter()));
        services.Configure<RequestLocalizationOptions>(static o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PageCultures.Default);
            o.SupportedCultures = PageCultures.Infos();
            o.SupportedUICultures = PageCultures.Infos();
            // Indonesian unless the reader chose otherwise: the browser's Accept-Language is not asked.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Antiforgery tokens must survive a restart: keep the keys beside the store (<db>.keys/), not in the user's
        // ~/.aspnet, so a server run under a service account without a home folder works and moving the store moves them.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<WartaOptions>, ILoggerFactory>(static (keys, warta, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(warta.Value.Store + ".keys"), logging));
        // The keys are not encrypted at rest (no certificate or DPAPI on Linux): the folder's permissions protect them, as
        // they protect the store. Said here once rather than as a warning at every key rotation.
        services.AddLogging(static b => b.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
