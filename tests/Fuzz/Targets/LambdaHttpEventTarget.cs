using MeetStream.Client.Lambda;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>
/// <see cref="LambdaHttpEvents.ParseRequest"/> (API Gateway REST v1, HTTP API v2, Function URL events): throws only
/// <see cref="LambdaEventException"/>; a parsed request's headers, query, body and <c>ToString</c> do not throw, and a
/// response serializes in the request's format.
/// </summary>
internal static class LambdaHttpEventTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        LambdaHttpRequest request;
        try
        {
            request = LambdaHttpEvents.ParseRequest(input);
        }
        catch (LambdaEventException)
        {
            return;
        }

        _ = request.ToString();
        _ = request.ReadBodyAsString();
        _ = request.GetQueryValue("meetstream_token");
        _ = request.Headers["X-MeetStream-Signature"];
        _ = request.Headers.GetValues("Content-Type");
        foreach (var header in request.Headers)
        {
            _ = request.Headers.GetValue(header.Key);
        }

        _ = LambdaHttpEvents.SerializeResponse(LambdaHttpResponse.Text(200, "ok"), request.Format);
    }
}
