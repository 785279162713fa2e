using System.Globalization;

namespace MeetStream.Client.Testing;

/// <summary>
/// Makes the next calls of a route fail on purpose (429 with <c>Retry-After</c>, 500, 503, …), to test retries and
/// error handling. A fault answers before the route's own logic, so the state does not change.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = [];

    internal SimulatorFaults()
    {
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> calls of <paramref name="route"/> answer <paramref name="statusCode"/>.
    /// </summary>
    /// <param name="route">The documented route template relative to the API base, e.g. <c>/bots/{bot_id}/status</c> or <c>/bots/create_bot</c>; <c>*</c> matches every route.</param>
    /// <param name="statusCode">The status to answer, 400–599 (typically 429 or 503).</param>
    /// <param name="count">How many calls fail; at least 1.</param>
    /// <param name="method">The HTTP method to match, or null for any.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> value to send (whole seconds), or null for none.</param>
    /// <param name="message">The <c>message</c> of the error body; a default names the fault.</param>
    /// <exception cref="ArgumentException">The route is empty or does not start with '/' (or is not '*').</exception>
    /// <exception cref="ArgumentOutOfRangeException">The status or count is out of range.</exception>
    public void Inject(string route, int statusCode, int count = 1, HttpMethod? method = null, TimeSpan? retryAfter = null, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        if (route != "*" && !route.StartsWith('/'))
        {
            throw new ArgumentException("The route must be a template relative to the API base starting with '/', such as /bots/{bot_id}/status, or '*'.", nameof(route));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (retryAfter is { } r)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(r, TimeSpan.Zero, nameof(retryAfter));
        }

        lock (_gate)
        {
            _rules.Add(new Rule(Normalize(route), method?.Method, statusCode, count, retryAfter, message));
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Gets how many injected failures are still pending.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Sum(r => r.Remaining);
            }
        }
    }

    internal (int Status, string Message, string? RetryAfter)? Take(string method, string route)
    {
        lock (_gate)
        {
            var normalized = Normalize(route);
            var rule = _rules.FirstOrDefault(r => (r.Route == "*" || r.Route == normalized) && (r.Method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            if (rule.Remaining <= 0)
            {
                _rules.Remove(rule);
            }

            var retryAfter = rule.RetryAfter is { } r ? ((long)Math.Ceiling(r.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null;
            return (rule.Status, rule.Message ?? $"Simulated fault: {rule.Status} injected for {method} {route}.", retryAfter);
        }
    }

    private static string Normalize(string route)
    {
        var path = route.Trim();
        if (path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            path = path["/api/v1".Length..];
        }

        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private sealed class Rule(string route, string? method, int status, int count, TimeSpan? retryAfter, string? message)
    {
        public string Route { get; } = route;

        public string? Method { get; } = method;

        public int Status { get; } = status;

        public int Remaining { get; set; } = count;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public string? Message { get; } = message;
    }
}
