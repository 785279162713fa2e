namespace MeetStream.Client.Lambda;

/// <summary>
/// The class-library entry point, for teams that deploy with a handler string <c>Assembly::Namespace.Type::HandleAsync</c>
/// on the managed <c>dotnet8</c>/<c>dotnet10</c> runtimes. Derive a class with a public parameterless constructor and
/// override <see cref="CreateFunctionAsync"/>; Lambda's own runtime creates one instance and calls
/// <see cref="HandleAsync"/> with the raw event stream (no <c>Amazon.Lambda.Core</c> needed because the input is exactly
/// <see cref="Stream"/> and the output a <see cref="Stream"/>).
/// </summary>
/// <remarks>
/// Limits compared with <see cref="LambdaHost"/>: Lambda passes no context here, so <see cref="LambdaContext.RequestId"/>
/// is empty, the deadline is <see cref="InvocationTimeout"/> from the call (set it below the function's timeout), and the
/// trace id comes from <c>_X_AMZN_TRACE_ID</c>. Prefer the executable-assembly model (<see cref="LambdaHost"/> in
/// <c>Main</c>) where you can.
/// </remarks>
/// <example>
/// <code>
/// public sealed class WebhookEntry : LambdaStreamEntryPoint
/// {
///     protected override Task&lt;ILambdaFunction&gt; CreateFunctionAsync(CancellationToken ct) =&gt; Task.FromResult&lt;ILambdaFunction&gt;(new MyFunction());
/// }
/// // handler: MyAssembly::MyNamespace.WebhookEntry::HandleAsync
/// </code>
/// </example>
public abstract class LambdaStreamEntryPoint
{
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private ILambdaFunction? _function;

    /// <summary>
    /// Gets the time an invocation may run before its <see cref="CancellationToken"/> is cancelled. Default 25 s
    /// (below API Gateway's 29 s integration timeout); override to match the function's configured timeout.
    /// </summary>
    protected virtual TimeSpan InvocationTimeout => TimeSpan.FromSeconds(25);

    /// <summary>Gets the clock for deadlines; override in tests.</summary>
    protected virtual TimeProvider TimeProvider => TimeProvider.System;

    /// <summary>Handles one invocation: the method to name in the Lambda handler string.</summary>
    /// <param name="input">The raw event.</param>
    /// <returns>The result, positioned at 0 (Lambda copies it from the current position).</returns>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        byte[] payload;
        using (var buffer = new MemoryStream())
        {
            await input.CopyToAsync(buffer).ConfigureAwait(false);
            payload = buffer.ToArray();
        }

        using var timeout = new CancellationTokenSource(InvocationTimeout, TimeProvider);
        var function = await GetFunctionAsync(timeout.Token).ConfigureAwait(false);
        var context = LambdaContext.FromEnvironment(string.Empty, TimeProvider.GetUtcNow() + InvocationTimeout, TimeProvider, null, Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"), null, null);
        var result = await function.InvokeAsync(payload, context, timeout.Token).ConfigureAwait(false);
        return new MemoryStream(result.ToArray(), writable: false);
    }

    /// <summary>Builds the function once per execution environment (the first invocation waits for it; a failure is retried on the next invocation).</summary>
    /// <param name="cancellationToken">Cancelled when the first invocation's time runs out.</param>
    /// <returns>The function every invocation of this instance uses.</returns>
    protected abstract Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken);

    private async Task<ILambdaFunction> GetFunctionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _function) is { } ready)
        {
            return ready;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _function ??= await CreateFunctionAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{GetType().Name}.CreateFunctionAsync returned null instead of a function.");
            return _function;
        }
        finally
        {
            _initLock.Release();
        }
    }
}
