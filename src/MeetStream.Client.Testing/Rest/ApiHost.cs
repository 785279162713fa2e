using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MeetStream.Client.Testing;

/// <summary>
/// Maps the REST routes on Kestrel with plain <see cref="RequestDelegate"/>s (no reflection binding, AOT safe) and runs
/// every call through the same pipeline: buffer the body, check the API key, apply injected faults, run the handler
/// under the engine's lock, answer JSON with <c>x-request-id</c>, and journal it.
/// </summary>
internal static class ApiHost
{
    public const string ApiPrefix = "/api/v1";

    public static void Map(WebApplication app, SimulatorEngine engine, SimulatorFaults faults, IReadOnlyList<ApiRoute> routes)
    {
        foreach (var (method, route, handler) in routes)
        {
            app.MapMethods(ApiPrefix + route, [method], context => InvokeAsync(context, engine, faults, route, handler));
        }

        app.MapFallback(ApiPrefix + "/{**path}", context => InvokeAsync(context, engine, faults, "(unknown)", static call =>
            ApiResult.Message(404, $"No MeetStream route {call.Method} {call.Http.Request.Path.Value?[ApiPrefix.Length..]}; see docs/endpoints.md for the 69 routes.")));
    }

    private static async Task InvokeAsync(HttpContext context, SimulatorEngine engine, SimulatorFaults faults, string route, Func<ApiCall, ApiResult> handler)
    {
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var call = new ApiCall(context, route, body);
        var fault = false;
        ApiResult result;
        if (Authenticate(context, engine.Options.ApiKey) is { } denied)
        {
            result = denied;
        }
        else if (faults.Take(context.Request.Method, route) is { } injected)
        {
            fault = true;
            result = ApiResult.Message(injected.Status, injected.Message);
            if (injected.RetryAfter is { } retryAfter)
            {
                result.Headers["Retry-After"] = retryAfter;
            }
        }
        else
        {
            try
            {
                lock (engine.Gate)
                {
                    result = handler(call);
                }
            }
            catch (ApiError error)
            {
                result = ApiResult.Message(error.Status, error.Message);
            }
            catch (Exception ex)
            {
                engine.Journal.AddError($"{context.Request.Method} {route} failed inside the simulator: {ex}");
                result = ApiResult.Message(500, "Internal simulator error: " + ex.Message);
            }

            engine.NotifyChanged();
        }

        var requestId = "req_" + SimulatorIds.RandomHex(8);
        var responseText = result.Body?.ToJsonString() ?? string.Empty;
        var response = context.Response;
        response.StatusCode = result.Status;
        response.Headers["x-request-id"] = requestId;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        engine.Journal.Add(new SimulatorRequestRecord
        {
            Sequence = engine.Journal.NextSequence(),
            Time = engine.Now,
            Method = context.Request.Method,
            Path = context.Request.Path.Value is { } path && path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? path[ApiPrefix.Length..] : context.Request.Path.Value ?? string.Empty,
            Query = context.Request.QueryString.Value ?? string.Empty,
            Route = route,
            Headers = context.Request.Headers.ToDictionary(
                h => h.Key,
                h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase) ? MaskAuthorization(h.Value.ToString()) : h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            Body = Encoding.UTF8.GetString(body),
            StatusCode = result.Status,
            ResponseBody = responseText,
            Fault = fault,
        });

        if (result.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(responseText);
            response.ContentType = "application/json";
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static ApiResult? Authenticate(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return ApiResult.Message(401, "Authentication credentials were not provided. Send the header Authorization: Token <API key>.");
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!string.Equals(scheme, "Token", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResult.Message(401, $"Unsupported authorization scheme '{(scheme.Length > 12 ? scheme[..12] : scheme)}'; the REST API expects Authorization: Token <API key>.");
        }

        var key = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        return string.Equals(key, apiKey, StringComparison.Ordinal)
            ? null
            : ApiResult.Message(403, "Invalid API key: the key was rejected (wrong, revoked or truncated).");
    }

    private static string MaskAuthorization(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "***" : value[..space] + " ***";
    }
}
