using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Resilience;

/// <summary>
/// The SDK's resilience handler for an <see cref="HttpClient"/> you build yourself: Microsoft.Extensions.Http.Resilience's
/// <see cref="ResilienceHandler"/> over the same pipeline <c>AddMeetStreamClient</c> registers (total timeout, retries with
/// exponential backoff and jitter that honour <c>Retry-After</c>, attempt timeout). Requests that are not safe to
/// repeat are retried only when the connection could not be opened, so a POST is never sent twice unless it carries an
/// <c>Idempotency-Key</c>. Give it a <see cref="SocketsHttpHandler"/> with <c>AllowAutoRedirect = false</c> as inner handler.
/// </summary>
public sealed class MeetStreamResilienceHandler : ResilienceHandler
{
    /// <summary>Initializes a new instance from client options.</summary>
    /// <param name="options">The client options; timeouts, retry settings and the clock are read once.</param>
    /// <param name="logger">Receives one line per retry; optional.</param>
    public MeetStreamResilienceHandler(MeetStreamClientOptions options, ILogger? logger = null)
        : this(options, configure: null, logger)
    {
    }

    /// <summary>Initializes a new instance from client options, then lets you adjust the strategies.</summary>
    /// <param name="options">The client options; timeouts, retry settings and the clock are read once.</param>
    /// <param name="configure">Adjusts the strategies after the SDK filled them from <paramref name="options"/>; optional.</param>
    /// <param name="logger">Receives one line per retry; optional.</param>
    public MeetStreamResilienceHandler(MeetStreamClientOptions options, Action<MeetStreamResilienceOptions>? configure, ILogger? logger = null)
        : base(MeetStreamResiliencePipeline.Build(options ?? throw new ArgumentNullException(nameof(options)), logger, configure))
    {
    }

    /// <summary>Parses <c>Retry-After</c> (seconds or an HTTP date) relative to <paramref name="now"/>.</summary>
    internal static TimeSpan? GetRetryAfter(HttpResponseMessage response, DateTimeOffset now) => RetryAfter.Parse(response, now);

    internal static bool IsRetryableStatus(HttpStatusCode status) => MeetStreamResiliencePipeline.IsRetryableStatus(status);
}
