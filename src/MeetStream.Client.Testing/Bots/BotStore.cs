namespace MeetStream.Client.Testing;

/// <summary>
/// The bots the simulator knows, in creation order, with the idempotency and deduplication keys that point at them and
/// the queue of scenarios for the next bots. Read and changed under the engine's lock.
/// </summary>
internal sealed class BotStore(SimulatorEngine engine)
{
    private readonly Dictionary<string, SimBot> _bots = new(StringComparer.Ordinal);
    private readonly List<SimBot> _order = [];
    private readonly Dictionary<string, string> _idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _deduplicationKeys = new(StringComparer.Ordinal);
    private readonly Queue<string> _nextScenarios = new();

    /// <summary>Every bot, oldest first.</summary>
    public IReadOnlyList<SimBot> InOrder => _order;

    public SimBot? Find(string botId) => _bots.TryGetValue(botId, out var bot) ? bot : null;

    /// <summary>The bot named by the route's <c>{bot_id}</c>; 404 when there is none.</summary>
    public SimBot Find(ApiCall call)
    {
        var id = call.PathValue("bot_id");
        return Find(id) ?? throw ApiError.NotFound($"Bot '{id}' not found");
    }

    public bool Contains(string botId) => _bots.ContainsKey(botId);

    public SimBot? ByIdempotencyKey(string key) => _idempotencyKeys.TryGetValue(key, out var id) ? Find(id) : null;

    public SimBot? ByDeduplicationKey(string key) => _deduplicationKeys.TryGetValue(key, out var id) ? Find(id) : null;

    /// <summary>The bot a deduplication key was first bound to, even if that bot is gone.</summary>
    public string? DeduplicationOwner(string key) => _deduplicationKeys.TryGetValue(key, out var id) ? id : null;

    public void Add(SimBot bot)
    {
        _bots[bot.Id] = bot;
        _order.Add(bot);
        if (bot.IdempotencyKey is { } key)
        {
            _idempotencyKeys[key] = bot.Id;
        }

        if (bot.DeduplicationKey is { } dedupKey)
        {
            _deduplicationKeys.TryAdd(dedupKey, bot.Id);
        }
    }

    /// <summary>Takes a bot out of the store (its keys stay bound, as the API's do); its scripted steps stop.</summary>
    public void Remove(SimBot bot)
    {
        bot.Version++;
        bot.Removed = true;
        _bots.Remove(bot.Id);
        _order.Remove(bot);
    }

    /// <summary>The scenario for a new bot: the one it asked for, else the next queued one, else the default.</summary>
    public string TakeScenario(string? requested)
    {
        if (SimulatorScenarios.Normalize(requested) is { } chosen)
        {
            return chosen;
        }

        if (_nextScenarios.Count > 0)
        {
            return _nextScenarios.Dequeue();
        }

        return SimulatorScenarios.Normalize(engine.Options.DefaultScenario) ?? SimulatorScenarios.HappyPath;
    }

    public void UseScenarioForNextBot(string scenario)
    {
        lock (engine.Gate)
        {
            _nextScenarios.Enqueue(scenario);
        }
    }

    public IReadOnlyList<SimulatedBotInfo> SnapshotAll()
    {
        lock (engine.Gate)
        {
            return _order.Select(Snapshot).ToArray();
        }
    }

    public SimulatedBotInfo? Snapshot(string botId)
    {
        lock (engine.Gate)
        {
            return Find(botId) is { } bot ? Snapshot(bot) : null;
        }
    }

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
}
