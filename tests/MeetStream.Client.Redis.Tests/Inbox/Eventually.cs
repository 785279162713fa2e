namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>Waits for a condition that an asynchronous process makes true; the 60-second limit is a hang guard only.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int hangGuardSeconds = 60)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(hangGuardSeconds));
        while (!await condition())
        {
            if (guard.IsCancellationRequested)
            {
                Assert.Fail("Hang guard: still waiting for " + what);
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, int hangGuardSeconds = 60) => TrueAsync(() => Task.FromResult(condition()), what, hangGuardSeconds);
}
