namespace MeetStream.Client;

/// <summary>
/// MeetStream bots: create a bot in a meeting, list and inspect bots, fetch their media and meeting data, and act in
/// the meeting (remove, pause or resume recording, chat, images, agent session updates). Fake this interface to test
/// code that uses it.
/// </summary>
/// <remarks>
/// Every method throws <see cref="MeetStreamAuthenticationException"/> (401), <see cref="MeetStreamPermissionDeniedException"/>
/// (403), <see cref="MeetStreamRateLimitException"/> (429), <see cref="MeetStreamServerException"/> (5xx),
/// <see cref="MeetStreamConnectionException"/> and <see cref="MeetStreamTimeoutException"/> after the client's retries,
/// and <see cref="MeetStreamUnexpectedResponseException"/> when a success body is not the documented JSON.
/// </remarks>
public interface IBotsClient
{
    /// <summary>
    /// Sends a bot into a meeting (<c>POST /bots/create_bot</c>). The request is validated first. The call carries an
    /// <c>Idempotency-Key</c> (yours, or a GUID generated once for this call), so the client's retries can never create
    /// a second bot; a 507 replay and a 200 <c>deduplication_key</c> replay are successes, flagged on the result.
    /// </summary>
    /// <param name="request">The bot to create.</param>
    /// <param name="idempotencyKey">
    /// Your key for this logical create (printable ASCII, no spaces). Persist it and pass it again to repeat a create
    /// safely after a crash. <see langword="null"/> lets the SDK generate one per call, except when the request carries
    /// a <c>deduplication_key</c>: MeetStream lets the header win over the body key, so the SDK then sends no header
    /// and relies on the body key to make its retries safe.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bot, with <see cref="BotCreated.IdempotencyKey"/> and the replay flags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The request breaks documented rules (every problem is listed), or the key is not printable ASCII.</exception>
    /// <exception cref="MeetStreamBadRequestException">MeetStream rejected a field (400), e.g. an unregistered login domain.</exception>
    /// <exception cref="MeetStreamConflictException">The <c>deduplication_key</c> belongs to another meeting, or the pinned Teams account is busy (409).</exception>
    /// <exception cref="MeetStreamUnexpectedResponseException">
    /// MeetStream answered with success but without a <c>bot_id</c> (a bot may exist that no call can reach; list bots
    /// before creating it again).
    /// </exception>
    Task<BotCreated> CreateAsync(CreateBotRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists bots (<c>GET /bots</c>), following every page. Pages are fetched lazily as you enumerate.
    /// </summary>
    /// <param name="filter">Filters; <see langword="null"/> for all bots.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The bots, page after page.</returns>
    /// <exception cref="ArgumentException">A filter is invalid (e.g. <see cref="ListBotsRequest.From"/> after <see cref="ListBotsRequest.To"/>).</exception>
    /// <exception cref="MeetStreamUnexpectedResponseException">
    /// A page returned a cursor already seen: MeetStream ignored the cursor parameter, whose name is undocumented (see
    /// <see cref="ListBotsRequest.CursorParameterName"/>).
    /// </exception>
    IAsyncEnumerable<BotListItem> ListAsync(ListBotsRequest? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Fetches one page of <c>GET /bots</c>.</summary>
    /// <param name="filter">Filters; <see langword="null"/> for all bots.</param>
    /// <param name="cursor">The previous page's <see cref="BotListPage.NextCursor"/>, or <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">A filter is invalid, or <paramref name="cursor"/> is empty.</exception>
    Task<BotListPage> ListPageAsync(ListBotsRequest? filter = null, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a bot's current status (<c>GET /bots/{bot_id}/status</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status and custom attributes.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    Task<BotStatusInfo> GetStatusAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets a bot's full record (<c>GET /bots/{bot_id}/detail</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>bot_details</c> object.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    Task<BotDetails> GetDetailsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets the AI summary of the meeting (<c>GET /bots/{bot_id}/summary</c>; needs a summary workflow).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary, read tolerantly (its shape is undocumented).</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot or no summary (404).</exception>
    /// <exception cref="MeetStreamNotReadyException">The summary is still being produced (202).</exception>
    Task<BotSummary> GetSummaryAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets the mixed audio's download URL (<c>GET /bots/{bot_id}/get_audio</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The audio URL (valid about one hour).</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The audio is still being processed (202); see <see cref="WaitForAudioAsync"/>.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its media was deleted or expired (404/410).</exception>
    /// <exception cref="MeetStreamPermissionDeniedException">Your custom storage is write-only (403).</exception>
    Task<BotAudio> GetAudioAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets the mixed video's download URL and facts (<c>GET /bots/{bot_id}/get_video</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The video URL (valid about ten minutes) and <c>video_info</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The video is still being processed (202); see <see cref="WaitForVideoAsync"/>.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, no video, or its media was deleted or expired (404/410).</exception>
    /// <exception cref="MeetStreamPermissionDeniedException">Your custom storage is write-only (403).</exception>
    Task<BotVideo> GetVideoAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets per-participant audio tracks (<c>GET /bots/{bot_id}/get_audio_streams</c>; needs <c>audio_separate_streams</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participants, their tracks and segment URLs.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The bot is still in the meeting or processing (202); see <see cref="WaitForAudioStreamsAsync"/>.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its media was deleted or expired (404/410).</exception>
    Task<BotAudioStreams> GetAudioStreamsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets per-participant video tracks and screen shares (<c>GET /bots/{bot_id}/get_recording_streams</c>; needs <c>video_separate_streams</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participants, screen shares, their tracks and segment URLs.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The recording is still being processed (202); see <see cref="WaitForRecordingStreamsAsync"/>.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its media was deleted or expired (404/410).</exception>
    Task<BotRecordingStreams> GetRecordingStreamsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets who spoke when, as byte ranges of the audio file (<c>GET /bots/{bot_id}/get_speaker_timeline</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The timeline is not ready yet (202).</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    Task<SpeakerTimeline> GetSpeakerTimelineAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets the meeting chat the bot captured (<c>GET /bots/{bot_id}/get_chats</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The chat session, speakers and messages.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The chat is not ready yet (202).</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    Task<MeetingChats> GetChatsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets the screenshots the bot took (<c>GET /bots/{bot_id}/get_screenshots</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The screenshots (items kept as JSON: their shape is undocumented).</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The screenshots are not ready yet (202).</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    Task<BotScreenshots> GetScreenshotsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Gets the participants the bot saw (<c>GET /bots/{bot_id}/get_participants</c>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participants (the response is a top-level JSON array).</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotReadyException">The list is not ready yet (202).</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    Task<IReadOnlyList<MeetingParticipant>> GetParticipantsAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the bot leave the meeting (<c>GET /bots/{bot_id}/remove_bot</c>: MeetStream uses GET for this). Recorded
    /// data is kept and processed.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>MeetStream's message.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot (404).</exception>
    /// <exception cref="MeetStreamConflictException">The bot is not in a state that can leave (409).</exception>
    Task<RemoveBotResult> RemoveFromMeetingAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Permanently deletes the bot's audio, video and transcripts (<c>DELETE /bots/{bot_id}/delete</c>). A
    /// <c>data_deletion</c> webhook follows.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many objects were deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its data is already gone (404).</exception>
    Task<DeleteBotDataResult> DeleteDataAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pauses recording (<c>POST /bots/{bot_id}/pause_recording</c>; Google Meet only). The bot writes silence and
    /// black frames meanwhile, so timestamps stay aligned; live audio is silenced too. Idempotent, so it is retried.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted command.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamConflictException">The bot is not in the meeting (409).</exception>
    /// <exception cref="MeetStreamRateLimitException">More than 30 pause/resume requests a minute for this bot (429).</exception>
    /// <exception cref="MeetStreamServerException">The bot is not recording or cannot be reached (503).</exception>
    Task<BotCommandResult> PauseRecordingAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused recording (<c>POST /bots/{bot_id}/resume_recording</c>; Google Meet only). Idempotent, so it is retried.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted command.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="MeetStreamConflictException">The bot is not in the meeting (409).</exception>
    /// <exception cref="MeetStreamRateLimitException">More than 30 pause/resume requests a minute for this bot (429).</exception>
    /// <exception cref="MeetStreamServerException">The bot is not recording or cannot be reached (503).</exception>
    Task<BotCommandResult> ResumeRecordingAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a message to the meeting chat as the bot (<c>POST /bots/{bot_id}/send_message</c>). Not idempotent: a
    /// failure after the request may have reached MeetStream is not retried, to avoid a duplicate message.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="botId"/> or the message is empty.</exception>
    /// <exception cref="MeetStreamConflictException">The bot is not in the meeting (409).</exception>
    Task<BotCommandResult> SendMessageAsync(string botId, SendMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Shows an image through the bot (<c>POST /bots/{bot_id}/send_image</c>). Not idempotent: not retried once the
    /// request may have reached MeetStream.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="request">The image URL and how long to show it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accepted command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is empty, the URL is not an absolute http(s) URL, or the duration is not positive.</exception>
    /// <exception cref="MeetStreamConflictException">The bot is not in the meeting (409).</exception>
    Task<BotCommandResult> SendImageAsync(string botId, SendImageRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the bot's running MIA agent session (<c>POST /bots/{bot_id}/update_mia</c>): system prompt, parameters,
    /// wake words. Applied asynchronously and not persisted. Not retried once the request may have reached MeetStream.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="request">The changes; at least one field must be set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>MeetStream's answer (shape undocumented; read tolerantly).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is empty, nothing is set, or a wake word is empty.</exception>
    /// <exception cref="MeetStreamBadRequestException">MeetStream rejected a field (400), e.g. the bot has no agent.</exception>
    Task<BotCommandResult> UpdateAgentSessionAsync(string botId, UpdateAgentSessionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the mixed audio is ready, polling <see cref="GetAudioAsync"/> while MeetStream answers 202, within
    /// <see cref="MeetStreamWaitOptions.Timeout"/> (on the client's <see cref="MeetStreamClientOptions.TimeProvider"/>).
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="options">Timeout and interval; <see langword="null"/> for 10 minutes and 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The audio URL.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' timeout or interval is not positive.</exception>
    /// <exception cref="MeetStreamTimeoutException">The audio was still not ready when the timeout passed.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its media was deleted (404/410).</exception>
    Task<BotAudio> WaitForAudioAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until the mixed video is ready, polling <see cref="GetVideoAsync"/> while MeetStream answers 202.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="options">Timeout and interval; <see langword="null"/> for 10 minutes and 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The video URL and facts.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' timeout or interval is not positive.</exception>
    /// <exception cref="MeetStreamTimeoutException">The video was still not ready when the timeout passed.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, no video, or its media was deleted (404/410).</exception>
    Task<BotVideo> WaitForVideoAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until per-participant audio is ready, polling <see cref="GetAudioStreamsAsync"/> while MeetStream answers 202.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="options">Timeout and interval; <see langword="null"/> for 10 minutes and 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The participants and their tracks.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' timeout or interval is not positive.</exception>
    /// <exception cref="MeetStreamTimeoutException">The tracks were still not ready when the timeout passed.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its media was deleted (404/410).</exception>
    Task<BotAudioStreams> WaitForAudioStreamsAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until per-participant video is ready, polling <see cref="GetRecordingStreamsAsync"/> while MeetStream answers 202.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="options">Timeout and interval; <see langword="null"/> for 10 minutes and 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The participants, screen shares and their tracks.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' timeout or interval is not positive.</exception>
    /// <exception cref="MeetStreamTimeoutException">The tracks were still not ready when the timeout passed.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such bot, or its media was deleted (404/410).</exception>
    Task<BotRecordingStreams> WaitForRecordingStreamsAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default);
}
