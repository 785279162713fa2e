using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project tests/MeetStream.Client.Benchmarks -- --filter '*Signature*'
// Results are copied into docs/performance.md as ratios against the baseline of the same run.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
