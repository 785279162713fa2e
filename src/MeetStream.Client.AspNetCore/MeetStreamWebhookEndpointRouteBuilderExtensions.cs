using MeetStream.Client.AspNetCore.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the MeetStream webhook endpoint. One endpoint accepts lifecycle, processing, participant and live transcript
/// deliveries, signed or carrying a callback URL token.
/// </summary>
public static class MeetStreamWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The default route: <c>/webhooks/meetstream</c>.</summary>
    public const string DefaultPattern = "/webhooks/meetstream";

    /// <summary>
    /// Maps <c>POST</c> on <paramref name="pattern"/> to the webhook endpoint: 413 above the size limit, 401 (problem
    /// details) for a bad signature, token or timestamp, 400 for a malformed body or one that names no event, 200 for a
    /// duplicate, and 200 once the event is queued for the handlers.
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/meetstream</c>.</param>
    /// <returns>The endpoint's convention builder (add host filters, rate limits, ...).</returns>
    /// <exception cref="InvalidOperationException"><c>AddMeetStreamWebhooks</c> was not called.</exception>
    public static IEndpointConventionBuilder MapMeetStreamWebhooks(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>() is { } registered && !registered.IsService(typeof(WebhookEndpoint)))
        {
            throw new InvalidOperationException("Call services.AddMeetStreamWebhooks(...) before app.MapMeetStreamWebhooks(...).");
        }

        // Resolved on first use, so options are validated at start-up as usual rather than while mapping.
        WebhookEndpoint? handler = null;
        RequestDelegate requestDelegate = context => (handler ??= services.GetRequiredService<WebhookEndpoint>()).HandleAsync(context);
        return endpoints.MapPost(pattern, requestDelegate).WithDisplayName("MeetStream webhooks");
    }
}
