using MeetStream.Client.Http;
using MeetStream.Client.Resilience;

namespace MeetStream.Client;

/// <summary>
/// Turns a failed MeetStream response into the typed exception for its status, with a message that says what
/// happened and what to do (401 vs 403 wording per the official SDKs). Never includes the API key.
/// </summary>
internal static class MeetStreamErrorFactory
{
    public static MeetStreamApiException Create(ApiRequest request, HttpResponseMessage response, MeetStreamErrorDetails details, DateTimeOffset now)
    {
        var what = $"{request.Method.Method} {request.Path}";
        var said = details.ApiMessage is { Length: > 0 } m ? $" MeetStream said: \"{m}\"." : string.Empty;
        var id = details.RequestId is { } r ? $" (request id {r})" : string.Empty;
        var status = (int)details.StatusCode;
        switch (status)
        {
            case 202:
                return new MeetStreamNotReadyException(
                    $"{Capitalize(request.Subject) ?? "The resource"} is not ready yet: MeetStream is still processing it (202 for {what}).{said} Poll again later or use the bounded WaitFor…Async methods; transcripts of bots with a streaming-only provider never become ready.{id}",
                    details);
            case 400:
                return new MeetStreamBadRequestException($"MeetStream rejected {what} as invalid (400).{said} Check the fields named in the message against docs/endpoints.md.{id}", details);
            case 401:
                return new MeetStreamAuthenticationException(
                    $"MeetStream received no usable API key for {what} (401).{said} Set MeetStreamClientOptions.ApiKey or MEETSTREAM_API_KEY; the SDK sends it as 'Authorization: Token <key>' (the MCP server's 'Bearer' scheme does not work here).{id}",
                    details);
            case 403:
                return new MeetStreamPermissionDeniedException(
                    $"MeetStream rejected the API key or its access for {what} (403).{said} Check the key is complete and not revoked at https://app.meetstream.ai/api-key, that the resource belongs to your account, and that custom storage is not write-only for media reads.{id}",
                    details);
            case 404:
            case 410:
                return new MeetStreamNotFoundException(
                    $"MeetStream found no {request.Subject ?? "resource"} for {what} ({status}).{said} The id may be wrong, or its data was deleted or expired under the retention policy.{id}",
                    details);
            case 409:
                return new MeetStreamConflictException($"MeetStream refused {what} because it conflicts with the current state (409).{said}{id}", details);
            case 429:
                var retryAfter = MeetStreamResilienceHandler.GetRetryAfter(response, now);
                return new MeetStreamRateLimitException(
                    $"MeetStream rate-limited {what} (429){(retryAfter is { } wait ? $" and asked to wait {wait.TotalSeconds:0.###} s" : string.Empty)}.{said} Slow down; for Teams signed-in bots this also means every account is busy.{id}",
                    details,
                    retryAfter);
            case >= 500 and not 507:
                return new MeetStreamServerException(
                    $"MeetStream failed to process {what} ({status}).{said} {(request.Idempotent ? "The SDK's retries were used up; try again later." : "The request is not safe to repeat automatically; check its effect (for example with a GET) before sending it again.")}{id}",
                    details);
            default:
                return new MeetStreamApiException($"MeetStream answered {what} with unexpected status {status}.{said}{id}", details);
        }
    }

    private static string? Capitalize(string? text) => string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
