using System.Buffers.Binary;
using System.Text.Json;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>Transcripts in both documented shapes and raw form, transcription runs with download URLs, and media served by the simulator itself.</summary>
public sealed class TranscriptAndMediaTests : IAsyncLifetime
{
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;
    private readonly HttpClient _http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task GetTranscript_Default_IsTheSegmentArrayWithEveryField()
    {
        var (_, transcriptId) = await DoneBotAsync();

        var transcript = await _client.Transcripts.GetAsync(transcriptId, Ct);

        Assert.Equal(TranscriptFormat.Segments, transcript.Format);
        Assert.Equal(JsonValueKind.Array, transcript.Json.ValueKind);
        Assert.Equal(5, transcript.Segments.Count);
        foreach (var segment in transcript.Segments)
        {
            ModelAssert.Complete(segment, mayBeNull: ["participant"]);
        }

        Assert.Equal(["Alice Example", "Bob Example"], transcript.Speakers);
        Assert.StartsWith("Alice Example: Good morning everyone", transcript.GetFullText(includeSpeakers: true), StringComparison.Ordinal);
        Assert.Equal(1, transcript.Segments[1].Words![0].Speaker);
        Assert.Equal("?raw=false", _sim.Journal.Requests[^1].Query);
    }

    [Fact]
    public async Task GetTranscript_LabsAttribute_IsTheMessageShapeAndParsesToTheSameText()
    {
        var (_, segmentsId) = await DoneBotAsync();
        var (_, labsId) = await DoneBotAsync(new() { [SimulatorScenarios.TranscriptFormatAttribute] = "labs" });

        var labs = await _client.Transcripts.GetAsync(labsId, Ct);
        var segments = await _client.Transcripts.GetAsync(segmentsId, Ct);

        Assert.Equal(TranscriptFormat.ParticipantWords, labs.Format);
        Assert.True(labs.Json.TryGetProperty("message", out var message));
        Assert.Equal(JsonValueKind.Array, message.ValueKind);
        Assert.Equal(segments.GetFullText(includeSpeakers: true), labs.GetFullText(includeSpeakers: true));
        Assert.Equal("Alice Example", labs.Segments[0].Participant!.Name);
        Assert.NotNull(labs.Segments[0].AbsoluteStartTime);
    }

    [Fact]
    public async Task GetRawTranscript_Done_HasAssemblyAiLikeFields()
    {
        var (_, transcriptId) = await DoneBotAsync();

        var raw = await _client.Transcripts.GetRawAsync(transcriptId, Ct);

        ModelAssert.Complete(raw);
        Assert.Equal("completed", raw.Status);
        Assert.Equal("A", raw.Utterances![0].Speaker);
        Assert.Equal("?raw=true", _sim.Journal.Requests[^1].Query);
    }

    [Fact]
    public async Task ListForBot_Done_RunHasDownloadUrlsThatServeBothShapes()
    {
        var (bot, transcriptId) = await DoneBotAsync();

        var runs = await _client.Transcripts.ListForBotAsync(bot, Ct);

        ModelAssert.Complete(runs, skip: ["config"]);
        var run = Assert.Single(runs.Transcriptions!);
        Assert.Equal(transcriptId, run.TranscriptId);
        Assert.Equal("meetstream", run.Provider);
        Assert.Equal(TranscriptionStatus.Success, run.Status);
        var processed = Transcript.Parse(await _http.GetStringAsync(run.DownloadUrls!.ProcessedTranscript, Ct));
        var raw = JsonDocument.Parse(await _http.GetStringAsync(run.DownloadUrls.RawTranscript, Ct));
        Assert.Equal(5, processed.Segments.Count);
        Assert.Equal(transcriptId, raw.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ListForBot_Processing_HasNoDownloadUrls()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        var run = Assert.Single((await _client.Transcripts.ListForBotAsync(bot, Ct)).Transcriptions!);

        Assert.Equal(TranscriptionStatus.Processing, run.Status);
        Assert.Null(run.DownloadUrls);
    }

    [Fact]
    public async Task Transcribe_Validation_StreamingProviderAndAudioNotReadyAreRejected()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        using var client = _sim.CreateClient(o => o.Retry.MaxRetries = 0);

        await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.Transcripts.TranscribeAsync(bot, new TranscribeRequest { Provider = TranscriptionProvider.ForDeepgram() }, Ct));
        var raw = await client.SendAsync(HttpMethod.Post, $"/bots/{bot}/transcribe", new System.Text.Json.Nodes.JsonObject { ["provider"] = new System.Text.Json.Nodes.JsonObject { ["deepgram_streaming"] = new System.Text.Json.Nodes.JsonObject() } }, cancellationToken: Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, raw.StatusCode);
    }

    [Fact]
    public async Task AudioUrl_Done_ServesA48kHzMonoPcmWavWithoutAuth()
    {
        var (bot, _) = await DoneBotAsync();
        var url = (await _client.Bots.GetAudioAsync(bot, Ct)).AudioUrl!;

        using var response = await _http.GetAsync(url, Ct);
        var wav = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.Equal("WAVE"u8.ToArray(), wav[8..12]);
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22)));
        Assert.Equal(48000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)));
        Assert.Equal(wav.Length - 44, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)));
    }

    [Fact]
    public async Task VideoUrl_Done_ServesAnMp4StartingWithFtyp()
    {
        var (bot, _) = await DoneBotAsync(video: true);
        var url = (await _client.Bots.GetVideoAsync(bot, Ct)).VideoUrl!;

        var mp4 = await _http.GetByteArrayAsync(url, Ct);

        Assert.Equal("ftyp"u8.ToArray(), mp4[4..8]);
    }

    [Fact]
    public async Task MediaUrls_AfterDelete_Answer404()
    {
        var (bot, _) = await DoneBotAsync();
        var url = (await _client.Bots.GetAudioAsync(bot, Ct)).AudioUrl!;

        await _client.Bots.DeleteDataAsync(bot, Ct);
        using var response = await _http.GetAsync(url, Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SegmentUrls_SeparateStreams_ServeWebmAndScreenshotsServePng()
    {
        var request = new CreateBotRequest { MeetingLink = Simulators.MeetLink, BotName = "S", AudioSeparateStreams = true, VideoRequired = false };
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var segment = (await _client.Bots.GetAudioStreamsAsync(bot, Ct)).Participants![0].Streams![0].Segments![0];
        var webm = await _http.GetByteArrayAsync(segment.Url, Ct);
        var shot = (await _client.Bots.GetScreenshotsAsync(bot, Ct)).Screenshots![0].GetProperty("url").GetString();
        var png = await _http.GetByteArrayAsync(shot, Ct);

        Assert.Equal(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }, webm[..4]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
    }

    private async Task<(string Bot, string Transcript)> DoneBotAsync(Dictionary<string, string>? attributes = null, bool video = false)
    {
        var created = await _client.Bots.CreateAsync(Simulators.Bot(video: video, attributes: attributes), cancellationToken: Ct);
        await _sim.RunUntilEventAsync(created.BotId!, "bot.done", cancellationToken: Ct);
        return (created.BotId!, created.TranscriptId!);
    }
}
