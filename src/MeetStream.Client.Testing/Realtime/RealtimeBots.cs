using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The engine's side of the simulated bots' WebSockets: starting them, and what they report back.</summary>
internal sealed partial class SimulatorEngine
{
    private const double MaxFollowedSpeed = 50;
    private readonly List<RealtimeBot> _realtimeBots = [];

    /// <summary>Dials the bot's real-time URLs when it is admitted (under the lock; the sockets run on their own).</summary>
    private void StartRealtime(SimBot bot)
    {
        if (bot.LiveAudioUrl is null && bot.ControlUrl is null && bot.LiveVideoUrl is null)
        {
            return;
        }

        var scale = Clock.TimeScale;
        var speed = Options.LiveAudioSpeed ?? (scale > 0 ? Math.Clamp(scale, 1, MaxFollowedSpeed) : 1);
        var realtime = new RealtimeBot(this, bot, ConversationPlan.Plan(Options.Conversation, bot.MeetingDuration), ConversationPlan.BargeIns(Options.Conversation), speed);
        bot.Realtime = realtime;
        _realtimeBots.Add(realtime);
        realtime.Start();
    }

    /// <summary>A <c>sendmsg</c> on the control socket: the bot writes in the meeting chat.</summary>
    public void BotSaysInChat(string botId, string text)
    {
        lock (Gate)
        {
            if (_bots.TryGetValue(botId, out var bot) && bot.IsInMeeting && bot.Participants.FirstOrDefault(p => p.IsBot) is { } self)
            {
                AddChat(bot, self, text);
            }
        }

        NotifyChanged();
    }

    /// <summary>Every command a bot receives on its control socket, in its command list.</summary>
    public void RecordRealtimeCommand(string botId, string command, JsonObject json)
    {
        lock (Gate)
        {
            if (_bots.TryGetValue(botId, out var bot))
            {
                RecordCommand(bot, command, json);
            }
        }

        NotifyChanged();
    }

    /// <summary>A participant writes in the meeting chat; forwarded to the control socket as usermsg.</summary>
    public void ParticipantSaysInChat(string botId, string? speaker, string text)
    {
        lock (Gate)
        {
            var bot = _bots.TryGetValue(botId, out var found) ? found : throw new InvalidOperationException($"The simulator has no bot '{botId}'.");
            if (!bot.IsInMeeting)
            {
                throw new InvalidOperationException($"Bot {botId} is not in the meeting (status {bot.Status}).");
            }

            var from = bot.Participants.FirstOrDefault(p => !p.IsBot && p.LeftAt is null && (speaker is null || p.Name == speaker))
                ?? throw new InvalidOperationException($"No participant '{speaker}' is in the meeting of bot {botId}.");
            AddChat(bot, from, text);
        }

        NotifyChanged();
    }

    /// <summary>Closes every simulated bot's sockets (simulator shutdown).</summary>
    public async Task StopRealtimeAsync()
    {
        RealtimeBot[] bots;
        lock (Gate)
        {
            bots = [.. _realtimeBots];
        }

        await Task.WhenAll(bots.Select(b => b.StopAsync())).ConfigureAwait(false);
    }
}
