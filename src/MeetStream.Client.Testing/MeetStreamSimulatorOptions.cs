using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Testing;

/// <summary>
/// Settings of a <see cref="MeetStreamSimulator"/>: where it listens, which API key it accepts, how fast its clock runs,
/// which scenario bots follow, and where it sends workspace webhooks. Read once by <see cref="MeetStreamSimulator.StartAsync"/>.
/// </summary>
public sealed class MeetStreamSimulatorOptions
{
    /// <summary>The API key a new simulator accepts unless <see cref="ApiKey"/> is set.</summary>
    public const string DefaultApiKey = "sim_test_key";

    /// <summary>Gets or sets the address to listen on. Default <c>127.0.0.1</c> (loopback only).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the TCP port; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the API key the simulator accepts in <c>Authorization: Token &lt;key&gt;</c>. A request without the
    /// header gets 401; a request with another key gets 403, as MeetStream answers.
    /// </summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>
    /// Gets or sets how fast virtual time runs against real time: 1 is real time, 20 plays a 60-second meeting in 3
    /// seconds, and 0 stops the clock so that only <see cref="SimulatorClock.AdvanceAsync"/> moves it (best for tests).
    /// Default 1.
    /// </summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Gets or sets the source of real time (and of the webhook <c>X-MeetStream-Timestamp</c>). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the virtual time the clock starts at. Default: the current time of <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Gets the durations of the scripted lifecycle stages.</summary>
    public SimulatorTimings Timings { get; init; } = new();

    /// <summary>Gets or sets the scenario of bots that name none (see <see cref="SimulatorScenarios"/>). Default <see cref="SimulatorScenarios.HappyPath"/>.</summary>
    public string DefaultScenario { get; set; } = SimulatorScenarios.HappyPath;

    /// <summary>Gets or sets the conversation the simulated participants hold (transcripts, live chunks, timeline, chat). Default: a short product sync between two people (<see cref="DefaultConversation"/>); <see cref="SimulatorConversations"/> has others.</summary>
    public IReadOnlyList<SimulatorUtterance> Conversation { get; set; } = DefaultConversation;

    /// <summary>Gets the workspace webhook endpoints (Dashboard → Webhooks on the real service); their deliveries are signed.</summary>
    public IList<SimulatorWebhookEndpoint> WorkspaceWebhooks { get; init; } = [];

    /// <summary>Gets or sets whether every lifecycle webhook is delivered twice (same body), as MeetStream's at-least-once delivery sometimes does.</summary>
    public bool DuplicateWebhooks { get; set; }

    /// <summary>Gets or sets whether post-call events arrive out of order (video, transcription, audio, manifest), which MeetStream does not guarantee against.</summary>
    public bool ReorderPostCallWebhooks { get; set; }

    /// <summary>Gets or sets whether bots with a streaming-only provider (or none) end with <c>bot.done</c>. The sources disagree (§3.3); default true (the newer behaviour).</summary>
    public bool SendBotDoneWithoutPostCallTranscript { get; set; } = true;

    /// <summary>Gets or sets whether <c>video_required</c> defaults to true when a create request omits it, as MeetStream's OpenAPI document says. Default true.</summary>
    public bool VideoRequiredByDefault { get; set; } = true;

    /// <summary>
    /// Gets or sets how fast the simulated bot streams live audio and video over its WebSockets, relative to real time
    /// (1 = real pace, as MeetStream). Null (the default) follows <see cref="TimeScale"/> (between 1× and 50×), or real pace when
    /// the clock is stopped.
    /// </summary>
    public double? LiveAudioSpeed { get; set; }

    /// <summary>Gets or sets the page size of <c>GET /bots</c> and <c>GET /calendar/events</c> when the caller sends no <c>limit</c>. Default 50.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Gets or sets how long one webhook delivery may take before it is recorded as failed. Default 10 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the logger factory for the simulator's own Kestrel server. Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets the conversation used when <see cref="Conversation"/> is not set.</summary>
    public static IReadOnlyList<SimulatorUtterance> DefaultConversation { get; } =
    [
        new("Alice Example", "Good morning everyone, thanks for joining the weekly product sync."),
        new("Bob Example", "Morning! The new onboarding flow shipped on Tuesday and sign-ups are up twelve percent."),
        new("Alice Example", "Great work. What is still blocking the mobile release?"),
        new("Bob Example", "Only the app store review. We expect the approval by Friday."),
        new("Alice Example", "Perfect. Let's check in again next week. Thanks, all."),
    ];

    /// <inheritdoc />
    public override string ToString() =>
        $"MeetStreamSimulatorOptions {{ Host = {Host}, Port = {Port}, ApiKey = ***, TimeScale = {TimeScale}, DefaultScenario = {DefaultScenario}, WorkspaceWebhooks = {WorkspaceWebhooks.Count} }}";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("MeetStreamSimulatorOptions.ApiKey must not be empty: the simulator checks Authorization: Token <key> like MeetStream.", nameof(ApiKey));
        }

        if (double.IsNaN(TimeScale) || double.IsInfinity(TimeScale) || TimeScale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeScale), TimeScale, "TimeScale must be 0 (manual clock) or a positive factor such as 1 or 20.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 (any free port) and 65535.");
        }

        if (SimulatorScenarios.Normalize(DefaultScenario) is null)
        {
            throw new ArgumentException($"DefaultScenario '{DefaultScenario}' is not a known scenario; use one of: {string.Join(", ", SimulatorScenarios.All)}.", nameof(DefaultScenario));
        }

        if (Conversation is null || Conversation.Count == 0 || Conversation.Any(u => u is null || string.IsNullOrWhiteSpace(u.Speaker) || string.IsNullOrWhiteSpace(u.Text)))
        {
            throw new ArgumentException("Conversation needs at least one utterance, each with a speaker and text.", nameof(Conversation));
        }

        if (Conversation.Any(u => u.AfterBotStartsSpeaking is { } after && (after < TimeSpan.Zero || after > TimeSpan.FromMinutes(10))))
        {
            throw new ArgumentOutOfRangeException(nameof(Conversation), "SimulatorUtterance.AfterBotStartsSpeaking must be between 0 and 10 minutes (or null for a line on the timeline).");
        }

        if (Conversation.All(u => u.AfterBotStartsSpeaking is not null))
        {
            throw new ArgumentException("Conversation needs at least one line on the timeline (AfterBotStartsSpeaking null); barge-in lines only start while the bot speaks.", nameof(Conversation));
        }

        if (Conversation.FirstOrDefault(u => !(u.Weight > 0 && u.Weight <= 1000)) is { } heavy)
        {
            throw new ArgumentOutOfRangeException(nameof(Conversation), heavy.Weight, $"SimulatorUtterance.Weight must be above 0 and at most 1000 (the line of {heavy.Speaker} has {heavy.Weight}).");
        }

        if (Conversation.FirstOrDefault(u => u.Overlap is { } overlap && (overlap <= TimeSpan.Zero || overlap > TimeSpan.FromMinutes(1))) is { } overlapping)
        {
            throw new ArgumentOutOfRangeException(nameof(Conversation), overlapping.Overlap, $"SimulatorUtterance.Overlap must be above 0 and at most 1 minute (the line of {overlapping.Speaker} has {overlapping.Overlap}).");
        }

        if (Conversation.FirstOrDefault(u => u.Overlap is not null && u.AfterBotStartsSpeaking is not null) is { } both)
        {
            throw new ArgumentException($"SimulatorUtterance.Overlap cannot be combined with AfterBotStartsSpeaking (the line of {both.Speaker}): a barge-in line is not on the timeline.", nameof(Conversation));
        }

        if (Conversation.First(u => u.AfterBotStartsSpeaking is null).Overlap is not null)
        {
            throw new ArgumentException("SimulatorUtterance.Overlap is not allowed on the first line of the timeline: there is no earlier line to talk over.", nameof(Conversation));
        }

        if (LiveAudioSpeed is { } speed && (double.IsNaN(speed) || double.IsInfinity(speed) || speed <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LiveAudioSpeed), LiveAudioSpeed, "LiveAudioSpeed must be a positive factor (1 = real pace) or null.");
        }

        if (PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "PageSize must be between 1 and 1000.");
        }

        foreach (var endpoint in WorkspaceWebhooks)
        {
            ArgumentNullException.ThrowIfNull(endpoint, nameof(WorkspaceWebhooks));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Timings);
    }
}
