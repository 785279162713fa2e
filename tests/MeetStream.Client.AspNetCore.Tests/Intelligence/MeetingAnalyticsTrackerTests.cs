using MeetStream.Client.AspNetCore.Internal;

namespace MeetStream.Client.AspNetCore.Tests.Intelligence;

/// <summary>The once-per-bot claim of meeting analytics: claimed once, given back on failure, bounded.</summary>
public sealed class MeetingAnalyticsTrackerTests
{
    [Fact]
    public void TryBegin_SameBotTwice_SecondRefusedUntilReleased()
    {
        var tracker = new MeetingAnalyticsTracker(10);

        Assert.True(tracker.TryBegin("bot_1"));
        Assert.False(tracker.TryBegin("bot_1"));
        tracker.Release("bot_1");
        Assert.True(tracker.TryBegin("bot_1"));
        Assert.Equal(1, tracker.Count);
    }

    [Fact]
    public void TryBegin_BeyondCapacity_OldestForgotten()
    {
        var tracker = new MeetingAnalyticsTracker(2);

        Assert.True(tracker.TryBegin("a"));
        Assert.True(tracker.TryBegin("b"));
        Assert.True(tracker.TryBegin("c"));

        Assert.Equal(2, tracker.Count);
        Assert.True(tracker.TryBegin("a")); // forgotten, so claimed again (and "b" goes)
        Assert.False(tracker.TryBegin("c"));
        Assert.True(tracker.TryBegin("b"));
    }
}
