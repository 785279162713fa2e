using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Http;
using MeetStream.Client.Routes;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IBotsClient"/>.</summary>
internal sealed class BotsClient : IBotsClient
{
    private static readonly MeetStreamJsonContext Json = MeetStreamJsonContext.Default;
    private static readonly string[] ReservedListParameters = ["status", "from", "to", "platform"];
    private readonly MeetStreamTransport _transport;

    public BotsClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<BotCreated> CreateAsync(CreateBotRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CreateBotRequestValidator.ThrowIfInvalid(request, nameof(request));

        // One key per logical create, generated outside the retry loop: the resilience handler resends this same
        // message, so every retry carries the same key and MeetStream answers a repeat with 507 instead of a 2nd bot.
        // MeetStream lets the header win over a deduplication_key, so a generated header would defeat the caller's
        // body key; then the body key alone makes retries safe (a repeat returns the existing bot with 200).
        // Either way the call is safe to repeat, which BotsRoutes.CreateBot declares.
        var key = idempotencyKey ?? (request.DeduplicationKey is null ? Guid.NewGuid().ToString("D") : null);
        if (key is not null)
        {
            ApiRequest.RequireIdempotencyKey(key);
        }

        var response = await _transport.SendAsync(
            new RouteCall(BotsRoutes.CreateBot),
            (request, key),
            static (routes, state, ct) => routes.Bots.CreateBot(state.request, state.key, BotsRoutes.CreateBot.Policy, ct),
            Json.BotCreated,
            cancellationToken).ConfigureAwait(false);
        var bot = response.Value;
        if (string.IsNullOrWhiteSpace(bot.BotId))
        {
            throw Unexpected(new RouteCall(BotsRoutes.CreateBot), response.StatusCode, response.RequestId, null, "no bot_id, so no later call could reach the bot; check GET /bots before creating it again", null);
        }

        bot.IdempotencyKey = key;
        bot.IsIdempotentReplay = (int)response.StatusCode == 507;
        bot.IsDeduplicationReplay = response.StatusCode == HttpStatusCode.OK && request.DeduplicationKey is not null;
        bot.RequestId = response.RequestId;
        return bot;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BotListItem> ListAsync(ListBotsRequest? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateFilter(filter);
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await ListPageAsync(filter, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var bot in page.Bots)
            {
                yield return bot;
            }

            if (!page.CanFetchNextPage)
            {
                yield break;
            }

            var next = page.NextCursor!;
            if (!seen.Add(next))
            {
                var parameter = filter?.CursorParameterName ?? ListBotsRequest.DefaultCursorParameterName;
                throw new MeetStreamUnexpectedResponseException(
                    $"GET /bots returned the next-page cursor '{next}' a second time, so paging would never end. MeetStream probably ignores the query parameter '{parameter}' this SDK sends the cursor in (MeetStream does not document its name). Set ListBotsRequest.CursorParameterName to the name MeetStream support gives you, or page by hand with ListPageAsync.",
                    new MeetStreamErrorDetails(HttpStatusCode.OK, "GET", "/bots", null, null, null));
            }

            cursor = next;
        }
    }

    /// <inheritdoc />
    public Task<BotListPage> ListPageAsync(ListBotsRequest? filter = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ValidateFilter(filter);
        if (cursor is not null && string.IsNullOrWhiteSpace(cursor))
        {
            throw new ArgumentException("The cursor must be null for the first page or a page's nextCursor; it is empty.", nameof(cursor));
        }

        // GET /bots goes through Refit with its whole query as one ordered map: the cursor's name is configurable at
        // run time and custom_attr[key] names are data, neither of which a fixed [Query] parameter can carry.
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (filter is not null)
        {
            AddQuery(query, "status", filter.Status?.Value);
            AddQuery(query, "from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            AddQuery(query, "to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            AddQuery(query, "platform", filter.Platform?.Value);
            foreach (var (key, value) in filter.CustomAttributes ?? EmptyMap)
            {
                AddQuery(query, $"custom_attr[{key}]", value);
            }

            foreach (var (name, value) in filter.AdditionalQueryParameters ?? EmptyMap)
            {
                AddQuery(query, name, value);
            }
        }

        AddQuery(query, filter?.CursorParameterName ?? ListBotsRequest.DefaultCursorParameterName, cursor);
        return ApiResponse.ValueAsync(_transport.SendAsync(
            new RouteCall(BotsRoutes.ListBots),
            query,
            static (routes, query, ct) => routes.Bots.ListBots(query, BotsRoutes.ListBots.Policy, ct),
            Json.BotListPage,
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<BotStatusInfo> GetStatusAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetStatus, botId, static (routes, id, ct) => routes.Bots.GetStatus(id, BotsRoutes.GetStatus.Policy, ct), Json.BotStatusInfo, cancellationToken);

    /// <inheritdoc />
    public Task<BotDetails> GetDetailsAsync(string botId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        return GetDetailsCoreAsync(botId, cancellationToken);
    }

    private async Task<BotDetails> GetDetailsCoreAsync(string botId, CancellationToken cancellationToken)
    {
        var api = new RouteCall(BotsRoutes.GetDetails, botId);
        var response = await _transport.SendAsync(api, botId, static (routes, id, ct) => routes.Bots.GetDetails(id, BotsRoutes.GetDetails.Policy, ct), Json.BotDetailsEnvelope, cancellationToken).ConfigureAwait(false);
        var envelope = response.Value;
        if (envelope.BotDetails is { } details)
        {
            return details;
        }

        // Tolerate an unwrapped record (PascalCase keys at the top level) should MeetStream drop the envelope.
        if (envelope.AdditionalProperties is { Count: > 0 } root)
        {
            var raw = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, JsonElement>(root), Json.DictionaryStringJsonElement);
            try
            {
                return JsonSerializer.Deserialize(raw, Json.BotDetails)!;
            }
            catch (JsonException ex)
            {
                throw Unexpected(api, response.StatusCode, response.RequestId, raw, $"its body is neither {{\"bot_details\": {{…}}}} nor a readable bot record: {ex.Message}", ex);
            }
        }

        throw Unexpected(api, response.StatusCode, response.RequestId, null, "its body has no \"bot_details\" object", null);
    }

    /// <inheritdoc />
    public Task<BotSummary> GetSummaryAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetSummary, botId, static (routes, id, ct) => routes.Bots.GetSummary(id, BotsRoutes.GetSummary.Policy, ct), Json.BotSummary, cancellationToken);

    /// <inheritdoc />
    public Task<BotAudio> GetAudioAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetAudio, botId, static (routes, id, ct) => routes.Bots.GetAudio(id, BotsRoutes.GetAudio.Policy, ct), Json.BotAudio, cancellationToken);

    /// <inheritdoc />
    public Task<BotVideo> GetVideoAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetVideo, botId, static (routes, id, ct) => routes.Bots.GetVideo(id, BotsRoutes.GetVideo.Policy, ct), Json.BotVideo, cancellationToken);

    /// <inheritdoc />
    public Task<BotAudioStreams> GetAudioStreamsAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetAudioStreams, botId, static (routes, id, ct) => routes.Bots.GetAudioStreams(id, BotsRoutes.GetAudioStreams.Policy, ct), Json.BotAudioStreams, cancellationToken);

    /// <inheritdoc />
    public Task<BotRecordingStreams> GetRecordingStreamsAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetRecordingStreams, botId, static (routes, id, ct) => routes.Bots.GetRecordingStreams(id, BotsRoutes.GetRecordingStreams.Policy, ct), Json.BotRecordingStreams, cancellationToken);

    /// <inheritdoc />
    public Task<SpeakerTimeline> GetSpeakerTimelineAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetSpeakerTimeline, botId, static (routes, id, ct) => routes.Bots.GetSpeakerTimeline(id, BotsRoutes.GetSpeakerTimeline.Policy, ct), Json.SpeakerTimeline, cancellationToken);

    /// <inheritdoc />
    public Task<MeetingChats> GetChatsAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetChats, botId, static (routes, id, ct) => routes.Bots.GetChats(id, BotsRoutes.GetChats.Policy, ct), Json.MeetingChats, cancellationToken);

    /// <inheritdoc />
    public Task<BotScreenshots> GetScreenshotsAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.GetScreenshots, botId, static (routes, id, ct) => routes.Bots.GetScreenshots(id, BotsRoutes.GetScreenshots.Policy, ct), Json.BotScreenshots, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MeetingParticipant>> GetParticipantsAsync(string botId, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        return GetParticipantsCoreAsync(botId, cancellationToken);
    }

    private async Task<IReadOnlyList<MeetingParticipant>> GetParticipantsCoreAsync(string botId, CancellationToken cancellationToken)
    {
        var api = new RouteCall(BotsRoutes.GetParticipants, botId);
        var response = await _transport.SendAsync(api, botId, static (routes, id, ct) => routes.Bots.GetParticipants(id, BotsRoutes.GetParticipants.Policy, ct), Json.JsonElement, cancellationToken).ConfigureAwait(false);
        var root = response.Value;

        // Documented as a top-level array; also accept {"participants": [...]} should MeetStream wrap it.
        var list = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("participants", out var inner) && inner.ValueKind == JsonValueKind.Array => inner,
            JsonValueKind.Null => (JsonElement?)null,
            _ => throw Unexpected(api, response.StatusCode, response.RequestId, null, $"its body is a JSON {root.ValueKind}, not the documented array of participants", null),
        };

        if (list is not { } array)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(array, Json.ListMeetingParticipant) ?? [];
        }
        catch (JsonException ex)
        {
            throw Unexpected(api, response.StatusCode, response.RequestId, null, $"a participant is not readable: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public Task<RemoveBotResult> RemoveFromMeetingAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.RemoveBot, botId, static (routes, id, ct) => routes.Bots.RemoveBot(id, BotsRoutes.RemoveBot.Policy, ct), Json.RemoveBotResult, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteBotDataResult> DeleteDataAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.DeleteData, botId, static (routes, id, ct) => routes.Bots.DeleteData(id, BotsRoutes.DeleteData.Policy, ct), Json.DeleteBotDataResult, cancellationToken);

    /// <inheritdoc />
    public Task<BotCommandResult> PauseRecordingAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.PauseRecording, botId, static (routes, id, ct) => routes.Bots.PauseRecording(id, new JsonObject(), BotsRoutes.PauseRecording.Policy, ct), Json.BotCommandResult, cancellationToken);

    /// <inheritdoc />
    public Task<BotCommandResult> ResumeRecordingAsync(string botId, CancellationToken cancellationToken = default) =>
        ForBot(BotsRoutes.ResumeRecording, botId, static (routes, id, ct) => routes.Bots.ResumeRecording(id, new JsonObject(), BotsRoutes.ResumeRecording.Policy, ct), Json.BotCommandResult, cancellationToken);

    /// <inheritdoc />
    public Task<BotCommandResult> SendMessageAsync(string botId, SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Message))
        {
            throw new ArgumentException("SendMessageRequest.Message (message) must not be empty: it is the chat text.", nameof(request));
        }

        return ApiResponse.ValueAsync(_transport.SendAsync(
            new RouteCall(BotsRoutes.SendMessage, botId),
            (botId, request),
            static (routes, state, ct) => routes.Bots.SendMessage(state.botId, state.request, BotsRoutes.SendMessage.Policy, ct),
            Json.BotCommandResult,
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<BotCommandResult> SendImageAsync(string botId, SendImageRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ImageUrl)
            || !Uri.TryCreate(request.ImageUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"SendImageRequest.ImageUrl (img_url) must be the absolute http(s) URL of a public image (not base64 data); got {CreateBotRequestValidator.Describe(request.ImageUrl ?? string.Empty)}.", nameof(request));
        }

        if (request.DisplayDuration is <= 0)
        {
            throw new ArgumentException($"SendImageRequest.DisplayDuration (display_duration) must be positive; got {request.DisplayDuration}.", nameof(request));
        }

        return ApiResponse.ValueAsync(_transport.SendAsync(
            new RouteCall(BotsRoutes.SendImage, botId),
            (botId, request),
            static (routes, state, ct) => routes.Bots.SendImage(state.botId, state.request, BotsRoutes.SendImage.Policy, ct),
            Json.BotCommandResult,
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<BotCommandResult> UpdateAgentSessionAsync(string botId, UpdateAgentSessionRequest request, CancellationToken cancellationToken = default)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        ArgumentNullException.ThrowIfNull(request);
        if (request.SystemPrompt is null && request.Parameters is null && request.WakeWordEnabled is null && request.WakeWords is null
            && request.AdditionalProperties is not { Count: > 0 })
        {
            throw new ArgumentException("UpdateAgentSessionRequest sets nothing: set SystemPrompt, Parameters, WakeWordEnabled or WakeWords.", nameof(request));
        }

        if (request.WakeWords is { } words && words.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("UpdateAgentSessionRequest.WakeWords (wake_words) must not contain empty words.", nameof(request));
        }

        return ApiResponse.ValueAsync(_transport.SendAsync(
            new RouteCall(BotsRoutes.UpdateMia, botId),
            (botId, request),
            static (routes, state, ct) => routes.Bots.UpdateMia(state.botId, state.request, BotsRoutes.UpdateMia.Policy, ct),
            Json.BotCommandResult,
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<BotAudio> WaitForAudioAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return NotReadyPolling.WaitAsync(
            ct => GetAudioAsync(botId, ct),
            options,
            _transport.TimeProvider,
            $"the audio of bot '{botId}'",
            "Mixed audio is ready after the audio.processed webhook; a bot that never recorded (not admitted or denied) has none.",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<BotVideo> WaitForVideoAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return NotReadyPolling.WaitAsync(
            ct => GetVideoAsync(botId, ct),
            options,
            _transport.TimeProvider,
            $"the video of bot '{botId}'",
            "Video exists only for bots created with video_required = true and is ready after the video.processed webhook.",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<BotAudioStreams> WaitForAudioStreamsAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return NotReadyPolling.WaitAsync(
            ct => GetAudioStreamsAsync(botId, ct),
            options,
            _transport.TimeProvider,
            $"the per-participant audio of bot '{botId}'",
            "Per-participant audio exists only for bots created with audio_separate_streams (Google Meet and Zoom) and is ready once the bot left and processing finished.",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<BotRecordingStreams> WaitForRecordingStreamsAsync(string botId, MeetStreamWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return NotReadyPolling.WaitAsync(
            ct => GetRecordingStreamsAsync(botId, ct),
            options,
            _transport.TimeProvider,
            $"the per-participant video of bot '{botId}'",
            "Per-participant video exists only for bots created with video_separate_streams and is ready once the bot left and processing finished.",
            cancellationToken);
    }

    private static IReadOnlyDictionary<string, string> EmptyMap { get; } = new Dictionary<string, string>();

    private static void AddQuery(Dictionary<string, string> query, string name, string? value)
    {
        if (value is not null && !query.TryAdd(name, value))
        {
            throw new ArgumentException($"ListBotsRequest sends the query parameter '{name}' twice (a filter, a custom attribute, an additional parameter or the cursor use the same name); give each a distinct name.", "filter");
        }
    }

    /// <summary>Validates the bot id at once, then runs a one-id route.</summary>
    private Task<T> ForBot<T>(Route route, string botId, RouteSend<string> send, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        ApiRequest.RequireValue(botId, nameof(botId));
        return ApiResponse.ValueAsync(_transport.SendAsync(new RouteCall(route, botId), botId, send, type, cancellationToken));
    }

    private static void ValidateFilter(ListBotsRequest? filter)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.Status is { } status && string.IsNullOrWhiteSpace(status.Value))
        {
            throw new ArgumentException("ListBotsRequest.Status is an empty status; leave it null to list every status.", nameof(filter));
        }

        if (filter.Platform is { } platform && string.IsNullOrWhiteSpace(platform.Value))
        {
            throw new ArgumentException("ListBotsRequest.Platform is an empty platform; leave it null to list every platform.", nameof(filter));
        }

        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            throw new ArgumentException($"ListBotsRequest.From ({from:yyyy-MM-dd}) is after ListBotsRequest.To ({to:yyyy-MM-dd}).", nameof(filter));
        }

        if (string.IsNullOrWhiteSpace(filter.CursorParameterName))
        {
            throw new ArgumentException($"ListBotsRequest.CursorParameterName must not be empty; the default is '{ListBotsRequest.DefaultCursorParameterName}'.", nameof(filter));
        }

        if (ReservedListParameters.Contains(filter.CursorParameterName, StringComparer.Ordinal))
        {
            throw new ArgumentException($"ListBotsRequest.CursorParameterName '{filter.CursorParameterName}' is already a filter of GET /bots.", nameof(filter));
        }

        foreach (var (key, value) in filter.CustomAttributes ?? EmptyMap)
        {
            if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                throw new ArgumentException($"ListBotsRequest.CustomAttributes has an empty key or a null value (key '{key}'); each entry is sent as custom_attr[key]=value.", nameof(filter));
            }
        }

        foreach (var (name, value) in filter.AdditionalQueryParameters ?? EmptyMap)
        {
            if (string.IsNullOrWhiteSpace(name) || value is null)
            {
                throw new ArgumentException($"ListBotsRequest.AdditionalQueryParameters has an empty name or a null value (name '{name}').", nameof(filter));
            }
        }
    }

    private static MeetStreamUnexpectedResponseException Unexpected(RouteCall call, HttpStatusCode status, string? requestId, byte[]? body, string problem, Exception? inner) =>
        Unexpected(call.Describe(), status, requestId, body, problem, inner);

    private static MeetStreamUnexpectedResponseException Unexpected(ApiRequest api, HttpStatusCode status, string? requestId, byte[]? body, string problem, Exception? inner) =>
        new(
            $"MeetStream answered {api.Method.Method} {api.Path} with {(int)status} but {problem}.",
            new MeetStreamErrorDetails(status, api.Method.Method, api.Path, null, requestId, body is null ? null : System.Text.Encoding.UTF8.GetString(body)),
            inner);
}
