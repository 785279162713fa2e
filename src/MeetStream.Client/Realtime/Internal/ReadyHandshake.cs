namespace MeetStream.Client.Realtime.Internal;

/// <summary>Reads the <c>ready</c> handshake that opens the audio and control channels.</summary>
internal static class ReadyHandshake
{
    public static async Task<ReadyMessage> ReadAsync(RealtimeChannel channel, CancellationToken cancellationToken)
    {
        byte[] json = await channel.ReadHandshakeAsync("ready", cancellationToken).ConfigureAwait(false);
        var message = ControlMessageParser.Parse(json);
        if (message is not ReadyMessage ready)
        {
            string what = message is null ? "not a JSON object" : $"'{message.Name}'";
            throw await channel.FailHandshakeAsync($"the first message was {what}, not {{\"type\":\"ready\",…}}", abort: false).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(ready.BotId))
        {
            throw await channel.FailHandshakeAsync("the ready message has no bot_id", abort: false).ConfigureAwait(false);
        }

        channel.BotId = ready.BotId;
        RealtimeLog.Ready(channel.Logger, channel.Name, ready.BotId);
        return ready;
    }
}
