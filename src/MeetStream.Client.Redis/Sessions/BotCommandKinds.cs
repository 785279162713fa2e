namespace MeetStream.Client.Redis.Sessions;

/// <summary>The command names of <see cref="BotCommandMessage.Kind"/>.</summary>
internal static class BotCommandKinds
{
    /// <summary>Speak PCM16 audio through the control channel.</summary>
    public const string Speak = "speak";

    /// <summary>Barge-in: drop the bot's queued speech.</summary>
    public const string Interrupt = "interrupt";

    /// <summary>Post a meeting chat message.</summary>
    public const string Chat = "chat";
}
