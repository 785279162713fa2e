using System.Collections.Concurrent;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Realtime;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Redis.Tests.Sessions;

/// <summary>
/// One replica: real Kestrel on a free loopback port with the MeetStream bridge at <c>/bridge</c> and
/// <c>UseRedisSessions</c> on a shared redis-server. Records the sessions its handler is called with.
/// </summary>
internal sealed class ReplicaHost : IAsyncDisposable
{
    public const string Token = "replica-bridge-token-0123456789";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<BotSession>> _started = new();

    private ReplicaHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public Uri BaseUri => LoopbackKestrel.Address(App);

    public RedisBotCommands Commands => App.Services.GetRequiredService<RedisBotCommands>();

    public BotSessionRegistry Registry => App.Services.GetRequiredService<BotSessionRegistry>();

    /// <summary>Gets the replica-addressed URLs to give <c>create_bot</c> so both sockets reach this replica.</summary>
    public MeetStreamBridgeEndpoints Endpoints => MeetStreamBridgeEndpoints.Create(BaseUri.ToString(), Token);

    public static async Task<ReplicaHost> StartAsync(string redis, string replicaId, Action<RedisBotSessionOptions>? configure = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        ReplicaHost? host = null;
        builder.Services.AddMeetStreamBridge(o => o.AccessTokens.Add(Token))
            .AddHandler((session, _) =>
            {
                host!.Started(session.BotId).TrySetResult(session);
                return Task.CompletedTask;
            })
            .UseRedisSessions(redis, o =>
            {
                o.ReplicaId = replicaId;
                configure?.Invoke(o);
            });
        var app = builder.Build();
        app.MapMeetStreamBridge("/bridge");
        host = new ReplicaHost(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Waits (hang guard only) for the handler's call for a bot.</summary>
    public Task<BotSession> SessionAsync(string botId) =>
        Started(botId).Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private TaskCompletionSource<BotSession> Started(string botId) =>
        _started.GetOrAdd(botId, _ => new TaskCompletionSource<BotSession>(TaskCreationOptions.RunContinuationsAsynchronously));
}
