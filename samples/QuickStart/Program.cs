using MeetStream.Client;

// QuickStart: send a bot to a meeting link, follow its status, print the transcript when it is ready.
//   MEETSTREAM_API_KEY=... dotnet run --project samples/QuickStart -- https://meet.google.com/abc-defg-hij
// Ctrl+C removes the bot from the meeting.
var apiKey = Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable);
if (string.IsNullOrWhiteSpace(apiKey))
{
    Console.WriteLine("""
        QuickStart needs a MeetStream API key.
          1. Sign in at https://app.meetstream.ai and create a key at https://app.meetstream.ai/api-key
          2. export MEETSTREAM_API_KEY=<your key>
          3. dotnet run --project samples/QuickStart -- <meeting link>
        """);
    return 0;
}

if (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out _))
{
    Console.Error.WriteLine("Usage: dotnet run --project samples/QuickStart -- <Google Meet, Zoom or Teams meeting link>");
    return 2;
}

using var client = new MeetStreamClient(apiKey);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var bot = await client.Bots.CreateAsync(new CreateBotRequest
{
    MeetingLink = args[0],
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

        await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
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
    var transcript = await client.Transcripts.WaitForTranscriptAsync(bot.TranscriptId, new MeetStreamWaitOptions { Timeout = TimeSpan.FromMinutes(15) });
    Console.WriteLine();
    Console.WriteLine(transcript.GetFullText(includeSpeakers: true));
    return 0;
}
catch (MeetStreamTimeoutException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
