namespace MeetStream.Client.Tests.Realtime.Support;

/// <summary>Waits (briefly, for real) until a condition driven by another thread holds; used where the test must observe, not cause, progress.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 60_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
