using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Lambda.Tests.Http;

/// <summary>Each HTTP event kind read into the one request type, and responses written in the received shape.</summary>
public sealed class LambdaHttpEventsTests
{
    internal static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Http", "Events", name));

    [Fact]
    public void ParseRequest_RestV1_NormalisesMethodPathQueryAndBody()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("rest-v1.json"));

        Assert.Equal(LambdaHttpEventFormat.ApiGatewayV1, request.Format);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webhooks", request.Path);
        Assert.Equal(["a", "b"], request.Query["tag"]);
        Assert.Equal("url-token-1", request.GetQueryValue("token"));
        Assert.Equal("token=url-token-1&tag=a&tag=b", request.RawQueryString);
        Assert.Equal("{\"bot_event\":\"bot.joining\",\"event\":\"bot.joining\",\"bot_id\":\"bot-rest\",\"bot_status\":\"Joining\"}", request.ReadBodyAsString());
        Assert.Equal("203.0.113.7", request.SourceIp);
        Assert.Equal("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", request.RequestId);
        Assert.Equal("prod", request.Stage);
        Assert.Equal(1795262400000, request.ApiGatewayEvent!.RequestContext!.RequestTimeEpoch);
        Assert.Null(request.HttpApiEvent);
    }

    [Fact]
    public void ParseRequest_RestV1_HeadersIgnoreCaseAndKeepEveryValue()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("rest-v1.json"));

        Assert.Equal("sha256=5d41402abc4b2a76b9719d911017c592", request.Headers["x-meetstream-signature"]);
        Assert.Equal("application/json", request.Headers.GetValue("CONTENT-TYPE"));
        Assert.Equal(["first", "second"], request.Headers.GetValues("x-tag"));
        Assert.Equal("first, second", request.Headers["X-Tag"]);
        Assert.Null(request.Headers["X-Missing"]);
        Assert.Empty(request.Headers.GetValues("X-Missing"));
    }

    [Fact]
    public void ParseRequest_HttpApiV2_ReadsRawQueryCookiesAndLowerCaseHeaders()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("http-api-v2.json"));

        Assert.Equal(LambdaHttpEventFormat.HttpApiV2, request.Format);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webhooks", request.Path);
        Assert.Equal("token=url-token-2&tag=a&tag=b%20c", request.RawQueryString);
        Assert.Equal(["a", "b c"], request.Query["tag"]);
        Assert.Equal(["session=abc", "theme=dark"], request.Cookies);
        Assert.Equal("sha256=aaaabbbbccccdddd", request.Headers["X-MeetStream-Signature"]);
        Assert.Equal("198.51.100.23", request.SourceIp);
        Assert.Equal("JKJaXmPLvHcESHA=", request.RequestId);
        Assert.Equal("$default", request.Stage);
        Assert.Equal("user-1", request.HttpApiEvent!.RequestContext!.Authorizer!.Value.GetProperty("jwt").GetProperty("claims").GetProperty("sub").GetString());
        Assert.Contains("\"bot_id\":\"bot-v2\"", request.ReadBodyAsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRequest_FunctionUrlBase64_DecodesBodyBytesExactly()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("function-url-base64.json"));

        Assert.Equal(LambdaHttpEventFormat.FunctionUrl, request.Format);
        Assert.Equal("/", request.Path);
        Assert.Equal("{\"bot_event\":\"bot.recording\",\"bot_id\":\"bot-url\",\"note\":\"café €\"}"u8.ToArray(), request.Body.ToArray());
        Assert.Equal("sha256=0123", request.Headers["x-meetstream-signature"]);
        Assert.Empty(request.Query);
        Assert.Equal("192.0.2.44", request.SourceIp);
    }

    [Fact]
    public void ParseRequest_HttpApiPayload10_ReadsAsApiGatewayV1()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("http-api-v1.json"));

        Assert.Equal(LambdaHttpEventFormat.ApiGatewayV1, request.Format);
        Assert.Equal("1.0", request.ApiGatewayEvent!.Version);
        Assert.Equal("sha256=ffff", request.Headers["X-MeetStream-Signature"]);
        Assert.Empty(request.Query);
    }

    [Fact]
    public void ParseRequest_NullHeadersQueryAndBody_GivesEmptyValues()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("rest-null-headers.json"));

        Assert.Equal("GET", request.Method);
        Assert.Equal("/health", request.Path);
        Assert.Empty(request.Headers);
        Assert.Null(request.Headers["Content-Type"]);
        Assert.Empty(request.Query);
        Assert.Equal(string.Empty, request.RawQueryString);
        Assert.Empty(request.Cookies);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void ParseRequest_MixedCaseAndNullHeaderValues_LookupIgnoresCaseAndSkipsNulls()
    {
        var request = LambdaHttpEvents.ParseRequest(Fixture("rest-mixed-case.json"));

        Assert.Equal("sha256=mixed", request.Headers["X-MeetStream-Signature"]);
        Assert.Equal("sha256=mixed", request.Headers["x-meetstream-signature"]);
        Assert.Equal("2026-11-21T12:00:00Z", request.Headers["x-meetstream-timestamp"]);
        Assert.Equal("Bearer abc", request.Headers["authorization"]);
        Assert.False(request.Headers.Contains("X-Null-Value"));
        Assert.False(request.Headers.Contains("X-Null-List"));
        Assert.Equal("{}", request.ReadBodyAsString());
    }

    [Fact]
    public void ParseRequest_InvalidBase64Body_ThrowsLambdaEventException()
    {
        var json = "{\"version\":\"2.0\",\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":\"POST\"}},\"body\":\"not base64!\",\"isBase64Encoded\":true}"u8.ToArray();

        var error = Assert.Throws<LambdaEventException>(() => LambdaHttpEvents.ParseRequest(json));

        Assert.Contains("not valid base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRequest_NonHttpEvent_ThrowsLambdaEventException()
    {
        var json = "{\"Records\":[{\"eventName\":\"INSERT\"}]}"u8.ToArray();

        var error = Assert.Throws<LambdaEventException>(() => LambdaHttpEvents.ParseRequest(json));

        Assert.Contains("not an API Gateway or Function URL HTTP event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRequest_NotJson_ThrowsLambdaEventException()
    {
        var error = Assert.Throws<LambdaEventException>(() => LambdaHttpEvents.ParseRequest("POST /webhooks"u8.ToArray()));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    // Found by the fuzzer (tests/Fuzz, lambda-http-event): a "version" value or a property name holding raw invalid
    // UTF-8 or an escaped unpaired surrogate made the format probe throw InvalidOperationException.
    public static TheoryData<byte[]> NotText => new()
    {
        { [.. "{\"version\":\"1.0"u8.ToArray(), 0xD1, 0x2C, .. "\",\"httpMethod\":\"POST\"}"u8.ToArray()] },
        { [.. "{\"httpMethod\":\"POST\",\"version\":\""u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()] },
        { """{"version":"2\ud800","requestContext":{"http":{"method":"POST"}}}"""u8.ToArray() },
        { """{"\udc00":1,"httpMethod":"POST","path":"/"}"""u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public void ParseRequest_InvalidTextInProbedFields_ThrowsLambdaEventException(byte[] json)
    {
        var error = Assert.Throws<LambdaEventException>(() => LambdaHttpEvents.ParseRequest(json));

        Assert.True(error.InnerException is System.Text.Json.JsonException or InvalidOperationException, error.InnerException?.GetType().Name);
        Assert.StartsWith("The ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeResponse_ApiGatewayV1_PutsCookiesInMultiValueHeaders()
    {
        var response = LambdaHttpResponse.Text(202, "accepted");
        response.Cookies.Add("a=1");
        response.Cookies.Add("b=2");

        var json = JsonNode.Parse(LambdaHttpEvents.SerializeResponse(response, LambdaHttpEventFormat.ApiGatewayV1))!;

        Assert.Equal(202, json["statusCode"]!.GetValue<int>());
        Assert.Equal("accepted", json["body"]!.GetValue<string>());
        Assert.False(json["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("text/plain; charset=utf-8", json["headers"]!["Content-Type"]!.GetValue<string>());
        Assert.Equal(["a=1", "b=2"], json["multiValueHeaders"]!["Set-Cookie"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Null(json["cookies"]);
    }

    [Fact]
    public void SerializeResponse_HttpApiV2_PutsCookiesInCookies()
    {
        var response = LambdaHttpResponse.Empty(204);
        response.Cookies.Add("a=1");

        var json = JsonNode.Parse(LambdaHttpEvents.SerializeResponse(response, LambdaHttpEventFormat.HttpApiV2))!;

        Assert.Equal(204, json["statusCode"]!.GetValue<int>());
        Assert.Equal(["a=1"], json["cookies"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Null(json["body"]);
        Assert.Null(json["multiValueHeaders"]);
    }

    [Fact]
    public void SerializeResponse_BinaryBody_IsBase64Encoded()
    {
        var response = new LambdaHttpResponse { StatusCode = 200, Body = new byte[] { 0, 255, 1, 254 } };
        response.Headers["content-type"] = "application/octet-stream";

        var json = JsonNode.Parse(LambdaHttpEvents.SerializeResponse(response, LambdaHttpEventFormat.FunctionUrl))!;

        Assert.True(json["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal(Convert.ToBase64String([0, 255, 1, 254]), json["body"]!.GetValue<string>());
    }

    [Fact]
    public void SerializeResponse_JsonBody_IsPlainText()
    {
        var response = new LambdaHttpResponse { StatusCode = 200, Body = Encoding.UTF8.GetBytes("{\"ok\":\"café\"}") };
        response.Headers["Content-Type"] = "application/problem+json";

        var json = JsonNode.Parse(LambdaHttpEvents.SerializeResponse(response, LambdaHttpEventFormat.HttpApiV2))!;

        Assert.False(json["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal("{\"ok\":\"café\"}", json["body"]!.GetValue<string>());
    }
}
