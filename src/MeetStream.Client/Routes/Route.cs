using MeetStream.Client.Http;
using MeetStream.Client.Resilience;

namespace MeetStream.Client.Routes;

/// <summary>
/// What the SDK knows about one REST route beyond its Refit declaration: method and path template (for logs, traces
/// and error messages), whether repeating it is safe, and its special statuses (202 = not ready, 507 = replay).
/// One static instance per route, so a call allocates no policy: <see cref="Policy"/> is the object the resilience
/// handler reads from <see cref="HttpRequestMessage.Options"/>.
/// </summary>
internal sealed class Route
{
    /// <summary>The <see cref="HttpRequestMessage.Options"/> key of <see cref="RequestPolicy"/>; equals <c>RequestPolicy.Key.Key</c>.</summary>
    public const string PolicyKey = "MeetStream.RequestPolicy";

    private readonly string[] _placeholders;

    private Route(HttpMethod method, string template, bool? idempotent, bool notReadyOn202, bool successOn507)
    {
        Method = method;
        Template = template;
        var byMethod = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;
        Idempotent = idempotent ?? byMethod;
        MarkedIdempotent = Idempotent && !byMethod;
        NotReadyOn202 = notReadyOn202;
        SuccessOn507 = successOn507;
        Policy = new RequestPolicy(Idempotent, method.Method, template);
        _placeholders = PlaceholdersOf(template);
    }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path template such as <c>/bots/{bot_id}/status</c>: low-cardinality, safe to log.</summary>
    public string Template { get; }

    /// <summary>Gets whether a repeat cannot cause a second effect, so the resilience handler may retry it.</summary>
    public bool Idempotent { get; }

    /// <summary>Gets whether a 202 answer means "not ready yet".</summary>
    public bool NotReadyOn202 { get; }

    /// <summary>Gets whether a 507 answer is an idempotent replay to treat as success.</summary>
    public bool SuccessOn507 { get; }

    /// <summary>Gets the shared policy sent on every message of this route.</summary>
    public RequestPolicy Policy { get; }

    private bool MarkedIdempotent { get; }

    public static Route Get(string template, bool notReadyOn202 = false) => new(HttpMethod.Get, template, null, notReadyOn202, false);

    public static Route Post(string template, bool idempotent = false, bool successOn507 = false) => new(HttpMethod.Post, template, idempotent, false, successOn507);

    public static Route Put(string template) => new(HttpMethod.Put, template, null, false, false);

    public static Route Patch(string template, bool idempotent = false) => new(HttpMethod.Patch, template, idempotent, false, false);

    public static Route Delete(string template) => new(HttpMethod.Delete, template, null, false, false);

    /// <summary>
    /// Describes one call of this route for error messages (escaped path, subject such as "bot id 'x'"), as the
    /// error factory expects it. Only built when a call fails or answers something unexpected.
    /// </summary>
    /// <param name="first">The value of the first path placeholder, if any.</param>
    /// <param name="second">The value of the second path placeholder, if any.</param>
    public ApiRequest Describe(string? first, string? second)
    {
        var request = ApiRequest.Create(Method, Template);
        for (var i = 0; i < _placeholders.Length; i++)
        {
            var value = i == 0 ? first : second;
            if (value is not null)
            {
                request.WithPath(_placeholders[i], value);
            }
        }

        if (MarkedIdempotent)
        {
            request.AsIdempotent();
        }

        if (NotReadyOn202)
        {
            request.WithNotReadyOn202();
        }

        if (SuccessOn507)
        {
            request.WithSuccessOn507();
        }

        return request;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method.Method} {Template}";

    private static string[] PlaceholdersOf(string template)
    {
        var names = new List<string>(2);
        var start = template.IndexOf('{', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = template.IndexOf('}', start);
            names.Add(template[(start + 1)..end]);
            start = template.IndexOf('{', end);
        }

        return [.. names];
    }
}

/// <summary>
/// One call of a <see cref="Route"/>: the route plus the (already validated) path values, kept only to describe the
/// call when it fails. A value type: no allocation per call.
/// </summary>
/// <param name="Route">The route.</param>
/// <param name="First">The value of the first path placeholder, if any.</param>
/// <param name="Second">The value of the second path placeholder, if any.</param>
internal readonly record struct RouteCall(Route Route, string? First = null, string? Second = null)
{
    /// <summary>Builds the description the error factory and messages use.</summary>
    public ApiRequest Describe() => Route.Describe(First, Second);
}
