using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class BotReadTests(WireMockServer wireMock)
{
    private const string Id = BotSamples.BotId;

    private static async Task<RecordedRequest> AssertSingleGetAsync(WireMockScope scope, string url)
    {
        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal(url, received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal("application/json", received.Headers["Accept"]);
        Assert.Equal(string.Empty, received.Body);
        return received;
    }

    [Fact]
    public async Task GetStatusAsync_Bot_GetsStatusAndParsesIt()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/status", 200, new JsonObject { ["bot_id"] = Id, ["status"] = "InWaitingRoom", ["custom_attributes"] = new JsonObject { ["team"] = "sales", ["crm_id"] = "42" } });
        using var client = TestClients.Create(scope);

        var status = await client.Bots.GetStatusAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/status");
        Assert.Equal(Id, status.BotId);
        Assert.Equal(BotStatus.InWaitingRoom, status.Status);
        Assert.Equal("sales", status.CustomAttributes!["team"]);
        Assert.Equal("42", status.CustomAttributes["crm_id"]);
    }

    [Fact]
    public async Task GetStatusAsync_UnknownBot_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/nope/status", 404, new JsonObject { ["message"] = "Bot not found" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Bots.GetStatusAsync("nope", TestContext.Current.CancellationToken));

        Assert.Equal("Bot not found", ex.ApiMessage);
        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_IdWithReservedCharacters_IsEscapedInThePath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/a%20b%3Fc/status", 200, new JsonObject { ["bot_id"] = "a b?c", ["status"] = "Done" });
        using var client = TestClients.Create(scope);

        var status = await client.Bots.GetStatusAsync("a b?c", TestContext.Current.CancellationToken);

        Assert.Equal("/bots/a%20b%3Fc/status", (await scope.SingleReceivedAsync()).Url);
        Assert.Equal("a b?c", status.BotId);
    }

    [Fact]
    public async Task GetDetailsAsync_Bot_ParsesEveryPascalCaseField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/detail", 200, new JsonObject { ["bot_details"] = BotSamples.DetailRecord() });
        using var client = TestClients.Create(scope);

        var d = await client.Bots.GetDetailsAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/detail");
        Assert.Equal(Id, d.BotId);
        Assert.Equal("https://cdn.example.com/bot.png", d.BotImageUrl);
        Assert.Equal("Hi, I'm recording this meeting.", d.BotMessage);
        Assert.Equal("default", d.BotProfile!.Value.GetString());
        Assert.Equal("Notetaker", d.BotUsername);
        Assert.Equal("2026-05-26T10:00:01.123456+00:00", d.CreatedAt);
        Assert.Equal("2026-05-26T10:00:20.000000+00:00", d.StartTime);
        Assert.Equal("2026-05-26T10:45:03.000000+00:00", d.EndTime);
        Assert.Equal("2683.4", d.Duration);
        Assert.Equal(1779789903L, d.LastUpdatedAt);
        Assert.Equal("Success", d.ManifestStatus);
        Assert.Equal(BotSamples.MeetingUrl, d.MeetingLink);
        Assert.Equal(JsonValueKind.False, d.NativeStt!.Value.ValueKind);
        Assert.Equal("api", d.OfferingType);
        Assert.Equal(MeetingPlatform.GoogleMeet, d.Platform);
        Assert.Equal(BotStatus.Done, d.Status);
        Assert.Equal("user_42", d.UserId);
        Assert.Equal("Notetaker", d.RequestPayload!.Value.GetProperty("bot_name").GetString());
        Assert.Equal(3, d.StatusTimeline!.Count);
        Assert.True(d.StatusTimeline["Joining"].Status);
        Assert.Equal("Bot is joining the meeting", d.StatusTimeline["Joining"].Message);
        Assert.Equal("2026-05-26T10:00:05+00:00", d.StatusTimeline["Joining"].Timestamp);
        Assert.False(d.StatusTimeline["BotRejected"].Status);
        Assert.Null(d.StatusTimeline["BotRejected"].Timestamp);
        Assert.Equal("sales", d.CustomAttributes!["team"]);
        Assert.True(d.CaptionFile!.Available);
        Assert.Equal("https://bucket.s3.amazonaws.com/captions.json?X-Amz-Signature=abc", d.CaptionFile.DownloadUrl);
        Assert.Equal("meetstream-media-prod", d.MediaS3Bucket);
        Assert.Equal("GMeet#2026-05-26T10:00:01", d.PlatformCreatedAt);
        Assert.Equal("GMeet#Done#2026-05-26T10:00:01", d.PlatformStatusCreatedAt);
        Assert.Equal("Done#2026-05-26T10:00:01", d.StatusCreatedAt);
        Assert.Equal("Success", d.AudioStatus);
        Assert.Equal("Success", d.TranscriptStatus);
        Assert.Equal(1, d.ParticipantEvents!.Value.GetArrayLength());
        Assert.Equal(BotSamples.TranscriptId, d.TranscriptId);
        Assert.Null(d.AdditionalProperties);
    }

    [Fact]
    public async Task GetDetailsAsync_UnwrappedRecord_IsReadTolerantly()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/detail", 200, new JsonObject { ["BotID"] = Id, ["Status"] = "Stopped", ["Platform"] = "Zoom" });
        using var client = TestClients.Create(scope);

        var d = await client.Bots.GetDetailsAsync(Id, TestContext.Current.CancellationToken);

        Assert.Equal(Id, d.BotId);
        Assert.Equal(BotStatus.Stopped, d.Status);
        Assert.Equal(MeetingPlatform.Zoom, d.Platform);
    }

    [Fact]
    public async Task GetDetailsAsync_EmptyObject_ThrowsUnexpectedResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/detail", 200, new JsonObject());
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Bots.GetDetailsAsync(Id, TestContext.Current.CancellationToken));

        Assert.Contains("bot_details", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSummaryAsync_TextSummary_ParsesIt()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/summary", 200, new JsonObject
        {
            ["bot_id"] = Id,
            ["summary"] = "The team agreed to ship on Friday.",
            ["status"] = "completed",
            ["message"] = "Summary generated",
            ["action_items"] = new JsonArray("Ada: write release notes"),
        });
        using var client = TestClients.Create(scope);

        var summary = await client.Bots.GetSummaryAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/summary");
        Assert.Equal(Id, summary.BotId);
        Assert.Equal("The team agreed to ship on Friday.", summary.SummaryText);
        Assert.Equal("completed", summary.Status);
        Assert.Equal("Summary generated", summary.Message);
        Assert.Equal("Ada: write release notes", summary.AdditionalProperties!["action_items"][0].GetString());
    }

    [Fact]
    public async Task GetSummaryAsync_DetailShapedAnswer_ParsesTheDetails()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/summary", 200, new JsonObject { ["bot_details"] = BotSamples.DetailRecord() });
        using var client = TestClients.Create(scope);

        var summary = await client.Bots.GetSummaryAsync(Id, TestContext.Current.CancellationToken);

        Assert.Equal(Id, summary.BotDetails!.BotId);
        Assert.Null(summary.SummaryText);
    }

    [Fact]
    public async Task GetSpeakerTimelineAsync_Bot_ParsesCamelCaseChunks()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_speaker_timeline", 200, BotSamples.SpeakerTimeline());
        using var client = TestClients.Create(scope);

        var timeline = await client.Bots.GetSpeakerTimelineAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_speaker_timeline");
        Assert.Equal(2, timeline.Chunks!.Count);
        var first = timeline.Chunks[0];
        Assert.Equal(0, first.ChunkIndex);
        Assert.Equal("2026-05-26T10:00:21.000Z", first.Timestamp);
        Assert.Equal(48000, first.SampleRate);
        Assert.Equal("spaces/abc/devices/290", first.SpeakerId);
        Assert.Equal("Ada Lovelace", first.SpeakerName);
        Assert.Equal(0, first.StartByte);
        Assert.Equal(96000, first.EndByte);
        Assert.Equal("1779789622000", timeline.Chunks[1].Timestamp);
        Assert.Equal(5000000000L, timeline.Chunks[1].EndByte);
        Assert.Equal("2026-05-26T10:45:03.000Z", timeline.LastUpdated);
        Assert.Equal("recordings/6667fd0c/audio.wav", timeline.AudioFilePath);
        Assert.Equal(5000000044L, timeline.TotalFileSize);
    }

    [Fact]
    public async Task GetChatsAsync_Bot_ParsesEveryNestedField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_chats", 200, BotSamples.Chats());
        using var client = TestClients.Create(scope);

        var chats = await client.Bots.GetChatsAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_chats");
        var meta = chats.Metadata!;
        Assert.Equal("chat-session-1", meta.SessionId);
        Assert.Equal("2026-05-26T10:00:20.000Z", meta.StartTime);
        Assert.Equal("2026-05-26T10:44:00.000Z", meta.LastUpdated);
        Assert.Equal(2, meta.TotalMessages);
        Assert.Equal(1, meta.UniqueSpeakers);
        Assert.Equal(Id, meta.BotId);
        Assert.Equal("abc-defg-hij", meta.MeetingId);
        var speaker = Assert.Single(chats.Speakers!);
        Assert.Equal("spaces/abc/devices/290", speaker.DeviceId);
        Assert.Equal("Ada", speaker.Name);
        Assert.Equal("Ada Lovelace", speaker.DisplayName);
        Assert.Equal(2, speaker.MessageCount);
        Assert.Equal(2, chats.ChatMessages!.Count);
        var message = chats.ChatMessages[0];
        Assert.Equal("m-1", message.MessageId);
        Assert.Equal("spaces/abc/devices/290", message.DeviceId);
        Assert.Equal("2026-05-26T10:05:00.000Z", message.Timestamp);
        Assert.Equal("Agenda in the doc", message.Text);
        Assert.Equal("Ada", message.SpeakerName);
        Assert.Equal("Ada Lovelace", message.SpeakerDisplayName);
        Assert.Equal("1779789900123", message.ClientTimestamp);
        Assert.Equal("280.1", message.SessionTimestamp);
        Assert.Equal(2, chats.MessagesBySpeaker!["spaces/abc/devices/290"].GetArrayLength());
        var server = chats.ServerMetadata!;
        Assert.Equal("2026-05-26T10:45:10.000Z", server.SavedAt);
        Assert.Equal(Id, server.ServerBotId);
        Assert.Equal("abc-defg-hij", server.ServerMeetingId);
        Assert.Equal("2.3.1", server.ServerVersion);
    }

    [Fact]
    public async Task GetScreenshotsAsync_Bot_ParsesCountAndKeepsItemsAsJson()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_screenshots", 200, new JsonObject
        {
            ["bot_id"] = Id,
            ["screenshots_count"] = 2,
            ["screenshots"] = new JsonArray(
                new JsonObject { ["url"] = "https://s3.example.com/shot-1.png", ["timestamp"] = "2026-05-26T10:10:00Z" },
                "https://s3.example.com/shot-2.png"),
        });
        using var client = TestClients.Create(scope);

        var shots = await client.Bots.GetScreenshotsAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_screenshots");
        Assert.Equal(Id, shots.BotId);
        Assert.Equal(2, shots.ScreenshotsCount);
        Assert.Equal("https://s3.example.com/shot-1.png", shots.Screenshots![0].GetProperty("url").GetString());
        Assert.Equal("https://s3.example.com/shot-2.png", shots.Screenshots[1].GetString());
    }

    [Fact]
    public async Task GetParticipantsAsync_TopLevelArray_ParsesEveryParticipant()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_participants", 200, BotSamples.Participants());
        using var client = TestClients.Create(scope);

        var participants = await client.Bots.GetParticipantsAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_participants");
        Assert.Equal(2, participants.Count);
        var ada = participants[0];
        Assert.Equal("spaces/abc/devices/290", ada.DeviceId);
        Assert.Equal("Ada Lovelace", ada.DisplayName);
        Assert.Equal("Ada King Lovelace", ada.FullName);
        Assert.Equal("https://lh3.googleusercontent.com/a/ada", ada.ProfilePicture);
        Assert.Equal(1, ada.Status);
        Assert.Equal("in_meeting", ada.HumanizedStatus);
        Assert.Equal(["s-1", "s-2"], ada.StreamIds!);
        Assert.Equal("2026-05-26T10:10:00.000Z", ada.LastUpdated);
        Assert.Null(ada.ParentDeviceId);
        var screen = participants[1];
        Assert.Equal("spaces/abc/devices/290", screen.ParentDeviceId);
        Assert.Equal("1779789903000", screen.LastUpdated);
        Assert.Empty(screen.StreamIds!);
        Assert.Null(screen.ProfilePicture);
    }

    [Fact]
    public async Task GetParticipantsAsync_WrappedArray_IsReadTolerantly()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_participants", 200, new JsonObject { ["participants"] = BotSamples.Participants() });
        using var client = TestClients.Create(scope);

        var participants = await client.Bots.GetParticipantsAsync(Id, TestContext.Current.CancellationToken);

        Assert.Equal(2, participants.Count);
    }

    [Fact]
    public async Task GetParticipantsAsync_UnexpectedShape_ThrowsUnexpectedResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_participants", 200, JsonValue.Create("none"));
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Bots.GetParticipantsAsync(Id, TestContext.Current.CancellationToken));

        Assert.Contains("array of participants", ex.Message, StringComparison.Ordinal);
    }
}
