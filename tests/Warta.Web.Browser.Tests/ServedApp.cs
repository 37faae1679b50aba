using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Warta.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(Warta.Web.Browser.Tests.ServedApp))]

namespace Warta.Web.Browser.Tests;

/// <summary>Once per test run: the sample corpus plus a hostile article ingested by the real <c>warta</c> executable, served by
/// <c>warta serve</c> on a free loopback port, and Debian's chromium launched by Playwright (never a downloaded browser).</summary>
public sealed class ServedApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TempFolder _folder = new();
    private readonly StringBuilder _log = new();
    private Process? _server;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An API key named <see cref="EditorName"/>, made with <c>warta keys create</c>, for the tests that write.</summary>
    public string EditorKey { get; private set; } = "";

    public const string EditorName = "meja-redaksi";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Why the tests cannot run here (no chromium), or null.</summary>
    public string? Missing { get; private set; }

    /// <summary>Where the tests write screenshots for people to look at (git-ignored).</summary>
    public static string Screenshots { get; } = RepoPaths.Combine("artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            Missing = $"{Chromium} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests";
            return;
        }
        var store = _folder.File("warta.db");
        var hostile = _folder.File(HostileArticle.FileName);
        await File.WriteAllBytesAsync(hostile, HostileArticle.Jsonl());
        using (var ingest = Warta("ingest", "--db", store, SampleCorpus.Folder, hostile))
        {
            await ingest.WaitForExitAsync();
            Assert.True(ingest.ExitCode == 0, $"warta ingest exited with {ingest.ExitCode}:\n{_log}");
        }
        using (var keys = Warta("keys", "create", EditorName, "--db", store))
        {
            // The key is the one line warta keys create writes to standard output.
            var output = await keys.StandardOutput.ReadToEndAsync();
            await keys.WaitForExitAsync();
            Assert.True(keys.ExitCode == 0, $"warta keys create exited with {keys.ExitCode}:\n{_log}");
            EditorKey = output.Trim();
        }
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        _server = Warta("serve", "--db", store, "--urls", BaseAddress.ToString().TrimEnd('/'));
        await WaitUntilServingAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>The viewports every test runs at: a desktop and a phone.</summary>
    public static TheoryData<string, int, int> Sizes => new()
    {
        { "desktop", 1280, 800 },
        { "phone", 375, 812 },
    };

    /// <summary>A page in a fresh context at the given size, opened at <paramref name="path"/>; skips the test when there is no chromium.</summary>
    public async Task<IPage> OpenAsync(int width, int height, string path)
    {
        Assert.SkipWhen(Missing is not null, Missing ?? "");
        var context = await NewContextAsync(width, height);
        // Generous: the machine running the suite may be busy with builds.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport size.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width, int height) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 500,
            HasTouch = width < 500,
        });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            // This process started it: end it by its own handle.
            _server.Kill();
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        _folder.Dispose();
    }

    /// <summary>Starts <c>warta</c> with <paramref name="args"/>; its output goes to the log, except the standard output of <c>keys</c>, which the caller reads.</summary>
    private Process Warta(params string[] args)
    {
        var readOutput = args.Length > 0 && args[0] == "keys";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "warta.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.Start();
        if (!readOutput) process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_server!.HasExited) break;
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"warta serve did not answer on {BaseAddress}:\n{_log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
