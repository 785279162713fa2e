using MeetStream.Client.Http;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="ITranscriptsClient"/>.</summary>
internal sealed class TranscriptsClient : ITranscriptsClient
{
    /// <summary>The advice appended when a wait for a transcript times out.</summary>
    internal const string StreamingOnlyHint =
        "If the bot used a streaming-only transcription provider (any '*_streaming' provider such as deepgram_streaming, or meeting_captions), " +
        "MeetStream never produces a post-call transcript and keeps answering 202: read the text from your live transcription webhook " +
        "(live_transcription_required.webhook_url) instead, or call Transcripts.TranscribeAsync(botId, …) with a post-call provider " +
        "(deepgram, assemblyai, jigsawstack, sarvam or meetstream) to transcribe the stored audio and wait for the transcript_id it returns. " +
        "Otherwise raise MeetStreamWaitOptions.Timeout.";

    private readonly MeetStreamTransport _transport;

    public TranscriptsClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<Transcript> GetAsync(string transcriptId, CancellationToken cancellationToken = default)
    {
        var request = TranscriptRequest(transcriptId, raw: false);
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.Transcript, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<RawTranscript> GetRawAsync(string transcriptId, CancellationToken cancellationToken = default)
    {
        var request = TranscriptRequest(transcriptId, raw: true);
        var response = await _transport.SendAsync(request, MeetStreamJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return RawTranscript.FromJson(response.Value);
    }

    /// <inheritdoc />
    public async Task<TranscriptionList> ListForBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get("/bots/{bot_id}/transcriptions").WithPath("bot_id", botId, nameof(botId));
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.TranscriptionList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<TranscribeResponse> TranscribeAsync(string botId, TranscribeRequest request, CancellationToken cancellationToken = default)
    {
        var call = ApiRequest.Post("/bots/{bot_id}/transcribe").WithPath("bot_id", botId, nameof(botId));
        Validate(request);
        call.WithJson(request, MeetStreamJsonContext.Default.TranscribeRequest);
        return (await _transport.SendAsync(call, MeetStreamJsonContext.Default.TranscribeResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public Task<Transcript> WaitForTranscriptAsync(string transcriptId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Validate before the first poll so bad input fails at once, not inside the loop.
        TranscriptRequest(transcriptId, raw: false);
        options?.Validate();
        return NotReadyPolling.WaitAsync(
            ct => GetAsync(transcriptId, ct),
            options,
            _transport.TimeProvider,
            $"transcript '{transcriptId}'",
            StreamingOnlyHint,
            cancellationToken);
    }

    internal static void Validate(TranscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Provider is null)
        {
            throw new ArgumentNullException(nameof(request), "TranscribeRequest.Provider is required: set exactly one post-call provider, e.g. TranscriptionProvider.ForDeepgram().");
        }

        var names = request.Provider.SelectedNames();
        if (names.Count != 1)
        {
            throw new ArgumentException(
                names.Count == 0
                    ? "TranscribeRequest.Provider must name exactly one provider but has none; use e.g. TranscriptionProvider.ForDeepgram()."
                    : $"TranscribeRequest.Provider must name exactly one provider but has {names.Count}: {string.Join(", ", names)}.",
                nameof(request));
        }

        if (request.Provider.IsStreaming)
        {
            throw new ArgumentException(
                $"TranscribeRequest.Provider is '{names[0]}', a streaming-only provider; /transcribe works on stored audio and needs a post-call provider (deepgram, assemblyai, jigsawstack, sarvam or meetstream).",
                nameof(request));
        }

        if (request.CallbackUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"TranscribeRequest.CallbackUrl must be an absolute http(s) URL; got '{url}'.", nameof(request));
        }
    }

    private static ApiRequest TranscriptRequest(string transcriptId, bool raw) =>
        ApiRequest.Get("/transcript/{transcript_id}/get_transcript")
            .WithPath("transcript_id", transcriptId, nameof(transcriptId))
            .WithQuery("raw", raw)
            .WithNotReadyOn202();
}
