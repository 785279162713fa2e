using System.Text;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Transport;

/// <summary>
/// A server that echoes the API key (or any <c>Token</c>/<c>Bearer</c> value) never gets it into an exception's
/// Message, ApiMessage, ResponseBody or ToString(), nor into a log line.
/// </summary>
public sealed class SecretRedactionTests
{
    private const string BotId = "6667fd0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f";
    private const string BearerValue = "eyJhbGciOi.abc.def123";

    private static CreateBotRequest Create() => new() { MeetingLink = "https://meet.google.com/abc-defg-hij", BotName = "Notetaker" };

    public static TheoryData<int, string, string, string> EchoingBodies => new()
    {
        { 401, "application/json", $$"""{"message":"Invalid token {{TransportStub.ApiKey}}"}""", TransportStub.ApiKey },
        { 403, "application/json", $$$"""{"error":{"code":"forbidden","message":"key {{{TransportStub.ApiKey}}} is revoked"}}""", TransportStub.ApiKey },
        { 403, "text/plain", $"Forbidden: Token {TransportStub.ApiKey} was rejected", TransportStub.ApiKey },
        { 401, "application/json", $$"""{"detail":"Authorization: Bearer {{BearerValue}} is not accepted here"}""", BearerValue },
        { 400, "text/html", $"<p>bad request for bearer {BearerValue}</p>", BearerValue },
        { 401, "application/json", $$"""{"message":"Invalid TOKEN {{TransportStub.ApiKey.ToUpperInvariant()}}"}""", TransportStub.ApiKey.ToUpperInvariant() },
        { 500, "application/json", $$$"""{"message":"upstream said token=abc123secret","request":{"api_key":"{{{TransportStub.ApiKey}}}"}}""", "abc123secret" },
    };

    [Theory]
    [MemberData(nameof(EchoingBodies))]
    public async Task CreateAsync_ServerEchoesSecret_SecretInNoMessageBodyToStringOrLog(int status, string contentType, string body, string secret)
    {
        using var api = TransportStub.StartApi();
        api.Answer("POST", "/bots/create_bot", status, body, contentType);
        var logs = new CapturingLoggerProvider();
        using var client = api.CreateClient(logs);

        var error = await Assert.ThrowsAnyAsync<MeetStreamApiException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        AssertNowhere(secret, error, logs);
        AssertNowhere(TransportStub.ApiKey, error, logs);
        Assert.Contains("[REDACTED]", error.ResponseBody, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
    }

    [Fact]
    public async Task GetStatusAsync_KeyEchoedInMessage_MessageKeepsTheRestOfTheText()
    {
        using var api = TransportStub.StartApi();
        api.Answer("GET", $"/bots/{BotId}/status", 403, $$"""{"message":"Invalid token {{TransportStub.ApiKey}}"}""");
        var logs = new CapturingLoggerProvider();
        using var client = api.CreateClient(logs);

        var error = await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => client.Bots.GetStatusAsync(BotId, TestContext.Current.CancellationToken));

        Assert.Equal("Invalid token [REDACTED]", error.ApiMessage);
        Assert.Contains("MeetStream said: \"Invalid token [REDACTED]\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.Contains("Invalid token [REDACTED]", StringComparison.Ordinal));
        AssertNowhere(TransportStub.ApiKey, error, logs);
    }

    [Fact]
    public async Task CreateAsync_KeyCutByThe16KbLimit_NoPartOfTheKeyKept()
    {
        // The key starts 6 bytes before the 16 KiB limit, in the message and the body: the kept start must not hold its first 6 characters.
        var prefix = "{\"message\":\"";
        var padding = new string('p', (16 * 1024) - prefix.Length - 6);
        var body = prefix + padding + TransportStub.ApiKey + new string('z', 40_000) + "\"}";
        using var api = TransportStub.StartApi();
        api.Answer("POST", "/bots/create_bot", 500, body);
        var logs = new CapturingLoggerProvider();
        using var client = api.CreateClient(logs);

        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        var keyStart = TransportStub.ApiKey[..6];
        Assert.DoesNotContain(keyStart, error.ResponseBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(keyStart, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(keyStart, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("…(truncated, ", error.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_SuccessStatusWithUnreadableBodyEchoingKey_ResponseBodyRedacted()
    {
        using var api = TransportStub.StartApi();
        api.Answer("GET", $"/bots/{BotId}/status", 200, $"<html>session Token {TransportStub.ApiKey} expired</html>", "text/html");
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Bots.GetStatusAsync(BotId, TestContext.Current.CancellationToken));

        Assert.Contains("[REDACTED]", error.ResponseBody, StringComparison.Ordinal);
        Assert.DoesNotContain(TransportStub.ApiKey, error.ResponseBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TransportStub.ApiKey, error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertNowhere(string secret, MeetStreamApiException error, CapturingLoggerProvider logs)
    {
        Assert.DoesNotContain(secret, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, error.ApiMessage ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, error.ResponseBody ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, error.Details.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }
}
