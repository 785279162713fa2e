using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MeetStream.Client.Lambda;
using MeetStream.Client.Lambda.Tests.Aot;
using MeetStream.Client.Lambda.Tests.Infrastructure;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// AWS Lambda cold start: the sample webhook function (<c>samples/LambdaPipeline</c>) published as JIT (net10.0,
/// framework-dependent: the baseline), Native AOT (net8.0, linux-x64: the <c>provided.al2023</c> bootstrap) and JIT with
/// ReadyToRun (net10.0, linux-x64). One operation starts a fresh process with one signed delivery already waiting at a
/// fake Runtime API and ends when that first invocation has been answered (<c>POST …/response</c>), its idempotency
/// claim and conditional session update on dynalite included.
/// </summary>
/// <remarks>
/// Publishing the three variants and starting dynalite happen in the global setup (the first run takes minutes). Each
/// iteration gets its own Runtime API and bot id in the iteration setup, and the process is stopped in the iteration
/// cleanup, so neither is timed. The benchmark runs in-process: what is measured is a child process, and the in-process
/// toolchain hands it the caller's environment unchanged.
/// </remarks>
[Config(typeof(ColdStartConfig))]
[MinColumn, MaxColumn, MedianColumn]
public class LambdaColdStartBenchmarks
{
    private readonly PublishedPipeline _published = new();
    private DynaliteServer? _dynalite;
    private Publish _publish = null!;
    private DynamoDbBotSessionStoreOptions _sessions = null!;
    private DynamoDbIdempotencyLedgerOptions _idempotency = null!;
    private FakeRuntimeApi? _runtimeApi;
    private FakeInvocation _first = null!;
    private PipelineProcess? _process;
    private int _iteration;

    [GlobalSetup(Target = nameof(Jit))]
    public void PublishJit() => SetUp(_published.JitAsync);

    [GlobalSetup(Target = nameof(NativeAot))]
    public void PublishNativeAot() => SetUp(_published.AotAsync);

    [GlobalSetup(Target = nameof(JitReadyToRun))]
    public void PublishJitReadyToRun() => SetUp(_published.ReadyToRunAsync);

    [IterationSetup]
    public void QueueFirstDelivery()
    {
        _runtimeApi = FakeRuntimeApi.StartAsync().GetAwaiter().GetResult();
        var botId = $"cold-{Environment.ProcessId}-{++_iteration}-{Guid.NewGuid():N}"[..40];
        _first = _runtimeApi.Enqueue(PipelineEnvironment.SignedNow(MeetStreamSamples.Lifecycle(botId, "bot.joining", "Joining", DateTimeOffset.UtcNow)));
    }

    /// <summary>JIT on the managed runtime (net10.0, framework-dependent, <c>dotnet LambdaPipeline.dll</c>).</summary>
    [Benchmark(Baseline = true)]
    public Task Jit() => StartAndAnswerFirstInvocationAsync();

    /// <summary>Native AOT (net8.0, linux-x64), the <c>bootstrap</c> Lambda runs on <c>provided.al2023</c>.</summary>
    [Benchmark]
    public Task NativeAot() => StartAndAnswerFirstInvocationAsync();

    /// <summary>JIT with ReadyToRun code (net10.0, linux-x64, framework-dependent).</summary>
    [Benchmark]
    public Task JitReadyToRun() => StartAndAnswerFirstInvocationAsync();

    [IterationCleanup]
    public void StopProcess()
    {
        _process?.Dispose();
        _process = null;
        _runtimeApi?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _runtimeApi = null;
    }

    [GlobalCleanup]
    public void StopDynalite()
    {
        _dynalite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dynalite = null;
    }

    private async Task StartAndAnswerFirstInvocationAsync()
    {
        _process = PipelineProcess.Start(_publish, PipelineEnvironment.For("webhook", _runtimeApi!.Address, _sessions, _idempotency, _dynalite!));
        var outcome = await _first.Outcome.ConfigureAwait(false);
        var status = outcome.IsError ? null : JsonNode.Parse(outcome.Json?["body"]?.GetValue<string>() ?? "{}")?["status"]?.GetValue<string>();
        if (status != "processed")
        {
            throw new InvalidOperationException($"The first invocation was not processed: {outcome.Text}\n{_process.Output}");
        }
    }

    private void SetUp(Func<Task<Publish>> publish)
    {
        _publish = publish().GetAwaiter().GetResult();
        if (_publish.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish of samples/LambdaPipeline failed:\n" + _publish.Output);
        }

        _dynalite = new DynaliteServer();
        _dynalite.InitializeAsync().AsTask().GetAwaiter().GetResult();
        (_sessions, _idempotency) = _dynalite.CreateTablesAsync(TimeProvider.System).GetAwaiter().GetResult();
    }

    /// <summary>
    /// One launch, one warm-up iteration, then 15 measured iterations of exactly one operation each, without overhead
    /// evaluation: every operation is a cold start of a new process. <see cref="RunStrategy.Monitoring"/> rather than
    /// <see cref="RunStrategy.ColdStart"/> because the latter skips the warm-up, and the warm-up keeps the benchmark
    /// process's own first-call costs (JIT of <c>Process.Start</c> and the await path here, dynalite's first requests) out
    /// of the first measurement; the process under test is new in every iteration either way.
    /// </summary>
    private sealed class ColdStartConfig : ManualConfig
    {
        public ColdStartConfig() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(15)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithId("ColdStart"));
    }
}
