using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Testing;

/// <summary>
/// A local, stateful MeetStream API on loopback Kestrel: every REST endpoint the SDK covers, bots that play scripted
/// lifecycles on a controllable clock, webhooks delivered as MeetStream sends them, media and transcripts served from
/// the simulator itself, injected faults, and a journal of everything. Usable from any test framework and from a
/// console app; <c>await using</c> stops it.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0 });
/// using var client = sim.CreateClient();
/// var bot = await client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = "https://meet.google.com/abc-defg-hij", BotName = "Notetaker" });
/// await sim.RunUntilAsync(bot.BotId!, BotStatus.Done);
/// </code>
/// </example>
public sealed class MeetStreamSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorEngine _engine;
    private readonly SimulatorStores _stores;
    private readonly WebhookDispatcher _dispatcher;
    private int _disposed;

    private MeetStreamSimulator(WebApplication app, SimulatorStores stores, WebhookDispatcher dispatcher, SimulatorFaults faults)
    {
        _app = app;
        _engine = stores.Engine;
        _stores = stores;
        _dispatcher = dispatcher;
        Faults = faults;
    }

    /// <summary>Gets the API base URL to give the SDK (<c>http://127.0.0.1:&lt;port&gt;/api/v1</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the server's root URL (<c>http://127.0.0.1:&lt;port&gt;/</c>); the simulator's own API is under <c>/_simulator</c>.</summary>
    public Uri ServerAddress { get; private set; } = null!;

    /// <summary>Gets the API key the simulator accepts.</summary>
    public string ApiKey => _engine.Options.ApiKey;

    /// <summary>Gets the virtual clock that drives the scripted lifecycles.</summary>
    public SimulatorClock Clock => _engine.Clock;

    /// <summary>Gets the record of every REST call received and every delivery made.</summary>
    public SimulatorJournal Journal => _engine.Journal;

    /// <summary>Gets the fault injector (429/503/… for the next calls of a route).</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>Gets a snapshot of every bot, oldest first.</summary>
    public IReadOnlyList<SimulatedBotInfo> Bots => _stores.Bots.SnapshotAll();

    /// <summary>Starts a simulator on a free loopback port (or <see cref="MeetStreamSimulatorOptions.Port"/>).</summary>
    /// <param name="options">The settings; null uses the defaults (real-time clock, happy-path bots).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="IOException">The port is already in use.</exception>
    public static async Task<MeetStreamSimulator> StartAsync(MeetStreamSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MeetStreamSimulatorOptions();
        options.Validate();
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"MeetStreamSimulatorOptions.Host must be an IP address such as 127.0.0.1; got '{options.Host}'.", nameof(options));
        }

        var journal = new SimulatorJournal();
        var dispatcher = new WebhookDispatcher(journal, options.TimeProvider, options.WebhookTimeout);
        SimulatorEngine? engine = null;
        var clock = new SimulatorClock(
            options.TimeProvider,
            options.StartTime ?? options.TimeProvider.GetUtcNow(),
            options.TimeScale,
            dispatcher.WhenIdleAsync,
            (label, ex) => engine?.StepFailed(label, ex));
        engine = new SimulatorEngine(options, clock, journal);
        clock.StepsRan += engine.NotifyChanged;
        var stores = new SimulatorStores(engine, dispatcher);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(MeetStreamSimulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var app = builder.Build();
        app.UseRouting();
        var faults = new SimulatorFaults();
        var simulator = new MeetStreamSimulator(app, stores, dispatcher, faults);
        var routes = ApiRoutes.Build(stores);
        ApiHost.Map(app, engine, faults, routes);
        AdminRoutes.Map(app, simulator, stores.Media, stores.TranscriptDownloads, routes);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await dispatcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
        var root = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        simulator.ServerAddress = root;
        simulator.BaseAddress = new Uri(root, "api/v1");
        stores.Urls.ServerRoot = root;
        clock.Start();
        return simulator;
    }

    /// <summary>
    /// Creates a <see cref="MeetStreamClient"/> that talks to this simulator with its API key. The caller owns (disposes) it.
    /// </summary>
    /// <param name="configure">Changes more options (retries, timeouts, time provider) before the client is built.</param>
    /// <returns>A client pointed at <see cref="BaseAddress"/>.</returns>
    public MeetStreamClient CreateClient(Action<MeetStreamClientOptions>? configure = null)
    {
        var options = new MeetStreamClientOptions { ApiKey = ApiKey, BaseUrl = BaseAddress, ApplicationName = "meetstream-simulator" };
        configure?.Invoke(options);
        return new MeetStreamClient(options);
    }

    /// <summary>Makes the next bot created (that names no scenario itself) follow <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A name from <see cref="SimulatorScenarios"/>.</param>
    /// <exception cref="ArgumentException">The scenario is unknown.</exception>
    public void UseScenarioForNextBot(string scenario)
    {
        var known = SimulatorScenarios.Normalize(scenario)
            ?? throw new ArgumentException($"Unknown scenario '{scenario}'; use one of: {string.Join(", ", SimulatorScenarios.All)}.", nameof(scenario));
        _stores.Bots.UseScenarioForNextBot(known);
    }

    /// <summary>Adds a workspace webhook endpoint (signed deliveries) while the simulator runs.</summary>
    /// <param name="endpoint">The endpoint.</param>
    public void AddWorkspaceWebhook(SimulatorWebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _stores.Webhooks.AddWorkspaceWebhook(endpoint);
    }

    /// <summary>Gets a snapshot of one bot, or null when the simulator has no such bot.</summary>
    /// <param name="botId">The bot id.</param>
    /// <returns>The snapshot, or null.</returns>
    public SimulatedBotInfo? GetBot(string botId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return _stores.Bots.Snapshot(botId);
    }

    /// <summary>Moves the clock forward (see <see cref="SimulatorClock.AdvanceAsync"/>).</summary>
    /// <param name="by">How far.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when due steps ran and their webhooks were delivered.</returns>
    public Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default) => Clock.AdvanceAsync(by, cancellationToken);

    /// <summary>
    /// Runs the simulation until the bot has had <paramref name="status"/> (now or earlier), then waits for pending
    /// webhooks. With a stopped clock (TimeScale 0) it steps through the scripted steps itself; with a running clock it
    /// waits in real time.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="status">The status to reach, e.g. <see cref="BotStatus.Done"/>.</param>
    /// <param name="timeout">The real-time limit; default 30 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The bot's snapshot once it reached the status.</returns>
    /// <exception cref="InvalidOperationException">The bot does not exist, or its script ended without reaching the status.</exception>
    /// <exception cref="TimeoutException">The status was not reached in time.</exception>
    public Task<SimulatedBotInfo> RunUntilAsync(string botId, BotStatus status, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunUntilAsync(botId, bot => bot.StatusHistory.Contains(status.Value, StringComparer.OrdinalIgnoreCase), $"status {status}", timeout, cancellationToken);

    /// <summary>Runs the simulation until the bot has emitted the event (its specific name, e.g. <c>bot.done</c> or <c>bot.denied</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="eventName">The event's specific name (<c>bot_event ?? event</c>).</param>
    /// <param name="timeout">The real-time limit; default 30 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The bot's snapshot once the event was emitted and delivered.</returns>
    /// <exception cref="InvalidOperationException">The bot does not exist, or its script ended without the event.</exception>
    /// <exception cref="TimeoutException">The event did not happen in time.</exception>
    public Task<SimulatedBotInfo> RunUntilEventAsync(string botId, string eventName, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return RunUntilAsync(botId, bot => bot.Events.Contains(eventName, StringComparer.Ordinal), $"event {eventName}", timeout, cancellationToken);
    }

    /// <summary>
    /// Makes a participant write in the meeting chat of a bot that is in the meeting: the message appears in
    /// <c>get_chats</c> and is forwarded to the bot's control socket as <c>usermsg</c>.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="text">The chat message.</param>
    /// <param name="speaker">The participant's name; null picks the first one (the host).</param>
    /// <exception cref="InvalidOperationException">The bot does not exist, is not in the meeting, or has no such participant.</exception>
    public void PostChatMessage(string botId, string text, string? speaker = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrEmpty(text);
        _stores.Realtime.ParticipantSaysInChat(botId, speaker, text);
    }

    /// <summary>Waits until every queued delivery (webhooks, participant events, live transcript chunks) has been made.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the delivery queue is empty.</returns>
    public Task WhenWebhooksDeliveredAsync(CancellationToken cancellationToken = default) => _dispatcher.WhenIdleAsync(cancellationToken);

    /// <summary>Stops the clock, the delivery queue and the server.</summary>
    /// <returns>A task that completes when everything stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Clock.StopAsync().ConfigureAwait(false);
        await _stores.Realtime.StopAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _dispatcher.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"MeetStreamSimulator {{ BaseAddress = {BaseAddress}, TimeScale = {Clock.TimeScale} }}";

    private async Task<SimulatedBotInfo> RunUntilAsync(string botId, Func<SimulatedBotInfo, bool> reached, string what, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var changed = _engine.ChangedAsync();
                var bot = _stores.Bots.Snapshot(botId) ?? throw new InvalidOperationException($"The simulator has no bot '{botId}'.");
                if (reached(bot))
                {
                    await _dispatcher.WhenIdleAsync(limit.Token).ConfigureAwait(false);
                    return _stores.Bots.Snapshot(botId) ?? bot;
                }

                if (Clock.TimeScale == 0)
                {
                    if (!await Clock.AdvanceToNextStepAsync(limit.Token).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException($"Bot {botId} never reached {what}: nothing more is scheduled. {bot}");
                    }
                }
                else
                {
                    if (Clock.PendingSteps == 0 && bot.IsDone)
                    {
                        throw new InvalidOperationException($"Bot {botId} never reached {what}: its script has ended. {bot}");
                    }

                    await changed.WaitAsync(limit.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Bot {botId} did not reach {what} within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0.#} s (real time): {_stores.Bots.Snapshot(botId)}.");
        }
    }
}
