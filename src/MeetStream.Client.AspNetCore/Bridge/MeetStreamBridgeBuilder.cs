using System.Diagnostics.CodeAnalysis;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetStream.Client.AspNetCore;

/// <summary>Chooses the code that runs each bot; returned by <c>AddMeetStreamBridge</c>. The last handler set wins.</summary>
public sealed class MeetStreamBridgeBuilder
{
    internal MeetStreamBridgeBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Runs each bot with a handler class, created in a new DI scope per bot session.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    public MeetStreamBridgeBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IMeetStreamBotHandler
    {
        Services.RemoveAll<IMeetStreamBotHandler>();
        Services.AddScoped<IMeetStreamBotHandler, THandler>();
        return this;
    }

    /// <summary>Runs each bot with a delegate (for minimal APIs).</summary>
    /// <param name="handler">Runs one bot; gets the session, the bot's DI scope and a token cancelled when the session ends.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public MeetStreamBridgeBuilder AddHandler(Func<BotSession, IServiceProvider, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Services.RemoveAll<IMeetStreamBotHandler>();
        Services.AddScoped<IMeetStreamBotHandler>(sp => new DelegateBotHandler(handler, sp));
        return this;
    }

    /// <summary>Runs each bot with a delegate that needs no services.</summary>
    /// <param name="handler">Runs one bot; gets the session and a token cancelled when the session ends.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public MeetStreamBridgeBuilder AddHandler(Func<BotSession, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddHandler((session, _, cancellationToken) => handler(session, cancellationToken));
    }
}
