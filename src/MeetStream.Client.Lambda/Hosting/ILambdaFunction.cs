namespace MeetStream.Client.Lambda;

/// <summary>
/// A Lambda function as the host runs it: raw event bytes in, raw result bytes out. Implement it directly for full
/// control, or derive from <see cref="LambdaJsonFunction{TInput, TOutput}"/> (typed JSON) or
/// <see cref="LambdaHttpFunction"/> (API Gateway and Function URL requests). One instance serves every invocation
/// of a warm execution environment, so create clients once in the constructor.
/// </summary>
public interface ILambdaFunction
{
    /// <summary>Handles one invocation.</summary>
    /// <param name="payload">The event exactly as Lambda delivered it (usually JSON).</param>
    /// <param name="context">The invocation's request id, deadline and trace id.</param>
    /// <param name="cancellationToken">Cancelled shortly before the deadline (see <see cref="LambdaHostOptions.DeadlineMargin"/>) or when the host stops.</param>
    /// <returns>The result bytes Lambda returns to the caller; empty for none.</returns>
    /// <exception cref="Exception">Any exception becomes a function error that Lambda reports (and, for asynchronous sources, retries).</exception>
    Task<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken = default);
}
