namespace MeetStream.Client.Resilience;

/// <summary>
/// What the resilience handler needs to know about one request: whether repeating it is safe and its path template
/// for logs. Travels on <see cref="HttpRequestMessage.Options"/> under <see cref="Key"/>.
/// </summary>
/// <param name="Idempotent">Whether a repeat cannot cause a second effect.</param>
/// <param name="Method">The HTTP method, for logs.</param>
/// <param name="PathTemplate">The low-cardinality path template, e.g. <c>/bots/{bot_id}/status</c>.</param>
internal sealed record RequestPolicy(bool Idempotent, string Method, string PathTemplate)
{
    /// <summary>The key under which the policy travels on a request message.</summary>
    public static readonly HttpRequestOptionsKey<RequestPolicy> Key = new("MeetStream.RequestPolicy");

    /// <summary>Reads the policy of a message, falling back to HTTP method semantics for raw requests.</summary>
    public static RequestPolicy For(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Key, out var policy))
        {
            return policy;
        }

        var method = request.Method;
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head || method == HttpMethod.Options
            || request.Headers.Contains("Idempotency-Key");
        return new RequestPolicy(idempotent, method.Method, request.RequestUri?.AbsolutePath ?? "(unknown)");
    }
}
