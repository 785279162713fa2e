using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class BotActionTests(WireMockServer wireMock)
{
    private const string Id = BotSamples.BotId;

    private static JsonObject Accepted(string command) => new() { ["status"] = "accepted", ["bot_id"] = Id, ["command"] = command };

    [Fact]
    public async Task RemoveFromMeetingAsync_Bot_UsesGetOnRemoveBot()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/remove_bot", 200, new JsonObject { ["message"] = "Bot removal initiated" });
        using var client = TestClients.Create(scope);

        var result = await client.Bots.RemoveFromMeetingAsync(Id, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal($"/bots/{Id}/remove_bot", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal(string.Empty, received.Body);
        Assert.Equal("Bot removal initiated", result.Message);
    }

    [Fact]
    public async Task DeleteDataAsync_Bot_UsesDeleteAndParsesTheCount()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", $"/bots/{Id}/delete", 200, new JsonObject { ["message"] = "Bot data deleted successfully", ["bot_id"] = Id, ["deleted_objects"] = 7 });
        using var client = TestClients.Create(scope);

        var result = await client.Bots.DeleteDataAsync(Id, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal($"/bots/{Id}/delete", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal("Bot data deleted successfully", result.Message);
        Assert.Equal(Id, result.BotId);
        Assert.Equal(7, result.DeletedObjects);
    }

    [Fact]
    public async Task PauseRecordingAsync_Bot_PostsAnEmptyObject()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/pause_recording", 200, Accepted("pause_recording"));
        using var client = TestClients.Create(scope);

        var result = await client.Bots.PauseRecordingAsync(Id, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal($"/bots/{Id}/pause_recording", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("{}", received.Body);
        Assert.False(received.Headers.ContainsKey("Idempotency-Key"));
        Assert.True(result.IsAccepted);
        Assert.Equal(Id, result.BotId);
        Assert.Equal("pause_recording", result.Command);
    }

    [Fact]
    public async Task ResumeRecordingAsync_Bot_PostsAnEmptyObject()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/resume_recording", 200, Accepted("resume_recording"));
        using var client = TestClients.Create(scope);

        var result = await client.Bots.ResumeRecordingAsync(Id, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal($"/bots/{Id}/resume_recording", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("{}", received.Body);
        Assert.Equal("accepted", result.Status);
        Assert.Equal("resume_recording", result.Command);
    }

    [Fact]
    public async Task PauseRecordingAsync_503Then200_IsRetriedBecauseItIsIdempotent()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync($"POST", $"/bots/{Id}/pause_recording", (503, new JsonObject { ["message"] = "Bot unreachable" }, null), (200, Accepted("pause_recording"), null));
        using var client = TestClients.Create(scope);

        var result = await client.Bots.PauseRecordingAsync(Id, TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task PauseRecordingAsync_409_ThrowsConflict()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/pause_recording", 409, new JsonObject { ["message"] = "Bot is not in the meeting" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.Bots.PauseRecordingAsync(Id, TestContext.Current.CancellationToken));

        Assert.Equal("Bot is not in the meeting", ex.ApiMessage);
    }

    [Fact]
    public async Task SendMessageAsync_MessageAndMetadata_PostsEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/send_message", 200, Accepted("sendmsg"));
        using var client = TestClients.Create(scope);

        var result = await client.Bots.SendMessageAsync(Id, new SendMessageRequest { Message = "Recording started", Metadata = new() { MessageType = "notice" } }, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal($"/bots/{Id}/send_message", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.False(received.Headers.ContainsKey("Idempotency-Key"));
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal("Recording started", body["message"]!.GetValue<string>());
        Assert.Equal("notice", body["metadata"]!["message_type"]!.GetValue<string>());
        Assert.Single(body["metadata"]!.AsObject());
        Assert.True(result.IsAccepted);
        Assert.Equal("sendmsg", result.Command);
    }

    [Fact]
    public async Task SendMessageAsync_503_IsNotRetriedAndThrowsServerError()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/send_message", 503, new JsonObject { ["message"] = "Bot unreachable" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.SendMessageAsync(Id, new SendMessageRequest { Message = "hi" }, TestContext.Current.CancellationToken));

        Assert.Single(await scope.ReceivedAsync());
        Assert.Contains("not safe to repeat", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendImageAsync_Image_PostsImgUrlDurationAndMetadata()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/send_image", 200, Accepted("sendimg_url"));
        using var client = TestClients.Create(scope);

        var result = await client.Bots.SendImageAsync(
            Id,
            new SendImageRequest { ImageUrl = "https://cdn.example.com/slide.gif", DisplayDuration = 10, Metadata = new() { MessageType = "slide" } },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal($"/bots/{Id}/send_image", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        var body = received.Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("https://cdn.example.com/slide.gif", body["img_url"]!.GetValue<string>());
        Assert.Equal(10, body["display_duration"]!.GetValue<int>());
        Assert.Equal("slide", body["metadata"]!["message_type"]!.GetValue<string>());
        Assert.Null(body["image_url"]);
        Assert.Equal("sendimg_url", result.Command);
    }

    [Fact]
    public async Task UpdateAgentSessionAsync_EveryField_PostsToUpdateMia()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/update_mia", 200, new JsonObject { ["status"] = "accepted", ["bot_id"] = Id, ["command"] = "update_mia", ["message"] = "Update queued" });
        using var client = TestClients.Create(scope);
        var request = new UpdateAgentSessionRequest
        {
            SystemPrompt = "You are a concise meeting assistant.",
            Parameters = new JsonObject { ["customer"] = "Contoso", ["temperature"] = 0.3 },
            WakeWordEnabled = true,
            WakeWords = ["hey stream", "assistant"],
        };

        var result = await client.Bots.UpdateAgentSessionAsync(Id, request, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal($"/bots/{Id}/update_mia", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        var body = received.Json!.AsObject();
        Assert.Equal(4, body.Count);
        Assert.Equal("You are a concise meeting assistant.", body["system_prompt"]!.GetValue<string>());
        Assert.Equal("Contoso", body["parameters"]!["customer"]!.GetValue<string>());
        Assert.Equal(0.3, body["parameters"]!["temperature"]!.GetValue<double>());
        Assert.True(body["wake_word_enabled"]!.GetValue<bool>());
        Assert.Equal(["hey stream", "assistant"], body["wake_words"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal("Update queued", result.Message);
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task UpdateAgentSessionAsync_OnlyExtraField_SendsIt()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", $"/bots/{Id}/update_mia", 200, new JsonObject { ["message"] = "ok" });
        using var client = TestClients.Create(scope);
        var request = new UpdateAgentSessionRequest
        {
            AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement> { ["session_window"] = System.Text.Json.JsonSerializer.SerializeToElement(900) },
        };

        await client.Bots.UpdateAgentSessionAsync(Id, request, TestContext.Current.CancellationToken);

        Assert.Equal("""{"session_window":900}""", (await scope.SingleReceivedAsync()).Body);
    }
}
