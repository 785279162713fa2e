using System.Text;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Hosting;

/// <summary>The Runtime API loop against an in-process fake Runtime API. One collection: the host sets a process-wide environment variable.</summary>
[Collection(nameof(RuntimeHostCollection))]
public sealed class LambdaHostTests
{
    private static readonly Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> Echo =
        (payload, _, _) => Task.FromResult(payload);

    [Fact]
    public async Task RunAsync_Event_PostsTheFunctionResultAsTheResponse()
    {
        await using var host = await HostHarness.StartAsync(new DelegateFunction((payload, context, _) =>
            Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("{\"echo\":" + Encoding.UTF8.GetString(payload.Span) + ",\"id\":\"" + context.RequestId + "\"}"))));

        var invocation = host.Api.Enqueue("{\"hello\":\"world\"}");
        var outcome = await invocation.Outcome;

        Assert.False(outcome.IsError);
        Assert.Equal("world", outcome.Json!["echo"]!["hello"]!.GetValue<string>());
        Assert.Equal(invocation.RequestId, outcome.Json!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_Event_ContextCarriesRequestIdDeadlineArnAndTraceId()
    {
        var seen = new TaskCompletionSource<(LambdaContext Context, string? TraceVariable)>();
        await using var host = await HostHarness.StartAsync(new DelegateFunction((payload, context, _) =>
        {
            seen.TrySetResult((context, Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID")));
            return Task.FromResult(payload);
        }));

        var invocation = host.Api.Enqueue("{}", timeout: TimeSpan.FromSeconds(42), traceId: "Root=1-67890abc-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1");
        await invocation.Outcome;
        var (context, traceVariable) = await seen.Task;

        Assert.Equal(invocation.RequestId, context.RequestId);
        Assert.Equal(invocation.Deadline.ToUnixTimeMilliseconds(), context.Deadline.ToUnixTimeMilliseconds());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:meetstream-test:live", context.InvokedFunctionArn);
        Assert.Equal("Root=1-67890abc-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1", context.TraceId);
        Assert.Equal(context.TraceId, traceVariable);
        Assert.InRange(context.RemainingTime, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(42));
    }

    [Fact]
    public async Task RunAsync_FunctionThrows_PostsErrorDocumentAndKeepsServing()
    {
        var calls = 0;
        await using var host = await HostHarness.StartAsync(new DelegateFunction((payload, _, _) =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("The bot id is missing.") : Task.FromResult(payload)));

        var failed = await host.Api.Enqueue("{\"n\":1}").Outcome;
        var next = await host.Api.Enqueue("{\"n\":2}").Outcome;

        Assert.True(failed.IsError);
        Assert.Equal("Function.Unhandled", failed.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", failed.ContentType);
        Assert.Equal("System.InvalidOperationException", failed.Json!["errorType"]!.GetValue<string>());
        Assert.Equal("The bot id is missing.", failed.Json!["errorMessage"]!.GetValue<string>());
        Assert.Contains(failed.Json!["stackTrace"]!.AsArray(), frame => frame!.GetValue<string>().Contains(nameof(LambdaHostTests), StringComparison.Ordinal));
        Assert.False(next.IsError);
        Assert.Equal("{\"n\":2}", next.Text);
        Assert.Contains(host.Logger.Entries, e => e.Message.Contains("The bot id is missing.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DeadlineApproaches_CancelsTokenAndReportsDeadlineExceeded()
    {
        var clock = new FakeTimeProvider();
        var started = new TaskCompletionSource<TimeSpan>();
        await using var host = await HostHarness.StartAsync(
            new DelegateFunction(async (payload, context, ct) =>
            {
                started.TrySetResult(context.RemainingTime);
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return payload;
            }),
            o => o.DeadlineMargin = TimeSpan.FromMilliseconds(500),
            clock);

        var invocation = host.Api.Enqueue("{}", timeout: TimeSpan.FromSeconds(3));
        var remaining = await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMilliseconds(2400));
        Assert.False(invocation.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var outcome = await invocation.Outcome;

        Assert.Equal(TimeSpan.FromSeconds(3), remaining);
        Assert.True(outcome.IsError);
        Assert.Equal("Function.DeadlineExceeded", outcome.ErrorTypeHeader);
        Assert.StartsWith("The invocation was cancelled 500 ms before its deadline", outcome.Json!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("System.Threading.Tasks.TaskCanceledException", outcome.Json!["errorType"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_InitializationThrows_PostsInitErrorAndExitsWithCode1()
    {
        await using var host = await HostHarness.StartAsync(_ => throw new InvalidOperationException("MEETSTREAM_API_KEY is not set."));

        var initError = await host.Api.InitError.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var exitCode = await host.Host.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(LambdaHost.ExitInitializationFailed, exitCode);
        Assert.Equal("Runtime.InitError", initError.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", initError.ContentType);
        Assert.Equal("System.InvalidOperationException", initError.Json!["errorType"]!.GetValue<string>());
        Assert.Equal("MEETSTREAM_API_KEY is not set.", initError.Json!["errorMessage"]!.GetValue<string>());
        Assert.Equal(0, host.Api.NextCalls);
    }

    [Fact]
    public async Task RunAsync_ResponseRejectedAsTooLarge_ReportsErrorInstead()
    {
        await using var host = await HostHarness.StartAsync(new DelegateFunction(Echo));

        var outcome = await host.Api.Enqueue("{\"big\":true}", responseStatus: 413).Outcome;

        Assert.True(outcome.IsError);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorTypeHeader);
        Assert.Contains("limited to 6 MB", outcome.Json!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NextAnswers500_ExitsWithCode2()
    {
        await using var host = await HostHarness.StartAsync(new DelegateFunction(Echo));
        host.Api.NextStatus = 500;
        host.Api.Enqueue("{}"); // wakes the pending /next; the following one gets the 500

        var exitCode = await host.Host.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(LambdaHost.ExitRuntimeApiFailed, exitCode);
        Assert.Contains(host.Logger.Entries, e => e.Message.Contains("answered the next-event request with 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApiAddress_ReturnsCode2WithoutCallingTheFunction()
    {
        var called = false;
        var logger = new ListLogger();

        var exitCode = await LambdaHost.RunAsync(new DelegateFunction((p, _, _) => { called = true; return Task.FromResult(p); }), new LambdaHostOptions { RuntimeApi = " ", Logger = logger }, TestContext.Current.CancellationToken);

        Assert.Equal(LambdaHost.ExitRuntimeApiFailed, exitCode);
        Assert.False(called);
        Assert.Contains(logger.Entries, e => e.Message.Contains("AWS_LAMBDA_RUNTIME_API is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Stopped_ReturnsCode0()
    {
        var host = await HostHarness.StartAsync(new DelegateFunction(Echo));
        await host.Api.Enqueue("{}").Outcome;

        var exitCode = await host.StopAsync();
        await host.DisposeAsync();

        Assert.Equal(LambdaHost.ExitStopped, exitCode);
    }

    [Fact]
    public async Task RunAsync_MaxConcurrency2_RunsTwoInvocationsAtOnce()
    {
        var inFlight = 0;
        var bothRunning = new TaskCompletionSource();
        await using var host = await HostHarness.StartAsync(
            new DelegateFunction(async (payload, _, ct) =>
            {
                if (Interlocked.Increment(ref inFlight) == 2)
                {
                    bothRunning.TrySetResult();
                }

                await bothRunning.Task.WaitAsync(ct);
                return payload;
            }),
            o => o.MaxConcurrency = 2);

        var first = host.Api.Enqueue("{\"n\":1}");
        var second = host.Api.Enqueue("{\"n\":2}");

        Assert.False((await first.Outcome).IsError);
        Assert.False((await second.Outcome).IsError);
    }
}

[CollectionDefinition(nameof(RuntimeHostCollection), DisableParallelization = true)]
public sealed class RuntimeHostCollection;
