using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>A fake Runtime API plus an in-process <see cref="LambdaHost"/> polling it; disposing stops both.</summary>
public sealed class HostHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private HostHarness(FakeRuntimeApi api) => Api = api;

    public FakeRuntimeApi Api { get; }

    /// <summary>Gets the running host (its exit code).</summary>
    public Task<int> Host { get; private set; } = Task.FromResult(0);

    public ListLogger Logger { get; } = new();

    public static async Task<HostHarness> StartAsync(ILambdaFunction function, Action<LambdaHostOptions>? configure = null, TimeProvider? clock = null) =>
        await StartAsync(_ => Task.FromResult(function), configure, clock);

    public static async Task<HostHarness> StartAsync(Func<CancellationToken, Task<ILambdaFunction>> initialize, Action<LambdaHostOptions>? configure = null, TimeProvider? clock = null)
    {
        var api = await FakeRuntimeApi.StartAsync();
        var harness = new HostHarness(api);
        if (clock is not null)
        {
            api.Clock = clock;
        }

        var options = new LambdaHostOptions
        {
            RuntimeApi = api.Address,
            ApplyFunctionMemoryLimit = false,
            Logger = harness.Logger,
            TimeProvider = clock ?? TimeProvider.System,
        };
        configure?.Invoke(options);
        harness.Host = Task.Run(() => LambdaHost.RunAsync(initialize, options, harness._stop.Token));
        return harness;
    }

    /// <summary>Stops the host and waits for its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Host.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Host.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await Api.DisposeAsync();
            _stop.Dispose();
        }
    }
}

/// <summary>Collects log lines so tests can assert what the host wrote.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception), exception));
}

/// <summary>An <see cref="ILambdaFunction"/> from a delegate.</summary>
public sealed class DelegateFunction(Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> handler) : ILambdaFunction
{
    public Task<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken = default) => handler(payload, context, cancellationToken);
}
