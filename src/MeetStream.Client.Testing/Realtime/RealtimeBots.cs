using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// The simulated bots' WebSockets as the rest of the simulator sees them: starting a bot's sockets when it is admitted,
/// what the sockets report back (chat, commands), and closing them all at shutdown.
/// </summary>
internal sealed class RealtimeBots(SimulatorEngine engine, BotStore bots, MeetingActivity meeting)
{
    private const double MaxFollowedSpeed = 50;
    private readonly List<RealtimeBot> _realtimeBots = [];

    public SimulatorJournal Journal => engine.Journal;

    public DateTimeOffset Now => engine.Now;

    /// <summary>Dials the bot's real-time URLs when it is admitted (under the lock; the sockets run on their own).</summary>
    public void Start(SimBot bot)
    {
        if (bot.LiveAudioUrl is null && bot.ControlUrl is null && bot.LiveVideoUrl is null)
        {
            return;
        }

        var options = engine.Options;
        var scale = engine.Clock.TimeScale;
        var speed = options.LiveAudioSpeed ?? (scale > 0 ? Math.Clamp(scale, 1, MaxFollowedSpeed) : 1);
        var realtime = new RealtimeBot(this, options.TimeProvider, engine.Timings.StageGap, bot, ConversationPlan.Plan(options.Conversation, bot.MeetingDuration), ConversationPlan.BargeIns(options.Conversation), speed);
        bot.Realtime = realtime;
        _realtimeBots.Add(realtime);
        realtime.Start();
    }

    /// <summary>A <c>sendmsg</c> on the control socket: the bot writes in the meeting chat.</summary>
    public void BotSaysInChat(string botId, string text)
    {
        lock (engine.Gate)
        {
            if (bots.Find(botId) is { IsInMeeting: true } bot && bot.Participants.FirstOrDefault(p => p.IsBot) is { } self)
            {
                meeting.AddChat(bot, self, text);
            }
        }

        engine.NotifyChanged();
    }

    /// <summary>Every command a bot receives on its control socket, in its command list.</summary>
    public void RecordCommand(string botId, string command, JsonObject json)
    {
        lock (engine.Gate)
        {
            bots.Find(botId)?.RecordCommand(command, json, engine.Now);
        }

        engine.NotifyChanged();
    }

    /// <summary>A participant writes in the meeting chat; forwarded to the control socket as usermsg.</summary>
    public void ParticipantSaysInChat(string botId, string? speaker, string text)
    {
        lock (engine.Gate)
        {
            var bot = bots.Find(botId) ?? throw new InvalidOperationException($"The simulator has no bot '{botId}'.");
            if (!bot.IsInMeeting)
            {
                throw new InvalidOperationException($"Bot {botId} is not in the meeting (status {bot.Status}).");
            }

            var from = bot.Participants.FirstOrDefault(p => !p.IsBot && p.LeftAt is null && (speaker is null || p.Name == speaker))
                ?? throw new InvalidOperationException($"No participant '{speaker}' is in the meeting of bot {botId}.");
            meeting.AddChat(bot, from, text);
        }

        engine.NotifyChanged();
    }

    /// <summary>Closes every simulated bot's sockets (simulator shutdown).</summary>
    public async Task StopAsync()
    {
        RealtimeBot[] running;
        lock (engine.Gate)
        {
            running = [.. _realtimeBots];
        }

        await Task.WhenAll(running.Select(b => b.StopAsync())).ConfigureAwait(false);
    }
}
