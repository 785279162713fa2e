namespace MeetStream.Client;

/// <summary>
/// MeetStream transcripts: read a post-call transcript (processed or the provider's raw output), list a bot's
/// transcription runs, transcribe stored audio again, and wait for a transcript. Fake this interface to test code
/// that uses it.
/// </summary>
public interface ITranscriptsClient
{
    /// <summary>
    /// Reads a post-call transcript as speaker turns (<c>GET /transcript/{transcript_id}/get_transcript?raw=false</c>).
    /// Either JSON shape MeetStream uses is normalised into the same <see cref="Transcript"/>.
    /// </summary>
    /// <param name="transcriptId">The transcript id (not the bot id): from create_bot, the bot's details, <see cref="ListForBotAsync"/> or <see cref="TranscribeAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="ArgumentException"><paramref name="transcriptId"/> is null, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">MeetStream is still processing (202); <see cref="MeetStreamApiException.ApiMessage"/> has its status text. Bots with a streaming-only provider never get past this.</exception>
    /// <exception cref="MeetStreamNotFoundException">The transcript id is unknown or its data was deleted.</exception>
    /// <exception cref="MeetStreamUnexpectedResponseException">The body is neither known transcript shape.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<Transcript> GetAsync(string transcriptId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the transcription provider's own output (<c>GET /transcript/{transcript_id}/get_transcript?raw=true</c>).
    /// </summary>
    /// <param name="transcriptId">The transcript id (not the bot id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The raw output: typed where it is AssemblyAI-like, always complete in <see cref="RawTranscript.Json"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="transcriptId"/> is null, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">MeetStream is still processing (202).</exception>
    /// <exception cref="MeetStreamNotFoundException">The transcript id is unknown or its data was deleted.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<RawTranscript> GetRawAsync(string transcriptId, CancellationToken cancellationToken = default);

    /// <summary>Lists a bot's transcription runs with their status and download links (<c>GET /bots/{bot_id}/transcriptions</c>).</summary>
    /// <param name="botId">The bot.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is null, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">The bot is unknown.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<TranscriptionList> ListForBotAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Transcribes a bot's stored audio again with a post-call provider (<c>POST /bots/{bot_id}/transcribe</c>): the
    /// way to get a post-call transcript for a bot that used a streaming-only provider. The new transcript id replaces
    /// the bot's <c>transcript_id</c>. Not retried once it may have reached MeetStream (each call starts a paid run).
    /// </summary>
    /// <param name="botId">The bot whose audio to transcribe.</param>
    /// <param name="request">The provider (exactly one post-call key) and an optional callback URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new transcript id; wait for it with <see cref="WaitForTranscriptAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or its provider is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is empty, the provider has no key, several keys or a streaming-only key, or the callback URL is not an absolute http(s) URL.</exception>
    /// <exception cref="MeetStreamBadRequestException">MeetStream rejected the provider settings.</exception>
    /// <exception cref="MeetStreamNotFoundException">The bot is unknown or its audio was deleted.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with another error.</exception>
    Task<TranscribeResponse> TranscribeAsync(string botId, TranscribeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls <see cref="GetAsync"/> while MeetStream answers 202, pausing <see cref="MeetStreamWaitOptions.Interval"/>
    /// between reads, until the transcript is ready or <see cref="MeetStreamWaitOptions.Timeout"/> passes. Always
    /// bounded: a bot with a streaming-only provider never gets a post-call transcript.
    /// </summary>
    /// <param name="transcriptId">The transcript id (not the bot id).</param>
    /// <param name="options">Timeout and interval; <see langword="null"/> for 10 minutes every 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="ArgumentException"><paramref name="transcriptId"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The wait options are not positive.</exception>
    /// <exception cref="MeetStreamTimeoutException">Still 202 when the timeout passed; the message says what to do for streaming-only providers.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream answered with an error other than 202.</exception>
    Task<Transcript> WaitForTranscriptAsync(string transcriptId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default);
}
