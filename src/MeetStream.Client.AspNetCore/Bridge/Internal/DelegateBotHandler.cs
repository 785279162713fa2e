using MeetStream.Client.Realtime;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Adapts a delegate registered with <see cref="MeetStreamBridgeBuilder.AddHandler(Func{BotSession, IServiceProvider, CancellationToken, Task})"/>.</summary>
internal sealed class DelegateBotHandler(Func<BotSession, IServiceProvider, CancellationToken, Task> handler, IServiceProvider services) : IMeetStreamBotHandler
{
    public Task HandleAsync(BotSession session, CancellationToken cancellationToken) => handler(session, services, cancellationToken);
}
