using System.Globalization;
using MeetStream.Client.Testing;

// The MeetStream simulator as a standalone server, so programs in any language can test against it:
//   dotnet run --project samples/Simulator -- --port 8080 [--time-scale 10] [--api-key KEY] [--scenario denied]
//                                             [--webhook https://host/path=whsec_secret] [--duplicate-webhooks] [--reorder-webhooks]
// Point your MeetStream client at the printed base URL with the printed key. Ctrl+C stops it.
var options = new MeetStreamSimulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port":
            options.Port = int.Parse(Value(), CultureInfo.InvariantCulture);
            break;
        case "--host":
            options.Host = Value();
            break;
        case "--api-key":
            options.ApiKey = Value();
            break;
        case "--time-scale":
            options.TimeScale = double.Parse(Value(), CultureInfo.InvariantCulture);
            break;
        case "--scenario":
            options.DefaultScenario = Value();
            break;
        case "--webhook":
            var spec = Value();
            var split = spec.LastIndexOf('=');
            if (split <= 0)
            {
                Console.Error.WriteLine("--webhook takes URL=SECRET, e.g. --webhook http://localhost:5000/webhooks/meetstream=whsec_test");
                return 2;
            }

            options.WorkspaceWebhooks.Add(new SimulatorWebhookEndpoint(spec[..split], spec[(split + 1)..]));
            break;
        case "--duplicate-webhooks":
            options.DuplicateWebhooks = true;
            break;
        case "--reorder-webhooks":
            options.ReorderPostCallWebhooks = true;
            break;
        case "-h" or "--help":
            Console.WriteLine("Options: --port N --host IP --api-key KEY --time-scale X (0 = manual clock) --scenario NAME --webhook URL=SECRET --duplicate-webhooks --reorder-webhooks");
            Console.WriteLine("Scenarios: " + string.Join(", ", SimulatorScenarios.All));
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'; try --help.");
            return 2;
    }
}

await using var simulator = await MeetStreamSimulator.StartAsync(options);
const string sampleBody = """{"meeting_link":"https://meet.google.com/abc-defg-hij","bot_name":"Notetaker","custom_attributes":{"sim_scenario":"waiting_room"}}""";
var clock = simulator.Clock.TimeScale == 0 ? "manual (POST /_simulator/clock/advance)" : $"{simulator.Clock.TimeScale}x real time";
Console.WriteLine($$"""
    MeetStream simulator
      API base URL : {{simulator.BaseAddress}}
      API key      : {{simulator.ApiKey}}   (send Authorization: Token {{simulator.ApiKey}})
      Clock        : {{clock}}
      Control API  : {{simulator.ServerAddress}}_simulator  (journal, clock, faults, scenarios, webhooks)

    Try:
      curl -X POST {{simulator.BaseAddress}}/bots/create_bot -H "Authorization: Token {{simulator.ApiKey}}" -H "Content-Type: application/json" \
           -d '{{sampleBody}}'

    Ctrl+C stops the simulator.
    """);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

// Print what happens: every REST call received and every delivery made.
long printed = 0;
try
{
    while (!stop.IsCancellationRequested)
    {
        var requests = simulator.Journal.Requests.Where(r => r.Sequence > printed).Select(r => (r.Sequence, Line: $"{r.Time:HH:mm:ss} <- {r.Method} {r.Path}{r.Query} {r.StatusCode}{(r.Fault ? " (injected fault)" : string.Empty)}"));
        var webhooks = simulator.Journal.Webhooks.Where(w => w.Sequence > printed).Select(w => (w.Sequence, Line: $"{w.Time:HH:mm:ss} -> {w.Channel} {w.Name} {w.Url.Split('?')[0]} {(w.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? w.Error)}"));
        foreach (var (sequence, line) in requests.Concat(webhooks).OrderBy(e => e.Sequence))
        {
            Console.WriteLine(line);
            printed = Math.Max(printed, sequence);
        }

        await Task.Delay(200, stop.Token);
    }
}
catch (OperationCanceledException)
{
}

Console.WriteLine("Stopping the simulator.");
return 0;
