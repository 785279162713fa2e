namespace MeetStream.Client.Testing;

/// <summary>
/// The simulator's state owners, one per resource, and the bot services that span them, wired once at start.
/// Every store is read and changed under the engine's lock; the REST routes get only the stores they serve.
/// </summary>
internal sealed class SimulatorStores
{
    public SimulatorStores(SimulatorEngine engine, WebhookDispatcher dispatcher)
    {
        Engine = engine;
        UserId = "sim-user-" + SimulatorIds.RandomHex(6);
        Urls = new ServedUrls(engine.Clock);
        Bots = new BotStore(engine);
        Transcripts = new TranscriptStore(engine);
        Webhooks = new BotWebhooks(engine, dispatcher);
        Recording = new BotRecording(engine.Options, engine.Clock);
        Meeting = new MeetingActivity(engine.Clock, Webhooks);
        Realtime = new RealtimeBots(engine, Bots, Meeting);
        PostProcessing = new BotPostProcessing(engine, Webhooks, Transcripts);
        Lifecycle = new BotLifecycle(engine, Webhooks, Meeting, Realtime, Logins, Transcripts, PostProcessing);
        Factory = new BotFactory(engine, Bots, Agents, Logins, Transcripts, Lifecycle);
        Responses = new BotResponses(Transcripts, Urls, engine.Clock, UserId);
        Calendar = new CalendarStore(engine.Clock);
        CalendarScheduling = new CalendarScheduling(engine, Calendar, Bots, Factory, Logins, Transcripts);
        TranscriptBodies = new TranscriptBodies(Recording, Urls);
        Media = new ServedMedia(engine.Gate, Bots);
        TranscriptDownloads = new TranscriptDownloads(engine.Gate, Transcripts, Bots, TranscriptBodies);
    }

    public SimulatorEngine Engine { get; }

    /// <summary>The simulated workspace owner's id (UserID in details, agents and calendar responses).</summary>
    public string UserId { get; }

    public ServedUrls Urls { get; }

    public BotStore Bots { get; }

    public TranscriptStore Transcripts { get; }

    public AgentStore Agents { get; } = new();

    public StorageConfigStore Storage { get; } = new();

    public LoginStore Logins { get; } = new();

    public CalendarStore Calendar { get; }

    public BotWebhooks Webhooks { get; }

    public BotRecording Recording { get; }

    public MeetingActivity Meeting { get; }

    public RealtimeBots Realtime { get; }

    public BotPostProcessing PostProcessing { get; }

    public BotLifecycle Lifecycle { get; }

    public BotFactory Factory { get; }

    public BotResponses Responses { get; }

    public CalendarScheduling CalendarScheduling { get; }

    public TranscriptBodies TranscriptBodies { get; }

    public ServedMedia Media { get; }

    public TranscriptDownloads TranscriptDownloads { get; }
}
