namespace MeetStream.Client.Testing;

/// <summary>Writes what happens on one simulated bot's sockets to the journal, stamped with the simulator's time.</summary>
internal sealed class RealtimeRecorder(SimulatorJournal journal, Func<DateTimeOffset> now, string botId)
{
    public void Record(SimulatorRealtimeChannel channel, bool fromBot, string name, string? json = null, TimeSpan? audio = null, string? detail = null) =>
        journal.Add(new SimulatorRealtimeRecord
        {
            Sequence = journal.NextSequence(),
            Time = now(),
            BotId = botId,
            Channel = channel,
            FromBot = fromBot,
            Event = name,
            Json = json,
            AudioDuration = audio,
            Detail = detail,
        });
}
