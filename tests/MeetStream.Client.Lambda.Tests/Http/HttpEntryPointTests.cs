using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Hosting;
using MeetStream.Client.Lambda.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Http;

/// <summary>Every HTTP event kind through both entry points: the Runtime API host and the Stream class-library handler.</summary>
[Collection(nameof(RuntimeHostCollection))]
public sealed class HttpEntryPointTests
{
    public static TheoryData<string, string, string, string> Events => new()
    {
        { "rest-v1.json", "v1", "POST /webhooks", "sha256=5d41402abc4b2a76b9719d911017c592" },
        { "http-api-v1.json", "v1", "POST /webhooks", "sha256=ffff" },
        { "http-api-v2.json", "v2", "POST /webhooks", "sha256=aaaabbbbccccdddd" },
        { "function-url-base64.json", "v2", "POST /", "sha256=0123" },
        { "rest-null-headers.json", "v1", "GET /health", "" },
        { "rest-mixed-case.json", "v1", "POST /webhooks", "sha256=mixed" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task HttpEvent_ThroughRuntimeApiHost_AnswersInTheReceivedFormat(string fixture, string shape, string route, string signature)
    {
        await using var host = await HostHarness.StartAsync(new DescribeRequestFunction());

        var outcome = await host.Api.Enqueue(LambdaHttpEventsTests.Fixture(fixture)).Outcome;

        Assert.False(outcome.IsError, outcome.Text);
        AssertResponse(JsonNode.Parse(outcome.Body)!, fixture, shape, route, signature);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public async Task HttpEvent_ThroughStreamEntryPoint_AnswersInTheReceivedFormat(string fixture, string shape, string route, string signature)
    {
        var entry = new DescribeRequestEntryPoint();

        await using var output = await entry.HandleAsync(new MemoryStream(LambdaHttpEventsTests.Fixture(fixture)));

        AssertResponse(await JsonNode.ParseAsync(output, cancellationToken: TestContext.Current.CancellationToken) ?? throw new InvalidOperationException(), fixture, shape, route, signature);
    }

    private static void AssertResponse(JsonNode response, string fixture, string shape, string route, string signature)
    {
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.False(response["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("a=1", shape == "v1" ? response["multiValueHeaders"]!["Set-Cookie"]![0]!.GetValue<string>() : response["cookies"]![0]!.GetValue<string>());
        var described = JsonNode.Parse(response["body"]!.GetValue<string>())!;
        Assert.Equal(route, described["route"]!.GetValue<string>());
        Assert.Equal(signature, described["signature"]!.GetValue<string>());
        var expectedBody = LambdaHttpEvents.ParseRequest(LambdaHttpEventsTests.Fixture(fixture)).Body.ToArray();
        Assert.Equal(Convert.ToBase64String(expectedBody), described["body"]!.GetValue<string>());
    }

    /// <summary>Answers with what it saw: route, signature header (looked up in another casing), body bytes.</summary>
    private sealed class DescribeRequestFunction : LambdaHttpFunction
    {
        public override Task<LambdaHttpResponse> HandleAsync(LambdaHttpRequest request, LambdaContext context, CancellationToken cancellationToken = default)
        {
            var body = new JsonObject
            {
                ["route"] = request.Method + " " + request.Path,
                ["signature"] = request.Headers["X-MEETSTREAM-signature"] ?? string.Empty,
                ["body"] = Convert.ToBase64String(request.Body.Span),
            };
            var response = LambdaHttpResponse.Text(200, body.ToJsonString());
            response.Headers["Content-Type"] = "application/json";
            response.Cookies.Add("a=1");
            return Task.FromResult(response);
        }
    }

    private sealed class DescribeRequestEntryPoint : LambdaStreamEntryPoint
    {
        protected override Task<ILambdaFunction> CreateFunctionAsync(CancellationToken cancellationToken) => Task.FromResult<ILambdaFunction>(new DescribeRequestFunction());
    }
}
