using MeetStream.Client.Http;
using MeetStream.Client.Routes;
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
    public Task<Transcript> GetAsync(string transcriptId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(transcriptId, nameof(transcriptId));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(TranscriptsRoutes.GetTranscript, transcriptId), transcriptId, static (routes, id, ct) => routes.Transcripts.GetTranscript(id, "false", TranscriptsRoutes.GetTranscript.Policy, ct), MeetStreamJsonContext.Default.Transcript, cancellationToken));
    }

    /// <inheritdoc />
    public Task<RawTranscript> GetRawAsync(string transcriptId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(transcriptId, nameof(transcriptId));
        return GetRawCoreAsync(transcriptId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TranscriptionList> ListForBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(TranscriptsRoutes.ListTranscriptions, botId), botId, static (routes, id, ct) => routes.Transcripts.ListTranscriptions(id, TranscriptsRoutes.ListTranscriptions.Policy, ct), MeetStreamJsonContext.Default.TranscriptionList, cancellationToken));
    }

    /// <inheritdoc />
    public Task<TranscribeResponse> TranscribeAsync(string botId, TranscribeRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        Validate(request);
        return ApiResponse.ValueAsync(_transport.SendAsync(
            new RouteCall(TranscriptsRoutes.Transcribe, botId),
            (botId, request),
            static (routes, state, ct) => routes.Transcripts.Transcribe(state.botId, state.request, TranscriptsRoutes.Transcribe.Policy, ct),
            MeetStreamJsonContext.Default.TranscribeResponse,
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<Transcript> WaitForTranscriptAsync(string transcriptId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Validate before the first poll so bad input fails at once, not inside the loop.
        ApiRequest.RequireValue(transcriptId, nameof(transcriptId));
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

    private async Task<RawTranscript> GetRawCoreAsync(string transcriptId, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(
            new RouteCall(TranscriptsRoutes.GetTranscript, transcriptId),
            transcriptId,
            static (routes, id, ct) => routes.Transcripts.GetTranscript(id, "true", TranscriptsRoutes.GetTranscript.Policy, ct),
            MeetStreamJsonContext.Default.JsonElement,
            cancellationToken).ConfigureAwait(false);
        return RawTranscript.FromJson(response.Value);
    }
}
