using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Transcripts;

public sealed class TranscriptsGetTests(WireMockServer wireMock)
{
    [Fact]
    public async Task GetAsync_ProcessedSegmentArray_SendsRawFalseAndParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_8f2c/get_transcript", 200, TranscriptFixtures.ProcessedSegments());
        using var client = TestClients.Create(scope);

        var transcript = await client.Transcripts.GetAsync("tr_8f2c", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/transcript/tr_8f2c/get_transcript?raw=false", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal(TranscriptFormat.Segments, transcript.Format);
        Assert.Equal(3, transcript.Segments.Count);
        var first = transcript.Segments[0];
        Assert.Equal("Alice Chen", first.Speaker);
        Assert.Equal("Good morning, everyone.", first.Text);
        Assert.Equal(1.04, first.StartTime);
        Assert.Equal(2.9, first.EndTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 15, 0, 1, 40, TimeSpan.Zero), first.AbsoluteStartTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 15, 0, 2, 900, TimeSpan.Zero), first.AbsoluteEndTime);
        Assert.Equal(TimeSpan.FromSeconds(1.04), first.Start);
        Assert.Null(first.Participant);
        var word = first.Words![1];
        Assert.Equal("morning", word.Word);
        Assert.Equal("morning,", word.PunctuatedWord);
        Assert.Equal(1.3, word.Start);
        Assert.Equal(1.8, word.End);
        Assert.Equal(0.97, word.Confidence);
        Assert.Equal(0, word.Speaker);
        Assert.Equal(0.91, word.SpeakerConfidence);
        Assert.Equal(1, transcript.Segments[1].Words![0].Speaker);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, transcript.Json.ValueKind);
        Assert.Equal(3, transcript.Json.GetArrayLength());
    }

    [Fact]
    public async Task GetAsync_ParticipantWordsShape_NormalisesToSegments()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_labs/get_transcript", 200, TranscriptFixtures.ParticipantWords());
        using var client = TestClients.Create(scope);

        var transcript = await client.Transcripts.GetAsync("tr_labs", TestContext.Current.CancellationToken);

        Assert.Equal("/transcript/tr_labs/get_transcript?raw=false", (await scope.SingleReceivedAsync()).Url);
        Assert.Equal(TranscriptFormat.ParticipantWords, transcript.Format);
        Assert.Equal(2, transcript.Segments.Count); // the entry without words is skipped, like MeetStream's own parser
        var first = transcript.Segments[0];
        Assert.Equal("dharrun 17", first.Speaker);
        Assert.Equal("Hi guys, hope you are well.", first.Text);
        Assert.Equal(11.2, first.StartTime);
        Assert.Equal(12.9, first.EndTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 15, 0, 11, 200, TimeSpan.Zero), first.AbsoluteStartTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 15, 0, 12, 400, TimeSpan.Zero), first.AbsoluteEndTime);
        Assert.Equal("100", first.Participant!.Id);
        Assert.True(first.Participant.IsHost);
        Assert.Equal("google_meet", first.Participant.Platform);
        Assert.Equal("web", first.Participant.ExtraData!.Value.GetProperty("device").GetString());
        Assert.Equal(6, first.Words!.Count);
        Assert.Equal("guys,", first.Words[1].Word);
        Assert.Equal(11.5, first.Words[1].Start);
        Assert.Equal(11.9, first.Words[1].End);
        var second = transcript.Segments[1];
        Assert.Equal("Alice", second.Speaker);
        Assert.Equal("Thanks for joining.", second.Text);
        Assert.Equal(18.0, second.StartTime);
        Assert.Equal(18.6, second.EndTime);
        Assert.True(transcript.Json.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task GetAsync_Status202_ThrowsNotReadyWithApiMessage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_wait/get_transcript", 202, new JsonObject { ["message"] = "Transcript is still being processed. Current status: Processing" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Transcripts.GetAsync("tr_wait", TestContext.Current.CancellationToken));

        Assert.Equal("Transcript is still being processed. Current status: Processing", ex.ApiMessage);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, ex.StatusCode);
        Assert.Contains("tr_wait", ex.Message, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task GetAsync_UnknownSegmentFields_AreKept()
    {
        var scope = wireMock.CreateScope();
        var body = TranscriptFixtures.ProcessedSegments();
        body[0]!["sentiment"] = "positive";
        body[0]!["words"]![0]!["language"] = "en";
        await scope.StubAsync("GET", "/transcript/tr_x/get_transcript", 200, body);
        using var client = TestClients.Create(scope);

        var transcript = await client.Transcripts.GetAsync("tr_x", TestContext.Current.CancellationToken);

        Assert.Equal("positive", transcript.Segments[0].AdditionalProperties!["sentiment"].GetString());
        Assert.Equal("en", transcript.Segments[0].Words![0].AdditionalProperties!["language"].GetString());
    }

    [Fact]
    public async Task GetAsync_ObjectWithoutSegments_ThrowsUnexpectedResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_odd/get_transcript", 200, new JsonObject { ["message"] = "No transcript for this bot" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Transcripts.GetAsync("tr_odd", TestContext.Current.CancellationToken));

        Assert.Contains("No transcript for this bot", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No transcript for this bot", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_IdWithReservedCharacters_IsEscapedInPath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/a%2Fb%20c/get_transcript", 200, new JsonArray());
        using var client = TestClients.Create(scope);

        var transcript = await client.Transcripts.GetAsync("a/b c", TestContext.Current.CancellationToken);

        Assert.Empty(transcript.Segments);
        Assert.Equal("/transcript/a%2Fb%20c/get_transcript?raw=false", (await scope.SingleReceivedAsync()).Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task GetAsync_EmptyTranscriptId_ThrowsWithoutRequest(string id)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.GetAsync(id, TestContext.Current.CancellationToken));

        Assert.Equal("transcriptId", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task GetAsync_NullTranscriptId_ThrowsArgumentNull()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Transcripts.GetAsync(null!, TestContext.Current.CancellationToken));

        Assert.Equal("transcriptId", ex.ParamName);
    }

    [Fact]
    public async Task GetAsync_Status404_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_gone/get_transcript", 404, new JsonObject { ["message"] = "Transcript not found" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Transcripts.GetAsync("tr_gone", TestContext.Current.CancellationToken));

        Assert.Equal("Transcript not found", ex.ApiMessage);
    }

    [Fact]
    public async Task GetRawAsync_AssemblyAiShape_SendsRawTrueAndParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        var body = new JsonObject
        {
            ["id"] = "5551722-f677-48a6-9287-39c0aafd9ac1",
            ["status"] = "completed",
            ["text"] = "Good morning, everyone. Morning!",
            ["language_code"] = "en_us",
            ["audio_url"] = "https://meetstream-media.s3.amazonaws.com/bot_1/audio.wav?X-Amz-Signature=abc",
            ["confidence"] = 0.962,
            ["audio_duration"] = 1843,
            ["speaker_labels"] = true,
            ["words"] = new JsonArray
            {
                new JsonObject { ["text"] = "Good", ["start"] = 1040, ["end"] = 1300, ["confidence"] = 0.99, ["speaker"] = "A" },
                new JsonObject { ["text"] = "Morning!", ["start"] = 3500, ["end"] = 4000, ["confidence"] = 0.98, ["speaker"] = "B" },
            },
            ["utterances"] = new JsonArray
            {
                new JsonObject
                {
                    ["speaker"] = "A",
                    ["text"] = "Good morning, everyone.",
                    ["start"] = 1040,
                    ["end"] = 2900,
                    ["confidence"] = 0.97,
                    ["words"] = new JsonArray { new JsonObject { ["text"] = "Good", ["start"] = 1040, ["end"] = 1300, ["confidence"] = 0.99, ["speaker"] = "A" } },
                },
            },
            ["punctuate"] = true,
        };
        await scope.StubAsync("GET", "/transcript/tr_raw/get_transcript", 200, body);
        using var client = TestClients.Create(scope);

        var raw = await client.Transcripts.GetRawAsync("tr_raw", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/transcript/tr_raw/get_transcript?raw=true", received.Url);
        Assert.Equal("5551722-f677-48a6-9287-39c0aafd9ac1", raw.Id);
        Assert.Equal("completed", raw.Status);
        Assert.Equal("Good morning, everyone. Morning!", raw.Text);
        Assert.Equal("en_us", raw.LanguageCode);
        Assert.StartsWith("https://meetstream-media.s3.amazonaws.com/", raw.AudioUrl, StringComparison.Ordinal);
        Assert.Equal(0.962, raw.Confidence);
        Assert.Equal(1843, raw.AudioDuration);
        Assert.True(raw.SpeakerLabels);
        Assert.Equal(2, raw.Words!.Count);
        Assert.Equal("Morning!", raw.Words[1].Text);
        Assert.Equal(3500, raw.Words[1].Start);
        Assert.Equal(4000, raw.Words[1].End);
        Assert.Equal(0.98, raw.Words[1].Confidence);
        Assert.Equal("B", raw.Words[1].Speaker);
        var utterance = Assert.Single(raw.Utterances!);
        Assert.Equal("A", utterance.Speaker);
        Assert.Equal("Good morning, everyone.", utterance.Text);
        Assert.Equal(1040, utterance.Start);
        Assert.Equal(2900, utterance.End);
        Assert.Equal(0.97, utterance.Confidence);
        Assert.Single(utterance.Words!);
        Assert.True(raw.AdditionalProperties!["punctuate"].GetBoolean());
        Assert.Equal("completed", raw.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetRawAsync_DeepgramShape_KeepsCompleteJson()
    {
        var scope = wireMock.CreateScope();
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["request_id"] = "dg-123", ["duration"] = 61.5, ["channels"] = 1 },
            ["results"] = new JsonObject
            {
                ["channels"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["alternatives"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["transcript"] = "good morning everyone",
                                ["confidence"] = 0.99,
                                ["words"] = new JsonArray { new JsonObject { ["word"] = "good", ["start"] = 1.04, ["end"] = 1.3, ["speaker"] = 0 } },
                            },
                        },
                    },
                },
            },
        };
        await scope.StubAsync("GET", "/transcript/tr_dg/get_transcript", 200, body);
        using var client = TestClients.Create(scope);

        var raw = await client.Transcripts.GetRawAsync("tr_dg", TestContext.Current.CancellationToken);

        Assert.Null(raw.Text);
        Assert.Null(raw.Words);
        Assert.Equal("dg-123", raw.Json.GetProperty("metadata").GetProperty("request_id").GetString());
        Assert.Equal(
            "good morning everyone",
            raw.Json.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0].GetProperty("transcript").GetString());
    }

    [Fact]
    public async Task GetRawAsync_Status202_ThrowsNotReady()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_raw_wait/get_transcript", 202, new JsonObject { ["message"] = "Transcript is still being processed. Current status: Queued" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Transcripts.GetRawAsync("tr_raw_wait", TestContext.Current.CancellationToken));

        Assert.Equal("Transcript is still being processed. Current status: Queued", ex.ApiMessage);
        Assert.Equal("/transcript/tr_raw_wait/get_transcript?raw=true", (await scope.SingleReceivedAsync()).Url);
    }
}
