using MeetStream.Client;
using MeetStream.Client.Testing;

// QuickStart: send a bot to a meeting link, follow its status, print the transcript when it is ready.
//   MEETSTREAM_API_KEY=... dotnet run --project samples/QuickStart -- https://meet.google.com/abc-defg-hij
// Without MEETSTREAM_API_KEY it starts the local MeetStream simulator and runs the same flow against it: no account,
// no network, about ten seconds. Ctrl+C removes the bot from the meeting.
var apiKey = Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable);
var simulated = string.IsNullOrWhiteSpace(apiKey);
if (!simulated && (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out _)))
{
    Console.Error.WriteLine("Usage: dotnet run --project samples/QuickStart -- <Google Meet, Zoom or Teams meeting link>");
    return 2;
}

MeetStreamSimulator? simulator = null;
if (simulated)
{
    Console.WriteLine("""
        MEETSTREAM_API_KEY is not set, so this run uses the local MeetStream simulator (no account, no network).
        To send a real bot: create a key at https://app.meetstream.ai/api-key, export MEETSTREAM_API_KEY=<key>,
        and pass a meeting link: dotnet run --project samples/QuickStart -- <meeting link>
        """);
    simulator = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions
    {
        TimeScale = 10,
        Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
    });
    Console.WriteLine($"Simulator listening at {simulator.BaseAddress} (its clock runs 10x faster than real time).");
}

await using (simulator)
{
    using var client = simulator?.CreateClient() ?? new MeetStreamClient(apiKey);
    var meetingLink = args.Length > 0 ? args[0] : "https://meet.google.com/abc-defg-hij";
    var pollEvery = simulated ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };

    var bot = await client.Bots.CreateAsync(new CreateBotRequest
    {
        MeetingLink = meetingLink,
        BotName = "MeetStream .NET QuickStart",
        VideoRequired = false,
        RecordingConfig = new RecordingConfig
        {
            Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForMeetStream() },
            Retention = RetentionConfig.Timed(24),
        },
    });
    Console.WriteLine($"Bot {bot.BotId} created ({bot.Status}); transcript id {bot.TranscriptId ?? "(none)"}.");

    BotStatus? last = null;
    try
    {
        while (true)
        {
            var status = await client.Bots.GetStatusAsync(bot.BotId!, stop.Token);
            if (status.Status != last)
            {
                Console.WriteLine($"{DateTime.Now:HH:mm:ss} status: {status.Status}");
                last = status.Status;
            }

            if (status.Status is { HasLeftMeeting: true })
            {
                break;
            }

            await Task.Delay(pollEvery, stop.Token);
        }
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping: asking the bot to leave the meeting...");
        await client.Bots.RemoveFromMeetingAsync(bot.BotId!);
    }

    if (bot.TranscriptId is null)
    {
        Console.WriteLine("This bot has no post-call transcript id (no post-call provider was used).");
        return 0;
    }

    try
    {
        var wait = new MeetStreamWaitOptions { Timeout = TimeSpan.FromMinutes(15), Interval = pollEvery };
        var transcript = await client.Transcripts.WaitForTranscriptAsync(bot.TranscriptId, wait);
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
        var simulatedBot = await simulator.RunUntilEventAsync(bot.BotId!, "bot.done");
        Console.WriteLine();
        Console.WriteLine($"Webhook events the simulated bot sent: {string.Join(" → ", simulatedBot.Events)}");
    }

    return 0;
}
