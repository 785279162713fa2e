using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// The simulator's state and behaviour: stores, scripted lifecycles and webhook emission. Route handlers and scripted
/// steps run under <see cref="Gate"/>, so the state is always consistent.
/// </summary>
internal sealed partial class SimulatorEngine
{
    private readonly Dictionary<string, SimBot> _bots = new(StringComparer.Ordinal);
    private readonly List<SimBot> _botOrder = [];
    private readonly Dictionary<string, SimTranscript> _transcripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deduplicationKeys = new(StringComparer.Ordinal);
    private readonly Queue<string> _nextScenarios = new();
    private readonly List<SimulatorWebhookEndpoint> _workspaceWebhooks;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SimulatorEngine(MeetStreamSimulatorOptions options, SimulatorClock clock, SimulatorJournal journal, WebhookDispatcher dispatcher)
    {
        Options = options;
        Timings = options.Timings.Clone();
        Clock = clock;
        Journal = journal;
        Dispatcher = dispatcher;
        _workspaceWebhooks = [.. options.WorkspaceWebhooks];
        UserId = "sim-user-" + RandomHex(6);
    }

    public object Gate { get; } = new();

    public MeetStreamSimulatorOptions Options { get; }

    public SimulatorTimings Timings { get; }

    public SimulatorClock Clock { get; }

    public SimulatorJournal Journal { get; }

    public WebhookDispatcher Dispatcher { get; }

    public string UserId { get; }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:5123/</c>; set once Kestrel listens.</summary>
    public Uri ServerRoot { get; set; } = new("http://127.0.0.1/");

    public DateTimeOffset Now => Clock.UtcNow;

    public static string NewId() => Guid.NewGuid().ToString("D");

    public static string RandomHex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();

    public void UseScenarioForNextBot(string scenario)
    {
        lock (Gate)
        {
            _nextScenarios.Enqueue(scenario);
        }
    }

    public void AddWorkspaceWebhook(SimulatorWebhookEndpoint endpoint)
    {
        lock (Gate)
        {
            _workspaceWebhooks.Add(endpoint);
        }
    }

    public IReadOnlyList<SimulatedBotInfo> SnapshotBots()
    {
        lock (Gate)
        {
            return _botOrder.Select(Snapshot).ToArray();
        }
    }

    public SimulatedBotInfo? SnapshotBot(string botId)
    {
        lock (Gate)
        {
            return _bots.TryGetValue(botId, out var bot) ? Snapshot(bot) : null;
        }
    }

    /// <summary>A task that completes at the next state change (status, event, artifact).</summary>
    public Task ChangedAsync()
    {
        lock (Gate)
        {
            return _changed.Task;
        }
    }

    public void NotifyChanged()
    {
        TaskCompletionSource changed;
        lock (Gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public void StepFailed(string label, Exception ex) => Journal.AddError($"Scripted step '{label}' failed: {ex}");

    public string MediaUrl(string botId, string file) =>
        new Uri(ServerRoot, $"_simulator/media/{Uri.EscapeDataString(botId)}/{file}?expires={(Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()}&signature=simulated").ToString();

    public string TranscriptUrl(string transcriptId, string file) =>
        new Uri(ServerRoot, $"_simulator/transcripts/{Uri.EscapeDataString(transcriptId)}/{file}?expires={(Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()}&signature=simulated").ToString();

    private static SimulatedBotInfo Snapshot(SimBot bot) => new()
    {
        BotId = bot.Id,
        Status = bot.Status,
        StatusHistory = bot.StatusHistory.ToArray(),
        Events = bot.Events.ToArray(),
        Scenario = bot.Scenario,
        MeetingLink = bot.MeetingLink,
        Platform = bot.Platform,
        BotName = bot.BotName,
        TranscriptId = bot.TranscriptId,
        CreatedAt = bot.CreatedAt,
        JoinAt = bot.JoinAt,
        CustomAttributes = bot.CustomAttributes.ToDictionary(p => p.Key, p => Json.ValueText(p.Value), StringComparer.Ordinal),
        Commands = bot.Commands.Select(c => c.Command).ToArray(),
        LiveAudioStreamed = bot.Realtime?.LiveAudioStreamed ?? TimeSpan.Zero,
        SpeechReceived = bot.Realtime?.SpeechReceived ?? TimeSpan.Zero,
        SpeechPlayed = bot.Realtime?.SpeechPlayed ?? TimeSpan.Zero,
        SpeechDropped = bot.Realtime?.SpeechDropped ?? TimeSpan.Zero,
        HasLeftMeeting = bot.Left,
        IsDone = bot.Done,
    };

    private string TakeScenario(string? requested)
    {
        if (SimulatorScenarios.Normalize(requested) is { } chosen)
        {
            return chosen;
        }

        if (_nextScenarios.Count > 0)
        {
            return _nextScenarios.Dequeue();
        }

        return SimulatorScenarios.Normalize(Options.DefaultScenario) ?? SimulatorScenarios.HappyPath;
    }

    // ---- webhook emission ----

    private JsonObject LifecyclePayload(SimBot bot, string generic, string? specific, string? botStatus, string message, int? statusCode, bool withCustomAttributes = true, bool withTimestamp = true)
    {
        var payload = new JsonObject { ["event"] = generic };
        if (specific is not null)
        {
            payload["bot_event"] = specific;
        }

        payload["bot_id"] = bot.Id;
        if (botStatus is not null)
        {
            payload["bot_status"] = botStatus;
        }

        payload["message"] = message;
        if (statusCode is { } code)
        {
            payload["status_code"] = code;
        }

        if (withTimestamp)
        {
            payload["timestamp"] = Json.Iso(Now);
        }

        if (withCustomAttributes)
        {
            payload["custom_attributes"] = bot.CustomAttributes.DeepClone();
        }

        return payload;
    }

    /// <summary>Sends a lifecycle or post-call event to the bot's callback_url (unsigned) and to workspace endpoints (signed).</summary>
    private void EmitLifecycle(SimBot bot, JsonObject payload, string generic, string? specific)
    {
        bot.Events.Add(specific ?? generic);
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var copies = bot.DuplicateWebhooks || Options.DuplicateWebhooks ? 2 : 1;
        for (var copy = 0; copy < copies; copy++)
        {
            if (bot.CallbackUrl is { } callback)
            {
                Dispatcher.Enqueue(new WebhookDelivery(SimulatorWebhookChannel.Callback, callback, body, bot.Id, generic, specific, Now, null, copy > 0));
            }

            foreach (var endpoint in _workspaceWebhooks)
            {
                if (endpoint.Wants(generic, specific))
                {
                    Dispatcher.Enqueue(new WebhookDelivery(SimulatorWebhookChannel.Workspace, endpoint.Url, body, bot.Id, generic, specific, Now, endpoint.SigningSecret, copy > 0));
                }
            }
        }
    }

    private void EmitTo(SimulatorWebhookChannel channel, string url, SimBot bot, JsonObject payload, string eventName, string? botEvent = null) =>
        Dispatcher.Enqueue(new WebhookDelivery(channel, url, Encoding.UTF8.GetBytes(payload.ToJsonString()), bot.Id, eventName, botEvent, Now, null, false));

    private void SetStatus(SimBot bot, string status, string? stage, string message)
    {
        bot.Status = status;
        bot.StatusHistory.Add(status);
        bot.LastUpdatedAt = Now;
        if (stage is not null)
        {
            AddTimeline(bot, stage, message);
        }
    }

    private void AddTimeline(SimBot bot, string stage, string message)
    {
        bot.Timeline.RemoveAll(t => t.Key == stage);
        bot.Timeline.Add(new(stage, new JsonObject { ["message"] = message, ["status"] = true, ["timestamp"] = Json.Iso(Now) }));
    }
}
