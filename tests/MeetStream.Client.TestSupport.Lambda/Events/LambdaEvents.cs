using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// The webhook secrets the test pipelines are configured with and the API Gateway HTTP API (2.0) event that carries a
/// delivery; shared by the in-process tests, the published-binary tests and the cold-start benchmark (which links this
/// file), so it depends on nothing but the SDK.
/// </summary>
public static class LambdaEvents
{
    /// <summary>The signing secret every test pipeline verifies <c>X-MeetStream-Signature</c> with.</summary>
    public const string SigningSecret = "whsec_test_5b7e0c";

    /// <summary>The secret every test pipeline issues and checks callback URL tokens with.</summary>
    public const string TokenSecret = "cbtok_test_3f9a1d";

    /// <summary>Builds an HTTP API 2.0 event for <c>POST /webhooks</c> (or <paramref name="method"/>) carrying <paramref name="body"/>.</summary>
    public static byte[] HttpApiEvent(string body, JsonObject headers, string rawQuery, bool base64 = false, string method = "POST")
    {
        var e = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /webhooks",
            ["rawPath"] = "/webhooks",
            ["rawQueryString"] = rawQuery,
            ["headers"] = headers,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "f1e2d3c4b5",
                ["domainName"] = "f1e2d3c4b5.execute-api.us-east-1.amazonaws.com",
                ["http"] = new JsonObject { ["method"] = method, ["path"] = "/webhooks", ["protocol"] = "HTTP/1.1", ["sourceIp"] = "198.51.100.23", ["userAgent"] = "MeetStream-Webhooks/1.0" },
                ["requestId"] = "v2-" + Guid.NewGuid().ToString("N")[..8],
                ["routeKey"] = "POST /webhooks",
                ["stage"] = "$default",
                ["timeEpoch"] = 1795262400000,
            },
            ["body"] = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body,
            ["isBase64Encoded"] = base64,
        };
        return Encoding.UTF8.GetBytes(e.ToJsonString());
    }
}
