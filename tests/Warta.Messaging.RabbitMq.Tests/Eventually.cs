using Xunit;

namespace Warta.Messaging.RabbitMq.Tests;

/// <summary>Waits for a condition of workers running on their own, polling; fails with what was last seen, never on a wall-clock figure of the code under test.</summary>
internal static class Eventually
{
    /// <summary>Bounds a wait, so a stuck pipeline fails its test instead of hanging CI (each test stays under a minute).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not reached within {Limit.TotalSeconds} s: {describe()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
