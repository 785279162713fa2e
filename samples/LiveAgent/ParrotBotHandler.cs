using MeetStream.Client.AspNetCore;
using MeetStream.Client.Realtime;

namespace LiveAgent;

/// <summary>Runs a <see cref="ParrotAgent"/> for every bot that connects to the bridge.</summary>
public sealed class ParrotBotHandler(IConfiguration configuration) : IMeetStreamBotHandler
{
    /// <inheritdoc/>
    public Task HandleAsync(BotSession session, CancellationToken cancellationToken)
    {
        Console.WriteLine($"[{session.BotId}] joined the bridge");
        var botName = configuration["MeetStream:BotName"] ?? "Parrot";
        return new ParrotAgent(session, botName, Console.Out).RunAsync(cancellationToken);
    }
}
