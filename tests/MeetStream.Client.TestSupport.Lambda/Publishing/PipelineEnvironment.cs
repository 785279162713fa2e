using System.Globalization;
using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>
/// Environment variables and events for running the published pipeline as Lambda would; used by the Lambda tests and
/// the cold-start benchmark.
/// </summary>
public static class PipelineEnvironment
{
    /// <summary>The MeetStream API key the published pipeline is given (<c>MEETSTREAM_API_KEY</c>).</summary>
    public const string ApiKey = "ms_test_key_lambda_aot_7c41";

    public static Dictionary<string, string> For(string function, string runtimeApi, DynamoDbBotSessionStoreOptions sessions, DynamoDbIdempotencyLedgerOptions idempotency, DynaliteServer dynalite, S3rverServer? s3rver = null, string? bucket = null, Uri? meetStream = null) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["_HANDLER"] = "bootstrap",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "meetstream-" + function,
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Url.ToString(),
        ["AWS_ENDPOINT_URL_S3"] = s3rver?.Url.ToString() ?? "http://127.0.0.1:9",
        ["MEETSTREAM_FUNCTION"] = function,
        ["MEETSTREAM_SESSIONS_TABLE"] = sessions.TableName,
        ["MEETSTREAM_IDEMPOTENCY_TABLE"] = idempotency.TableName,
        ["MEETSTREAM_TRANSCRIPTS_BUCKET"] = bucket ?? "unused",
        ["MEETSTREAM_WEBHOOK_SECRET"] = LambdaEvents.SigningSecret,
        ["MEETSTREAM_CALLBACK_TOKEN_SECRET"] = LambdaEvents.TokenSecret,
        ["MEETSTREAM_WEBHOOK_URL"] = "https://hooks.example.com/webhooks",
        ["MEETSTREAM_API_KEY"] = ApiKey,
        ["MEETSTREAM_API_URL"] = meetStream?.ToString() ?? "http://127.0.0.1:9/api/v1",
    };

    /// <summary>A signed HTTP API 2.0 delivery stamped with the real time (the child process checks the window on its own clock).</summary>
    public static byte[] SignedNow(JsonObject body, bool base64 = false)
    {
        var text = body.ToJsonString();
        return LambdaEvents.HttpApiEvent(text, Headers(text), string.Empty, base64);
    }

    /// <summary>The same delivery as a REST (payload 1.0) event with mixed-case headers.</summary>
    public static byte[] SignedNowRest(JsonObject body)
    {
        var text = body.ToJsonString();
        var headers = Headers(text);
        var e = new JsonObject
        {
            ["resource"] = "/webhooks",
            ["path"] = "/webhooks",
            ["httpMethod"] = "POST",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json", ["X-MeetStream-Signature"] = headers["x-meetstream-signature"]!.GetValue<string>(), ["x-meetstream-TIMESTAMP"] = headers["x-meetstream-timestamp"]!.GetValue<string>() },
            ["multiValueHeaders"] = null,
            ["queryStringParameters"] = null,
            ["requestContext"] = new JsonObject { ["requestId"] = "rest-aot", ["stage"] = "prod", ["identity"] = new JsonObject { ["sourceIp"] = "203.0.113.7" } },
            ["body"] = text,
            ["isBase64Encoded"] = false,
        };
        return System.Text.Encoding.UTF8.GetBytes(e.ToJsonString());
    }

    /// <summary>A Function URL delivery with a base64 body.</summary>
    public static byte[] SignedNowFunctionUrl(JsonObject body)
    {
        var text = body.ToJsonString();
        var e = JsonNode.Parse(LambdaEvents.HttpApiEvent(text, Headers(text), string.Empty, base64: true))!.AsObject();
        e["routeKey"] = "$default";
        e["requestContext"]!["domainName"] = "abcdefghijklmnopqrstuvwxyz0123.lambda-url.us-east-1.on.aws";
        e["requestContext"]!["routeKey"] = "$default";
        return System.Text.Encoding.UTF8.GetBytes(e.ToJsonString());
    }

    private static JsonObject Headers(string text) => new()
    {
        ["content-type"] = "application/json",
        ["x-meetstream-signature"] = WebhookValidator.ComputeSignature(text, LambdaEvents.SigningSecret),
        ["x-meetstream-timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    };
}
