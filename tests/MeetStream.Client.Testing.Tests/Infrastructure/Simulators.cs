namespace MeetStream.Client.Testing.Tests.Infrastructure;

/// <summary>Starting simulators and building requests the same way in every test.</summary>
public static class Simulators
{
    public const string MeetLink = "https://meet.google.com/abc-defg-hij";

    public static readonly DateTimeOffset StartTimeUtc = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A simulator whose clock stands still (tests step it), with fast retries on clients.</summary>
    public static Task<MeetStreamSimulator> StartManualAsync(Action<MeetStreamSimulatorOptions>? configure = null)
    {
        var options = new MeetStreamSimulatorOptions { TimeScale = 0, StartTime = StartTimeUtc };
        configure?.Invoke(options);
        return MeetStreamSimulator.StartAsync(options, TestContext.Current.CancellationToken);
    }

    /// <summary>A client of the simulator whose retries wait only a few milliseconds.</summary>
    public static MeetStreamClient Client(MeetStreamSimulator sim) => sim.CreateClient(o =>
    {
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        o.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        o.Retry.MaxRetryAfter = TimeSpan.FromMilliseconds(50);
    });

    public static CreateBotRequest Bot(string? scenario = null, string? callbackUrl = null, bool video = false, TranscriptionProvider? provider = null, Dictionary<string, string>? attributes = null)
    {
        var custom = attributes ?? new Dictionary<string, string>();
        if (scenario is not null)
        {
            custom[SimulatorScenarios.CustomAttribute] = scenario;
        }

        return new CreateBotRequest
        {
            MeetingLink = MeetLink,
            BotName = "Sim Notetaker",
            VideoRequired = video,
            CallbackUrl = callbackUrl,
            CustomAttributes = custom,
            RecordingConfig = new RecordingConfig
            {
                Transcript = new TranscriptConfig { Provider = provider ?? TranscriptionProvider.ForMeetStream() },
                Retention = RetentionConfig.Timed(24),
            },
        };
    }
}
