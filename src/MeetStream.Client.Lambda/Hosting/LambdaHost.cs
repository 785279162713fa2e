using System.Globalization;
using System.Net;
using MeetStream.Client.Lambda.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Runs an <see cref="ILambdaFunction"/> against the Lambda Runtime API: asks for the next event, invokes the
/// function with a <see cref="LambdaContext"/> and a deadline <see cref="CancellationToken"/>, posts the result or the
/// error, and repeats. Call it from <c>Main</c>: the same program runs as an executable assembly on the managed
/// <c>dotnet8</c>/<c>dotnet10</c> runtimes (handler = assembly name) and as a Native AOT <c>bootstrap</c> on
/// <c>provided.al2023</c>.
/// </summary>
/// <example>
/// <code>
/// public static Task&lt;int&gt; Main() =&gt; LambdaHost.RunAsync(async ct =&gt; new MyFunction(await LoadSettingsAsync(ct)));
/// </code>
/// </example>
public static class LambdaHost
{
    /// <summary>Exit code when the host was stopped through its <see cref="CancellationToken"/>.</summary>
    public const int ExitStopped = 0;

    /// <summary>Exit code when initialization failed (reported to <c>/runtime/init/error</c>).</summary>
    public const int ExitInitializationFailed = 1;

    /// <summary>Exit code when the Runtime API failed or told the runtime to exit.</summary>
    public const int ExitRuntimeApiFailed = 2;

    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Runs <paramref name="function"/> until the process is stopped, with default options.</summary>
    /// <param name="function">The function; one instance serves every invocation.</param>
    /// <param name="cancellationToken">Stops the host (Lambda itself never does; tests and local runs may).</param>
    /// <returns>The process exit code: <see cref="ExitStopped"/>, <see cref="ExitInitializationFailed"/> or <see cref="ExitRuntimeApiFailed"/>.</returns>
    public static Task<int> RunAsync(ILambdaFunction function, CancellationToken cancellationToken = default) =>
        RunAsync(function, null, cancellationToken);

    /// <summary>Runs <paramref name="function"/> until the process is stopped.</summary>
    /// <param name="function">The function; one instance serves every invocation.</param>
    /// <param name="options">Host settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(ILambdaFunction function, LambdaHostOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        return RunAsync(_ => Task.FromResult(function), options, cancellationToken);
    }

    /// <summary>
    /// Initializes the function once (clients, secrets, configuration: the init phase, which Lambda bills and times
    /// separately), reporting any failure to <c>/runtime/init/error</c>, then serves invocations until stopped.
    /// </summary>
    /// <param name="initialize">Builds the function; an exception here becomes an init error and exit code 1.</param>
    /// <param name="options">Host settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<ILambdaFunction>> initialize, LambdaHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        options ??= new LambdaHostOptions();
        var logger = options.Logger ?? StandardErrorLogger.Instance;
        Uri runtimeApi;
        int concurrency;
        try
        {
            runtimeApi = options.ResolveRuntimeApi();
            concurrency = options.ResolveConcurrency();
        }
        catch (LambdaHostException ex)
        {
            HostLog.Fatal(logger, ex.Message, ex);
            return ExitRuntimeApiFailed;
        }

        using var client = new RuntimeApiClient(runtimeApi);
        if (options.ApplyFunctionMemoryLimit)
        {
            ApplyFunctionMemoryLimit(logger);
        }

        ILambdaFunction function;
        try
        {
            function = await initialize(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The initialize callback returned null instead of a function.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitStopped;
        }
        catch (Exception ex)
        {
            HostLog.InitializationFailed(logger, ex.GetType().FullName, ex.Message, ex);
            try
            {
                await client.PostInitErrorAsync(LambdaErrorReport.From(ex), "Runtime.InitError", CancellationToken.None).ConfigureAwait(false);
            }
            catch (HttpRequestException post)
            {
                HostLog.Fatal(logger, "Could not report the init error to the Runtime API: " + post.Message, post);
            }

            return ExitInitializationFailed;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loop = new InvocationLoop(client, function, options, logger, concurrency == 1 && options.SetTraceIdEnvironmentVariable, stop);
        var loops = new Task<int>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            loops[i] = Task.Run(() => loop.RunAsync(), CancellationToken.None);
        }

        var codes = await Task.WhenAll(loops).ConfigureAwait(false);
        return codes.Max();
    }

    private static void ApplyFunctionMemoryLimit(ILogger logger)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var megabytes) || megabytes <= 0)
        {
            return;
        }

        if (AppContext.GetData("GCHeapHardLimit") is not null
            || Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit") is not null
            || Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimitPercent") is not null)
        {
            return;
        }

        try
        {
            AppContext.SetData("GCHeapHardLimit", (ulong)megabytes * 1024 * 1024);
            GC.RefreshMemoryLimit();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or PlatformNotSupportedException)
        {
            HostLog.MemoryLimitNotApplied(logger, megabytes, ex.Message);
        }
    }

    /// <summary>The next → invoke → respond cycle, run by one or more pollers.</summary>
    private sealed class InvocationLoop(RuntimeApiClient client, ILambdaFunction function, LambdaHostOptions options, ILogger logger, bool setTraceId, CancellationTokenSource stop)
    {
        public async Task<int> RunAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                RuntimeInvocation invocation;
                try
                {
                    invocation = await client.NextAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return ExitStopped;
                }
                catch (Exception ex) when (ex is HttpRequestException or LambdaHostException or IOException)
                {
                    HostLog.Fatal(logger, "The Runtime API failed while waiting for the next event: " + ex.Message, ex);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return ExitRuntimeApiFailed;
                }

                try
                {
                    await InvokeAsync(invocation).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or LambdaHostException or IOException)
                {
                    HostLog.Fatal(logger, $"The Runtime API failed while completing invocation {invocation.RequestId}: {ex.Message}", ex);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return ExitRuntimeApiFailed;
                }
            }

            return ExitStopped;
        }

        private async Task InvokeAsync(RuntimeInvocation invocation)
        {
            if (setTraceId)
            {
                Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
            }

            var timeProvider = options.TimeProvider;
            var deadline = invocation.Deadline ?? DateTimeOffset.MaxValue;
            var context = LambdaContext.FromEnvironment(invocation.RequestId, deadline, timeProvider, invocation.InvokedFunctionArn, invocation.TraceId, invocation.ClientContext, invocation.CognitoIdentity);
            var untilCancel = invocation.Deadline is { } due ? Max(due - timeProvider.GetUtcNow() - options.DeadlineMargin, TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            using var deadlineSource = untilCancel != Timeout.InfiniteTimeSpan && untilCancel < TimeSpan.FromDays(1)
                ? new CancellationTokenSource(untilCancel, timeProvider)
                : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadlineSource.Token, stop.Token);

            ReadOnlyMemory<byte> result;
            try
            {
                result = await function.InvokeAsync(invocation.Payload, context, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                var deadlineHit = ex is OperationCanceledException && deadlineSource.IsCancellationRequested;
                var errorType = deadlineHit ? "Function.DeadlineExceeded" : "Function.Unhandled";
                var message = deadlineHit
                    ? $"The invocation was cancelled {options.DeadlineMargin.TotalMilliseconds:0} ms before its deadline ({deadline:O}) and stopped: {ex.Message}"
                    : ex.Message;
                HostLog.InvocationFailed(logger, invocation.RequestId, errorType, ex.GetType().FullName, message, ex);
                await ReportErrorAsync(invocation.RequestId, LambdaErrorReport.From(ex, message), errorType).ConfigureAwait(false);
                return;
            }

            var (status, detail) = await client.PostResponseAsync(invocation.RequestId, result, CancellationToken.None).ConfigureAwait(false);
            if ((int)status is >= 200 and < 300)
            {
                return;
            }

            if (status == HttpStatusCode.InternalServerError)
            {
                throw new LambdaHostException($"The Runtime API answered the result of invocation {invocation.RequestId} with 500 (container error){detail}; the runtime must exit.");
            }

            var rejected = status == HttpStatusCode.RequestEntityTooLarge
                ? $"The function's result of {result.Length} bytes is too large for the Lambda Runtime API (413{detail}). Synchronous results are limited to 6 MB: store large data in S3 and return a reference."
                : $"The Lambda Runtime API rejected the function's result of {result.Length} bytes with {(int)status}{detail}.";
            HostLog.InvocationFailed(logger, invocation.RequestId, "Function.ResponseRejected", null, rejected, null);
            await ReportErrorAsync(invocation.RequestId, new LambdaErrorReport { ErrorMessage = rejected, ErrorType = "Function.ResponseRejected" }, status == HttpStatusCode.RequestEntityTooLarge ? "Function.ResponseSizeTooLarge" : "Function.ResponseRejected").ConfigureAwait(false);
        }

        private async Task ReportErrorAsync(string requestId, LambdaErrorReport report, string errorType)
        {
            var (status, detail) = await client.PostErrorAsync(requestId, report, errorType, CancellationToken.None).ConfigureAwait(false);
            if (status == HttpStatusCode.InternalServerError)
            {
                throw new LambdaHostException($"The Runtime API answered the error report of invocation {requestId} with 500 (container error){detail}; the runtime must exit.");
            }

            if ((int)status is < 200 or >= 300)
            {
                HostLog.ErrorReportRejected(logger, requestId, (int)status, detail);
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
