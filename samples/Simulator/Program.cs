using System.Globalization;
using System.Runtime.InteropServices;
using MeetStream.Client.Testing;

// The MeetStream simulator as a standalone server, so programs in any language can test against it:
//   dotnet run --project samples/Simulator -- --port 8080 [--time-scale 10] [--api-key KEY] [--scenario denied]
//                                             [--webhook https://host/path=whsec_secret] [--duplicate-webhooks] [--reorder-webhooks]
// Point your MeetStream client at the printed base URL with the printed key. Ctrl+C (or SIGTERM) stops it.
// See README.md next to this file for every option and the /_simulator control API.
const string Usage = "Options: --port N (0 = any free port) --host IP --api-key KEY --time-scale X (0 = manual clock) --scenario NAME --webhook URL=SECRET --duplicate-webhooks --reorder-webhooks";
var options = new MeetStreamSimulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    var name = args[i];
    string? Value() => i + 1 < args.Length ? args[++i] : null;
    switch (name)
    {
        case "--port":
            if (Value() is not { } port || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
            {
                return Fail("--port takes a port number from 0 (any free port) to 65535, e.g. --port 8080.");
            }

            options.Port = number;
            break;
        case "--host":
            options.Host = Value() ?? string.Empty;
            break;
        case "--api-key":
            options.ApiKey = Value() ?? string.Empty;
            break;
        case "--time-scale":
            if (Value() is not { } scale || !double.TryParse(scale, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || !double.IsFinite(factor) || factor < 0)
            {
                return Fail("--time-scale takes a number >= 0 (1 = real time, 10 = ten times faster, 0 = manual clock), e.g. --time-scale 10.");
            }

            options.TimeScale = factor;
            break;
        case "--scenario":
            if (Value() is not { } scenario || !SimulatorScenarios.All.Contains(scenario))
            {
                return Fail($"--scenario takes one of: {string.Join(", ", SimulatorScenarios.All)}.");
            }

            options.DefaultScenario = scenario;
            break;
        case "--webhook":
            var spec = Value() ?? string.Empty;
            var split = spec.LastIndexOf('=');
            if (split <= 0 || !Uri.TryCreate(spec[..split], UriKind.Absolute, out _) || split == spec.Length - 1)
            {
                return Fail("--webhook takes URL=SECRET, e.g. --webhook http://localhost:5000/webhooks/meetstream=whsec_test");
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
            Console.WriteLine(Usage);
            Console.WriteLine("Scenarios: " + string.Join(", ", SimulatorScenarios.All));
            return 0;
        default:
            return Fail($"Unknown option '{name}'; try --help.");
    }
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

MeetStreamSimulator simulator;
try
{
    simulator = await MeetStreamSimulator.StartAsync(options, stop.Token);
}
catch (Exception ex) when (IsAddressInUse(ex))
{
    return Fail($"Port {options.Port} on {options.Host} is already in use: stop what listens there, or pick another port with --port N (--port 0 takes any free port).", exitCode: 1);
}
catch (ArgumentException ex)
{
    return Fail(ex.Message);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("Stopped before the simulator started.");
    return 130;
}

await using (simulator)
{
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

    // Print what happens: every REST call received and every delivery made, until Ctrl+C or SIGTERM.
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
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }

    Console.WriteLine("Stopping the simulator.");
}

return 0;

// Kestrel reports a taken port as an IOException wrapping AddressInUseException (SocketError.AddressAlreadyInUse).
static bool IsAddressInUse(Exception? ex)
{
    for (; ex is not null; ex = ex.InnerException)
    {
        if (ex.GetType().Name == "AddressInUseException"
            || ex is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
        {
            return true;
        }
    }

    return false;
}

static int Fail(string message, int exitCode = 2)
{
    Console.Error.WriteLine("meetstream-simulator: " + message);
    return exitCode;
}
