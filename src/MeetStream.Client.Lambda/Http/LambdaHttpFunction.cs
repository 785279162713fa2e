namespace MeetStream.Client.Lambda;

/// <summary>
/// Base for functions behind API Gateway (REST or HTTP API) or a Function URL: receives a normalised
/// <see cref="LambdaHttpRequest"/> whatever the event shape, and answers in the shape the request arrived in.
/// </summary>
public abstract class LambdaHttpFunction : ILambdaFunction
{
    /// <summary>Handles one HTTP request.</summary>
    /// <param name="request">The request with case-insensitive headers and decoded body bytes.</param>
    /// <param name="context">The invocation's request id, deadline and trace id.</param>
    /// <param name="cancellationToken">Cancelled shortly before the deadline.</param>
    /// <returns>The HTTP response.</returns>
    public abstract Task<LambdaHttpResponse> HandleAsync(LambdaHttpRequest request, LambdaContext context, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    /// <exception cref="LambdaEventException">The payload is not an API Gateway or Function URL event.</exception>
    public async Task<ReadOnlyMemory<byte>> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = LambdaHttpEvents.ParseRequest(payload.Span);
        var response = await HandleAsync(request, context, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{GetType().Name}.HandleAsync returned null instead of a response.");
        return LambdaHttpEvents.SerializeResponse(response, request.Format);
    }
}
