namespace MeetStream.Client.Testing;

/// <summary>What a bot recorded: how long, and which lines of the scripted conversation fall inside the recording.</summary>
internal sealed class BotRecording(MeetStreamSimulatorOptions options, SimulatorClock clock)
{
    /// <summary>The planned lines that started before the recording ended (or now, while it runs).</summary>
    public IReadOnlyList<PlannedUtterance> Plan(SimBot bot)
    {
        var recorded = Seconds(bot);
        return ConversationPlan.Plan(options.Conversation, bot.MeetingDuration).Where(u => u.Start < recorded).ToList();
    }

    public double Seconds(SimBot bot) =>
        bot.RecordingStart is { } start ? Math.Max(0, ((bot.EndTime ?? clock.UtcNow) - start).TotalSeconds) : 0;
}
