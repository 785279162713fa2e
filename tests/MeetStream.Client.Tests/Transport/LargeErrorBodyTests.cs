using System.Globalization;
using System.Net;
using System.Text;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Transport;

/// <summary>
/// A huge error body is read at most 16 KiB from its stream: the exception message quotes at most 2 KiB of the API
/// message, <see cref="MeetStreamApiException.ResponseBody"/> keeps at most 16 KiB, both marked as truncated, and the
/// logged line stays small. The allocation test runs alone (no parallel tests) so the process-wide count is the call's.
/// </summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class LargeErrorBodyTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int MaxBody = 16 * 1024;

    private static CreateBotRequest Create() => new() { MeetingLink = "https://meet.google.com/abc-defg-hij", BotName = "Notetaker" };

    private static byte[] HugeMessageBody(int messageLength) => Encoding.UTF8.GetBytes("{\"message\":\"" + new string('x', messageLength) + "\",\"code\":\"internal\"}");

    [Fact]
    public async Task CreateAsync_Error500With10MbMessage_CapsMessageResponseBodyAndLogs()
    {
        using var api = TransportStub.StartApi();
        api.Answer("POST", "/bots/create_bot", 500, Encoding.UTF8.GetString(HugeMessageBody(TenMegabytes)));
        var logs = new CapturingLoggerProvider();
        using var client = api.CreateClient(logs);

        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(error.Message.Length < 4096, $"message is {error.Message.Length} chars");
        Assert.Contains("MeetStream said: \"xxxx", error.Message, StringComparison.Ordinal);
        Assert.Contains("…(truncated, ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(500)", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.ResponseBody);
        var marker = error.ResponseBody!.IndexOf("…(truncated, ", StringComparison.Ordinal);
        Assert.True(marker is > 0 and <= MaxBody, $"marker at {marker}");
        Assert.True(error.ResponseBody.Length <= MaxBody + 64, $"ResponseBody is {error.ResponseBody.Length} chars");
        Assert.True(error.ApiMessage!.Length <= 2048 + 64, $"ApiMessage is {error.ApiMessage.Length} chars");
        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.True(line.Length < 8192, $"a log line is {line.Length} chars"));
        Assert.True(error.ToString().Length < 16 * 1024, $"ToString() is {error.ToString().Length} chars");
    }

    [Fact]
    public async Task CreateAsync_Error500WithDeclaredLength_NamesTheFullLength()
    {
        var body = HugeMessageBody(TenMegabytes);
        await using var server = new CannedHttpServer("500 Internal Server Error", body);
        using var client = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = TransportStub.ApiKey, BaseUrl = server.BaseUrl, Retry = { MaxRetries = 0 } });

        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        var full = $"…(truncated, {body.Length.ToString(CultureInfo.InvariantCulture)} bytes)";
        Assert.Contains(full + "\".", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(full, error.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(MaxBody + full.Length, error.ResponseBody!.Length);
        Assert.Equal(2048 + full.Length, error.ApiMessage!.Length);
    }

    [Fact]
    public async Task CreateAsync_Error500WithoutDeclaredLength_SaysMoreThan16384Bytes()
    {
        // Through a plain handler: the SDK's resilience handler still buffers bodies today, which gives them a length.
        await using var server = new CannedHttpServer("500 Internal Server Error", HugeMessageBody(TenMegabytes), sendContentLength: false);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, new MeetStreamClientOptions { ApiKey = TransportStub.ApiKey, BaseUrl = server.BaseUrl });

        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("…(truncated, more than 16384 bytes)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("…(truncated, more than 16384 bytes)", error.ResponseBody, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 4096, $"message is {error.Message.Length} chars");
    }

    [Fact]
    public async Task CreateAsync_Error400WithLongCompleteMessage_QuotesFirst2KbAndTheMessageLength()
    {
        using var api = TransportStub.StartApi();
        var message = new string('m', 5000);
        api.Answer("POST", "/bots/create_bot", 400, "{\"detail\":\"" + message + "\"}");
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(new string('m', 2048) + "…(truncated, 5000 bytes)", error.ApiMessage);
        Assert.Contains(error.ApiMessage!, error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"detail\":\"" + message + "\"}", error.ResponseBody); // under 16 KiB: kept whole
    }

    [Fact]
    public async Task CreateAsync_Error500With10MbBodyThroughPlainHandler_AllocatesFarLessThanTheBody()
    {
        await using var server = new CannedHttpServer("500 Internal Server Error", HugeMessageBody(TenMegabytes));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, new MeetStreamClientOptions { ApiKey = TransportStub.ApiKey, BaseUrl = server.BaseUrl });
        await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken)); // warm up

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Current.SendDiagnosticMessage($"10 MB error body through a plain handler: {allocated} bytes allocated for the call");
        Assert.True(allocated < 2 * 1024 * 1024, $"the call allocated {allocated} bytes for a {TenMegabytes}-byte error body");
        Assert.Contains("…(truncated, ", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
    }

    // Through the default pipeline: the resilience handler buffers only success bodies, so the capped reader is the
    // only one that touches the 10 MB error body.
    [Fact]
    public async Task CreateAsync_Error500With10MbBodyThroughDefaultPipeline_AllocatesFarLessThanTheBody()
    {
        await using var server = new CannedHttpServer("500 Internal Server Error", HugeMessageBody(TenMegabytes));
        using var client = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = TransportStub.ApiKey, BaseUrl = server.BaseUrl, Retry = { MaxRetries = 0 } });
        await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken)); // warm up

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < 2 * 1024 * 1024, $"the call allocated {allocated} bytes for a {TenMegabytes}-byte error body");
    }
}

/// <summary>Tests that measure process-wide allocations: run alone, never beside other tests.</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements
{
}
