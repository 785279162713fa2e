using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>
/// Cold start, side by side in one run: the same webhook function published as Native AOT (net8.0), JIT (net10.0) and
/// JIT with ReadyToRun (net10.0) is started as a fresh process with one signed delivery waiting at the fake Runtime
/// API; measured from process start to init done (first <c>/next</c>) and to the first invocation answered (its
/// DynamoDB claim and conditional update on dynalite included), then one warm invocation. Rounds interleave the
/// variants so machine noise hits them alike. Results go to the test output and
/// <c>artifacts/lambda-cold-start.md</c>.
/// </summary>
[Collection(nameof(PublishedPipelineCollection))]
public sealed class ColdStartBenchmarkTests(PublishedPipeline published, DynaliteServer dynalite)
{
    private const int Rounds = 7;

    [Fact(Explicit = true)]
    public async Task ColdStart_NativeAotVersusJit_AotAnswersFirstInvocationFaster()
    {
        var variants = new (string Name, Publish Publish)[]
        {
            ("Native AOT (net8.0, linux-x64)", await published.AotAsync()),
            ("JIT (net10.0, framework-dependent)", await published.JitAsync()),
            ("JIT + ReadyToRun (net10.0, linux-x64)", await published.ReadyToRunAsync()),
        };
        foreach (var (name, publish) in variants)
        {
            Assert.True(publish.ExitCode == 0, $"{name} publish failed:\n{publish.Output}");
        }

        var (sessions, idempotency) = await dynalite.CreateTablesAsync(TimeProvider.System);
        var samples = variants.ToDictionary(v => v.Name, _ => new List<Sample>());
        foreach (var (_, publish) in variants)
        {
            await MeasureAsync(publish, sessions, idempotency, "warmup"); // file cache and dynalite warm for everyone
        }

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, publish) in variants)
            {
                samples[name].Add(await MeasureAsync(publish, sessions, idempotency, name + round));
            }
        }

        var report = Report(samples);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(published.Root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(published.Root, "artifacts", "lambda-cold-start.md"), report, TestContext.Current.CancellationToken);

        var aot = Median(samples[variants[0].Name].Select(s => s.FirstAnswered));
        var jit = Median(samples[variants[1].Name].Select(s => s.FirstAnswered));
        Assert.True(aot < jit, $"Native AOT ({aot:0.0} ms) should answer its first invocation sooner than JIT ({jit:0.0} ms).\n{report}");
    }

    private async Task<Sample> MeasureAsync(Publish publish, DynamoDbSessionStoreOptions sessions, DynamoDbIdempotencyLedgerOptions idempotency, string label)
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var botId = "bench-" + label.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var first = api.Enqueue(PipelineEnvironment.SignedNow(Lifecycle(botId, "bot.joining", "Joining", DateTimeOffset.UtcNow)));
        using var process = PipelineProcess.Start(publish, PipelineEnvironment.For("webhook", api.Address, sessions, idempotency, dynalite));
        var outcome = await first.Outcome;
        Assert.False(outcome.IsError, outcome.Text + process.Output);
        Assert.Equal("processed", JsonNode.Parse(outcome.Json!["body"]!.GetValue<string>())!["status"]!.GetValue<string>());

        var warmStart = Stopwatch.GetTimestamp();
        var second = await api.Enqueue(PipelineEnvironment.SignedNow(Lifecycle(botId, "bot.inmeeting", "InMeeting", DateTimeOffset.UtcNow))).Outcome;
        Assert.False(second.IsError, second.Text);
        var warm = Stopwatch.GetElapsedTime(warmStart).TotalMilliseconds;
        return new Sample(
            Stopwatch.GetElapsedTime(process.StartedAt, api.FirstNextAt).TotalMilliseconds,
            Stopwatch.GetElapsedTime(process.StartedAt, first.CompletedAt).TotalMilliseconds,
            warm);
    }

    private static string Report(Dictionary<string, List<Sample>> samples)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cold start of the webhook function, {Rounds} interleaved runs each, {DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
        text.AppendLine();
        text.AppendLine("| Variant | start → init done (median, min–max) | start → first invocation answered (median, min–max) | warm invocation (median) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (name, list) in samples)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(list.Select(s => s.InitDone)):0} ms ({list.Min(s => s.InitDone):0}–{list.Max(s => s.InitDone):0}) | {Median(list.Select(s => s.FirstAnswered)):0} ms ({list.Min(s => s.FirstAnswered):0}–{list.Max(s => s.FirstAnswered):0}) | {Median(list.Select(s => s.Warm)):0.0} ms |");
        }

        var aot = Median(samples.First().Value.Select(s => s.FirstAnswered));
        var jit = Median(samples.Skip(1).First().Value.Select(s => s.FirstAnswered));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Native AOT / JIT (first invocation answered, medians): {aot / jit:0.00}×.");
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Sample(double InitDone, double FirstAnswered, double Warm);
}
