using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Transcripts;

public sealed class TranscriptsRunTests(WireMockServer wireMock)
{
    [Fact]
    public async Task ListForBotAsync_TwoRuns_ParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        var body = new JsonObject
        {
            ["bot_id"] = "bot_42",
            ["transcriptions"] = new JsonArray
            {
                new JsonObject
                {
                    ["transcript_id"] = "tr_first",
                    ["provider"] = "deepgram",
                    ["status"] = "Success",
                    ["created_at"] = "2026-11-21T15:40:12.345Z",
                    ["config"] = new JsonObject { ["model"] = "nova-3", ["language"] = "en", ["diarize"] = true },
                    ["download_urls"] = new JsonObject
                    {
                        ["raw_transcript"] = "https://meetstream-media.s3.amazonaws.com/bot_42/raw.json?X-Amz-Expires=3600",
                        ["processed_transcript"] = "https://meetstream-media.s3.amazonaws.com/bot_42/processed.json?X-Amz-Expires=3600",
                    },
                    ["job_id"] = "job-77",
                },
                new JsonObject
                {
                    ["transcript_id"] = "tr_second",
                    ["provider"] = "assemblyai",
                    ["status"] = "Processing",
                    ["created_at"] = "2026-11-21T16:02:00Z",
                    ["config"] = new JsonObject { ["speech_models"] = new JsonArray("universal-2") },
                    ["download_urls"] = null,
                },
            },
        };
        await scope.StubAsync("GET", "/bots/bot_42/transcriptions", 200, body);
        using var client = TestClients.Create(scope);

        var list = await client.Transcripts.ListForBotAsync("bot_42", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/bots/bot_42/transcriptions", received.Url);
        Assert.Equal("bot_42", list.BotId);
        Assert.Equal(2, list.Transcriptions!.Count);
        var first = list.Transcriptions[0];
        Assert.Equal("tr_first", first.TranscriptId);
        Assert.Equal("deepgram", first.Provider);
        Assert.Equal(TranscriptionStatus.Success, first.Status);
        Assert.Equal("2026-11-21T15:40:12.345Z", first.CreatedAt);
        Assert.Equal("nova-3", first.Config!.Value.GetProperty("model").GetString());
        Assert.EndsWith("raw.json?X-Amz-Expires=3600", first.DownloadUrls!.RawTranscript, StringComparison.Ordinal);
        Assert.EndsWith("processed.json?X-Amz-Expires=3600", first.DownloadUrls.ProcessedTranscript, StringComparison.Ordinal);
        Assert.Equal("job-77", first.AdditionalProperties!["job_id"].GetString());
        var second = list.Transcriptions[1];
        Assert.Equal(TranscriptionStatus.Processing, second.Status);
        Assert.Null(second.DownloadUrls);
    }

    [Fact]
    public async Task ListForBotAsync_UnknownStatus_IsKeptAsOpenValue()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot_9/transcriptions", 200, new JsonObject
        {
            ["bot_id"] = "bot_9",
            ["transcriptions"] = new JsonArray { new JsonObject { ["transcript_id"] = "tr_q", ["status"] = "Queued" } },
        });
        using var client = TestClients.Create(scope);

        var list = await client.Transcripts.ListForBotAsync("bot_9", TestContext.Current.CancellationToken);

        var status = list.Transcriptions![0].Status!.Value;
        Assert.Equal("Queued", status.Value);
        Assert.NotEqual(TranscriptionStatus.Processing, status);
    }

    [Fact]
    public async Task TranscribeAsync_DeepgramWithCallback_SendsOneProviderKeyAndParsesResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/bots/bot_42/transcribe", 200, new JsonObject
        {
            ["bot_id"] = "bot_42",
            ["transcript_id"] = "tr_new",
            ["provider"] = "deepgram",
            ["message"] = "Transcription started",
        });
        using var client = TestClients.Create(scope);

        var response = await client.Transcripts.TranscribeAsync(
            "bot_42",
            new TranscribeRequest
            {
                Provider = TranscriptionProvider.ForDeepgram(new DeepgramTranscription { Model = "nova-3", Language = "en", Diarize = true, Keywords = ["MeetStream:2"] }),
                CallbackUrl = "https://hooks.example.com/meetstream?token=abc",
            },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/bots/bot_42/transcribe", received.Url);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        var json = received.Json!.AsObject();
        Assert.Equal(new[] { "provider", "callback_url" }, json.Select(p => p.Key).ToArray());
        var provider = json["provider"]!.AsObject();
        Assert.Equal(new[] { "deepgram" }, provider.Select(p => p.Key).ToArray());
        Assert.Equal("nova-3", provider["deepgram"]!["model"]!.GetValue<string>());
        Assert.Equal("en", provider["deepgram"]!["language"]!.GetValue<string>());
        Assert.True(provider["deepgram"]!["diarize"]!.GetValue<bool>());
        Assert.Equal("MeetStream:2", provider["deepgram"]!["keywords"]![0]!.GetValue<string>());
        Assert.Equal(4, provider["deepgram"]!.AsObject().Count);
        Assert.Equal("https://hooks.example.com/meetstream?token=abc", json["callback_url"]!.GetValue<string>());
        Assert.Equal("bot_42", response.BotId);
        Assert.Equal("tr_new", response.TranscriptId);
        Assert.Equal("deepgram", response.Provider);
        Assert.Equal("Transcription started", response.Message);
    }

    [Fact]
    public async Task TranscribeAsync_WithoutCallback_SendsProviderOnly()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/bots/bot_1/transcribe", 200, new JsonObject { ["bot_id"] = "bot_1", ["transcript_id"] = "tr_2", ["provider"] = "meetstream", ["message"] = "ok" });
        using var client = TestClients.Create(scope);

        await client.Transcripts.TranscribeAsync("bot_1", new TranscribeRequest { Provider = TranscriptionProvider.ForMeetStream() }, TestContext.Current.CancellationToken);

        var json = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Single(json);
        Assert.Empty(json["provider"]!["meetstream"]!.AsObject());
    }

    [Fact]
    public async Task TranscribeAsync_Status503_IsNotRetried()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/bots/bot_42/transcribe", 503, new JsonObject { ["message"] = "Transcription service unavailable" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Transcripts.TranscribeAsync(
            "bot_42",
            new TranscribeRequest { Provider = TranscriptionProvider.ForAssemblyAI() },
            TestContext.Current.CancellationToken));

        Assert.Single(await scope.ReceivedAsync());
        Assert.Equal("Transcription service unavailable", ex.ApiMessage);
        Assert.Contains("not safe to repeat", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_TwoProviders_ThrowsWithoutRequest()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var request = new TranscribeRequest { Provider = new TranscriptionProvider { Deepgram = new(), Sarvam = new() } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.TranscribeAsync("bot_1", request, TestContext.Current.CancellationToken));

        Assert.Contains("exactly one provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("deepgram, sarvam", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task TranscribeAsync_NoProviderKey_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.TranscribeAsync("bot_1", new TranscribeRequest { Provider = new TranscriptionProvider() }, TestContext.Current.CancellationToken));

        Assert.Contains("has none", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_StreamingProvider_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.TranscribeAsync("bot_1", new TranscribeRequest { Provider = TranscriptionProvider.ForDeepgramStreaming() }, TestContext.Current.CancellationToken));

        Assert.Contains("deepgram_streaming", ex.Message, StringComparison.Ordinal);
        Assert.Contains("post-call provider", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_ProviderUnknownToSdk_IsSentThroughAdditionalProperties()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/bots/bot_1/transcribe", 200, new JsonObject { ["transcript_id"] = "tr_9" });
        using var client = TestClients.Create(scope);
        var provider = new TranscriptionProvider
        {
            AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement>
            {
                ["speechmatics"] = System.Text.Json.JsonDocument.Parse("{\"operating_point\":\"enhanced\"}").RootElement,
            },
        };

        var response = await client.Transcripts.TranscribeAsync("bot_1", new TranscribeRequest { Provider = provider }, TestContext.Current.CancellationToken);

        Assert.Equal("enhanced", (await scope.SingleReceivedAsync()).Json!["provider"]!["speechmatics"]!["operating_point"]!.GetValue<string>());
        Assert.Equal("tr_9", response.TranscriptId);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("/relative/hook")]
    public async Task TranscribeAsync_InvalidCallbackUrl_Throws(string url)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.TranscribeAsync("bot_1", new TranscribeRequest { Provider = TranscriptionProvider.ForDeepgram(), CallbackUrl = url }, TestContext.Current.CancellationToken));

        Assert.Contains("CallbackUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_NullRequest_ThrowsArgumentNull()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Transcripts.TranscribeAsync("bot_1", null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TranscribeAsync_EmptyBotId_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.TranscribeAsync(" ", new TranscribeRequest { Provider = TranscriptionProvider.ForDeepgram() }, TestContext.Current.CancellationToken));

        Assert.Equal("botId", ex.ParamName);
    }

    [Fact]
    public async Task ListForBotAsync_EmptyBotId_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.ListForBotAsync("", TestContext.Current.CancellationToken));

        Assert.Equal("botId", ex.ParamName);
    }
}
