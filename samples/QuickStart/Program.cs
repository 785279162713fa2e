using MeetStream.Client;
using MeetStream.Client.Testing;

// QuickStart: send a bot to a meeting link, follow its status, print the transcript when it is ready.
//   MEETSTREAM_API_KEY=... dotnet run --project samples/QuickStart -- https://meet.google.com/abc-defg-hij
// Without MEETSTREAM_API_KEY it starts the local MeetStream simulator and runs the same flow against it: no account,
// no network, about ten seconds. MEETSTREAM_SIMULATOR_SCENARIO picks another simulated lifecycle (denied, kicked,
// transcription_failed, ...). Ctrl+C at any point stops waiting, asks the bot to leave the meeting if it is still
// there, and exits with code 130; a second Ctrl+C ends the program at once.
const int CancelledExitCode = 130;
var apiKey = Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable);
var simulated = string.IsNullOrWhiteSpace(apiKey);
if (!simulated && (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out _)))
{
    Console.Error.WriteLine("Usage: dotnet run --project samples/QuickStart -- <Google Meet, Zoom or Teams meeting link>");
    return 2;
}

var scenario = Environment.GetEnvironmentVariable("MEETSTREAM_SIMULATOR_SCENARIO");
if (simulated && !string.IsNullOrWhiteSpace(scenario) && !SimulatorScenarios.All.Contains(scenario))
{
    Console.Error.WriteLine($"MEETSTREAM_SIMULATOR_SCENARIO '{scenario}' is not a simulator scenario; use one of: {string.Join(", ", SimulatorScenarios.All)}.");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels every wait below; a second one (while the bot is asked to leave) ends the process.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

MeetStreamSimulator? simulator = null;
string? botId = null;
var botHasLeft = false;
try
{
    if (simulated)
    {
        Console.WriteLine("""
            MEETSTREAM_API_KEY is not set, so this run uses the local MeetStream simulator (no account, no network).
            To send a real bot: create a key at https://app.meetstream.ai/api-key, export MEETSTREAM_API_KEY=<key>,
            and pass a meeting link: dotnet run --project samples/QuickStart -- <meeting link>
            """);
        simulator = await MeetStreamSimulator.StartAsync(
            new MeetStreamSimulatorOptions
            {
                TimeScale = 10,
                Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
                DefaultScenario = string.IsNullOrWhiteSpace(scenario) ? SimulatorScenarios.HappyPath : scenario,
            },
            stop.Token);
        Console.WriteLine($"Simulator listening at {simulator.BaseAddress} (its clock runs 10x faster than real time).");
    }

    await using (simulator)
    {
        using var client = simulator?.CreateClient() ?? new MeetStreamClient(apiKey);
        try
        {
            return await RunAsync(client, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await LeaveAsync(client);
            return CancelledExitCode;
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("Cancelled (Ctrl+C) before a bot was created.");
    return CancelledExitCode;
}

async Task<int> RunAsync(MeetStreamClient client, CancellationToken cancellationToken)
{
    var meetingLink = args.Length > 0 ? args[0] : "https://meet.google.com/abc-defg-hij";
    var pollEvery = simulated ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5);
    var bot = await client.Bots.CreateAsync(
        new CreateBotRequest
        {
            MeetingLink = meetingLink,
            BotName = "MeetStream .NET QuickStart",
            VideoRequired = false,
            RecordingConfig = new RecordingConfig
            {
                Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForMeetStream() },
                Retention = RetentionConfig.Timed(24),
            },
        },
        cancellationToken: cancellationToken);
    botId = bot.BotId!;
    Console.WriteLine($"Bot {bot.BotId} created ({bot.Status}); transcript id {bot.TranscriptId ?? "(none)"}.");

    // Polling shows the statuses it happens to see, in lifecycle order; a short stage can fall between two polls
    // (webhooks, as in samples/WebhookReceiver, report every transition).
    BotStatus? last = null;
    while (true)
    {
        var status = await client.Bots.GetStatusAsync(botId, cancellationToken);
        if (status.Status != last)
        {
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} status: {status.Status}");
            last = status.Status;
        }

        if (status.Status is { HasLeftMeeting: true })
        {
            botHasLeft = true;
            break;
        }

        await Task.Delay(pollEvery, cancellationToken);
    }

    if (bot.TranscriptId is null)
    {
        Console.WriteLine("This bot has no post-call transcript id (no post-call provider was used).");
        return 0;
    }

    try
    {
        var wait = new MeetStreamWaitOptions { Timeout = TimeSpan.FromMinutes(15), Interval = pollEvery };
        Console.WriteLine($"Waiting for transcript {bot.TranscriptId} (up to {wait.Timeout.TotalMinutes:0} minutes; Ctrl+C stops waiting)...");
        var transcript = await client.Transcripts.WaitForTranscriptAsync(bot.TranscriptId, wait, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(transcript.GetFullText(includeSpeakers: true));
    }
    catch (MeetStreamTimeoutException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }

    if (simulator is not null)
    {
        var simulatedBot = await simulator.RunUntilEventAsync(botId, "bot.done", cancellationToken: cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"Webhook events the simulated bot sent: {string.Join(" → ", simulatedBot.Events)}");
    }

    return 0;
}

// Ctrl+C: the bot must not stay in the meeting recording after this program gave up on it.
async Task LeaveAsync(MeetStreamClient client)
{
    if (botId is null)
    {
        Console.WriteLine("Cancelled (Ctrl+C) before a bot was created.");
        return;
    }

    if (botHasLeft)
    {
        Console.WriteLine($"Cancelled (Ctrl+C): stopped waiting; bot {botId} has already left the meeting.");
        return;
    }

    Console.WriteLine($"Cancelled (Ctrl+C): asking bot {botId} to leave the meeting...");
    try
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await client.Bots.RemoveFromMeetingAsync(botId, limit.Token);
        Console.WriteLine($"Bot {botId} is leaving the meeting: {result.Message}");
    }
    catch (Exception ex) when (ex is MeetStreamException or OperationCanceledException)
    {
        Console.Error.WriteLine($"Could not remove bot {botId} from the meeting ({ex.Message}); remove it from the MeetStream dashboard.");
    }
}
