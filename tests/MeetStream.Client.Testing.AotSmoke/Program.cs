using MeetStream.Client;
using MeetStream.Client.Testing;

// Runs as a Native AOT binary: a simulated bot from create to bot.done through the SDK, a transcript, a signed
// workspace webhook back into the simulator's journal, an injected fault, and the control API's JSON journal.
await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0 });
using var client = sim.CreateClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
sim.AddWorkspaceWebhook(new SimulatorWebhookEndpoint(sim.ServerAddress + "_simulator/journal", "whsec_smoke") { Events = ["bot.done"] });
sim.Faults.Inject("/bots/{bot_id}/status", 503);

var bot = await client.Bots.CreateAsync(new CreateBotRequest
{
    MeetingLink = "https://meet.google.com/abc-defg-hij",
    BotName = "AOT smoke",
    CustomAttributes = new Dictionary<string, string> { [SimulatorScenarios.CustomAttribute] = SimulatorScenarios.WaitingRoom },
    RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() }, Retention = RetentionConfig.Timed(1) },
});
var status = await client.Bots.GetStatusAsync(bot.BotId!);
await sim.RunUntilEventAsync(bot.BotId!, "bot.done");
var transcript = await client.Transcripts.GetAsync(bot.TranscriptId!);
var details = await client.Bots.GetDetailsAsync(bot.BotId!);
using var http = new HttpClient();
var journal = await http.GetStringAsync(sim.ServerAddress + "_simulator/journal");
var delivered = sim.Journal.Webhooks.Any(w => w.Channel == SimulatorWebhookChannel.Workspace && w.Name == "bot.done" && w.Headers.ContainsKey("X-MeetStream-Signature"));

var checks = new (string Name, bool Ok)[]
{
    ("status after retrying an injected 503", status.Status == BotStatus.Joining),
    ("transcript", transcript.Segments.Count == 5),
    ("waiting room in the timeline", details.StatusTimeline!.ContainsKey("WaitingRoom")),
    ("signed workspace delivery", delivered),
    ("journal JSON", journal.Contains("\"route\":\"/bots/create_bot\"", StringComparison.Ordinal)),
};
foreach (var (name, ok) in checks)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}");
}

Console.WriteLine(checks.All(c => c.Ok) ? "Simulator AOT smoke OK" : "Simulator AOT smoke FAILED");
return checks.All(c => c.Ok) ? 0 : 1;
