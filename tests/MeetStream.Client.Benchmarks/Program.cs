using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project tests/MeetStream.Client.Benchmarks -- --filter '*Signature*'
// Results are copied into docs/performance.md as ratios against the baseline of the same run.
// The bridge load generator is not a BenchmarkDotNet benchmark (it measures latency percentiles under load):
//   dotnet run -c Release --project tests/MeetStream.Client.Benchmarks -- --load [--steps 250,500,1000] [--seconds 10]
// Barge-in latency (audio frame in -> VAD -> interrupt out, SDK vs raw sockets), also a load generator:
//   dotnet run -c Release --project tests/MeetStream.Client.Benchmarks -- bargein [--bots 1,1000] [--seconds 10] [--runs 1]
// Durable webhook inbox on Redis vs the in-memory queue (closed-loop throughput, open-loop ack latency), a load generator:
//   dotnet run -c Release --project tests/MeetStream.Client.Benchmarks -- inbox [--rate 1000] [--seconds 10] [--concurrency 64] [--warmup 2] [--runs 1] [--breakdown]
// RestBenchmarks starts its loopback stub as a child process of this program:
//   dotnet MeetStream.Client.Benchmarks.dll --rest-stub
if (args.Length > 0 && args[0] == MeetStream.Client.Benchmarks.Rest.RestStub.Switch)
{
    return await MeetStream.Client.Benchmarks.Rest.RestStub.RunAsync();
}

if (args.Length > 0 && args[0] == "--load")
{
    return await MeetStream.Client.Benchmarks.BridgeLoadGenerator.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "bargein")
{
    return await MeetStream.Client.Benchmarks.BargeIn.BargeInLoadGenerator.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "inbox")
{
    return await MeetStream.Client.Benchmarks.WebhookInbox.InboxLoadGenerator.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
