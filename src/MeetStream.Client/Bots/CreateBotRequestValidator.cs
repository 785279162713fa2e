using System.Globalization;
using System.Text;

namespace MeetStream.Client;

/// <summary>
/// Checks a <see cref="CreateBotRequest"/> against MeetStream's documented rules before it is sent, and reports every
/// problem at once with the JSON path of the field, so a bad request fails fast instead of costing a 400 round trip
/// (or a bot that joins with a setting silently dropped).
/// </summary>
internal static class CreateBotRequestValidator
{
    /// <summary>The longest <c>zoom.zak_url</c> / <c>zoom.obf_url</c> MeetStream accepts.</summary>
    public const int MaxZoomTokenUrlLength = 4096;

    /// <summary>The longest <c>deduplication_key</c> MeetStream accepts.</summary>
    public const int MaxDeduplicationKeyLength = 2000;

    private static readonly string[] PostCallProviders = ["deepgram", "assemblyai", "jigsawstack", "sarvam", "meetstream"];

    /// <summary>Returns every problem of <paramref name="request"/>; empty when it is valid.</summary>
    public static IReadOnlyList<CreateBotRequestProblem> Validate(CreateBotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<CreateBotRequestProblem>();
        void Add(string path, string message) => problems.Add(new CreateBotRequestProblem(path, message));

        if (string.IsNullOrWhiteSpace(request.MeetingLink))
        {
            Add("meeting_link", "is required: the Google Meet, Zoom or Teams join URL.");
        }
        else if (!Uri.TryCreate(request.MeetingLink.Trim(), UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            Add("meeting_link", $"must be the meeting's absolute join URL, such as https://meet.google.com/abc-defg-hij; got {Describe(request.MeetingLink)}.");
        }

        if (string.IsNullOrWhiteSpace(request.BotName))
        {
            Add("bot_name", "is required: the bot's display name in the meeting.");
        }

        CheckHttpUrl(problems, "bot_image_url", request.BotImageUrl, httpsOnly: false);
        CheckHttpUrl(problems, "callback_url", request.CallbackUrl, httpsOnly: false);

        if (request.AgentConfigId is { } agent && string.IsNullOrWhiteSpace(agent))
        {
            Add("agent_config_id", "must not be empty when set.");
        }

        CheckStringMap(problems, "agent_config_params", request.AgentConfigParams);
        CheckStringMap(problems, "custom_attributes", request.CustomAttributes);
        CheckDeduplicationKey(problems, request.DeduplicationKey);

        CheckWebSocket(problems, "socket_connection_url", request.SocketConnectionUrl);
        CheckWebSocket(problems, "live_audio_required", request.LiveAudioRequired);
        CheckWebSocket(problems, "live_video_required", request.LiveVideoRequired);
        CheckLiveTranscription(problems, request);

        if (request.WorkflowConfigIds is { } workflows)
        {
            for (var i = 0; i < workflows.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(workflows[i]))
                {
                    Add($"workflow_config_ids[{i}]", "must not be empty.");
                }
            }
        }

        CheckAutomaticLeave(problems, request.AutomaticLeave, PlatformOf(request.MeetingLink));
        CheckRecordingConfig(problems, request.RecordingConfig);
        CheckZoom(problems, request.Zoom);
        CheckSignedIn(problems, request);
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, when there is any.</summary>
    public static void ThrowIfInvalid(CreateBotRequest request, string parameterName)
    {
        var problems = Validate(request);
        if (problems.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"The CreateBotRequest has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")} (nothing was sent):");
        foreach (var problem in problems)
        {
            message.Append("\n - ").Append(problem.ToString());
        }

        throw new ArgumentException(message.ToString(), parameterName);
    }

    /// <summary>Guesses the platform from the meeting link's host, for the platform-specific limits.</summary>
    internal static MeetingPlatform? PlatformOf(string? meetingLink)
    {
        if (meetingLink is null || !Uri.TryCreate(meetingLink.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host == "meet.google.com")
        {
            return MeetingPlatform.GoogleMeet;
        }

        if (host == "zoom.us" || host.EndsWith(".zoom.us", StringComparison.Ordinal) || host == "zoomgov.com" || host.EndsWith(".zoomgov.com", StringComparison.Ordinal))
        {
            return MeetingPlatform.Zoom;
        }

        if (host is "teams.microsoft.com" or "teams.live.com" || host.EndsWith(".teams.microsoft.com", StringComparison.Ordinal))
        {
            return MeetingPlatform.Teams;
        }

        return null;
    }

    private static void CheckAutomaticLeave(List<CreateBotRequestProblem> problems, AutomaticLeaveConfig? leave, MeetingPlatform? platform)
    {
        if (leave is null)
        {
            return;
        }

        const string Root = "automatic_leave";
        var waitingRoomMax = platform == MeetingPlatform.GoogleMeet ? 600 : platform == MeetingPlatform.Zoom ? 1200 : 1800;
        var waitingRoomNote = platform is { } p && waitingRoomMax < 1800 ? $" on {(p == MeetingPlatform.GoogleMeet ? "Google Meet" : "Zoom")}" : " (at most 600 on Google Meet, 1200 on Zoom, 1800 on Teams)";
        CheckRange(problems, Root + ".waiting_room_timeout", leave.WaitingRoomTimeout, 60, waitingRoomMax, waitingRoomNote);
        CheckRange(problems, Root + ".no_one_joined_timeout", leave.NoOneJoinedTimeout, 60, 1800);
        CheckRange(problems, Root + ".everyone_left_timeout", leave.EveryoneLeftTimeout, 60, 1800);
        CheckRange(problems, Root + ".voice_inactivity_timeout", leave.VoiceInactivityTimeout, 60, 1800);
        CheckRange(problems, Root + ".in_call_recording_timeout", leave.InCallRecordingTimeout, 600, 18000);
        CheckRange(problems, Root + ".recording_permission_denied_timeout", leave.RecordingPermissionDeniedTimeout, 60, 300);

        if (leave.BotDetection?.UsingParticipantNames is not { } names)
        {
            return;
        }

        const string Names = Root + ".bot_detection.using_participant_names";
        if (names.Matches is null || names.Matches.Count == 0)
        {
            problems.Add(new(Names + ".matches", "needs at least one name substring that marks a participant as a bot."));
        }
        else
        {
            for (var i = 0; i < names.Matches.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(names.Matches[i]))
                {
                    problems.Add(new($"{Names}.matches[{i}]", "must not be empty (an empty substring would match every participant)."));
                }
            }
        }

        CheckRange(problems, Names + ".activate_after", names.ActivateAfter, 60, 1800);
        CheckRange(problems, Names + ".timeout", names.Timeout, 5, 300);
    }

    private static void CheckRecordingConfig(List<CreateBotRequestProblem> problems, RecordingConfig? config)
    {
        if (config is null)
        {
            return;
        }

        if (config.Transcript?.Provider is { } provider)
        {
            var names = provider.SelectedNames();
            if (names.Count != 1)
            {
                problems.Add(new(
                    "recording_config.transcript.provider",
                    names.Count == 0
                        ? "must name exactly one provider (e.g. TranscriptionProvider.ForDeepgram()); it is empty."
                        : $"must name exactly one provider; it names {names.Count}: {string.Join(", ", names)}."));
            }
        }

        if (config.Retention is { } retention)
        {
            if (string.IsNullOrWhiteSpace(retention.Type))
            {
                problems.Add(new("recording_config.retention.type", "is required (\"timed\"); use RetentionConfig.Timed(hours)."));
            }

            if (retention.Hours is null && string.Equals(retention.Type, "timed", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new("recording_config.retention.hours", "is required for a timed retention."));
            }
            else if (retention.Hours is <= 0)
            {
                problems.Add(new("recording_config.retention.hours", $"must be a positive number of hours; got {retention.Hours}."));
            }
        }

        if (config.RealtimeEndpoints is { } endpoints)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                var path = $"recording_config.realtime_endpoints[{i}]";
                var endpoint = endpoints[i];
                if (endpoint is null)
                {
                    problems.Add(new(path, "must not be null."));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(endpoint.Type))
                {
                    problems.Add(new(path + ".type", "is required (\"webhook\")."));
                }

                if (string.IsNullOrWhiteSpace(endpoint.Url))
                {
                    problems.Add(new(path + ".url", "is required: the http(s) URL that receives the events."));
                }
                else
                {
                    CheckHttpUrl(problems, path + ".url", endpoint.Url, httpsOnly: false);
                }

                if (endpoint.Events is { } events)
                {
                    for (var e = 0; e < events.Count; e++)
                    {
                        if (string.IsNullOrWhiteSpace(events[e]))
                        {
                            problems.Add(new($"{path}.events[{e}]", "must not be empty."));
                        }
                    }
                }
            }
        }
    }

    private static void CheckLiveTranscription(List<CreateBotRequestProblem> problems, CreateBotRequest request)
    {
        if (request.LiveTranscriptionRequired is not { } live)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(live.WebhookUrl) && string.IsNullOrWhiteSpace(live.WebSocketUrl))
        {
            problems.Add(new("live_transcription_required.webhook_url", "is required: the https URL that receives live transcript chunks."));
        }

        CheckHttpUrl(problems, "live_transcription_required.webhook_url", live.WebhookUrl, httpsOnly: false);
        CheckWebSocketUrl(problems, "live_transcription_required.websocket_url", live.WebSocketUrl);

        var provider = request.RecordingConfig?.Transcript?.Provider;
        if (provider is null)
        {
            problems.Add(new(
                "recording_config.transcript.provider",
                "is required by live_transcription_required: set a streaming provider such as TranscriptionProvider.ForDeepgramStreaming() or ForMeetingCaptions()."));
        }
        else if (!provider.IsStreaming && provider.Name is { } name && PostCallProviders.Contains(name, StringComparer.Ordinal))
        {
            problems.Add(new(
                "recording_config.transcript.provider",
                $"is the post-call provider '{name}', but live_transcription_required needs a streaming one (deepgram_streaming, assemblyai_streaming, jigsawstack_streaming, meetstream_streaming or meeting_captions); MeetStream answers 400 otherwise."));
        }
    }

    private static void CheckZoom(List<CreateBotRequestProblem> problems, ZoomJoinConfig? zoom)
    {
        if (zoom is null)
        {
            return;
        }

        var hasZak = !string.IsNullOrEmpty(zoom.ZakUrl);
        var hasObf = !string.IsNullOrEmpty(zoom.ObfUrl);
        if (hasZak && hasObf)
        {
            problems.Add(new("zoom", "sets both zak_url and obf_url; they are mutually exclusive, set one."));
        }
        else if (!hasZak && !hasObf && zoom.AdditionalProperties is not { Count: > 0 })
        {
            problems.Add(new("zoom", "needs zak_url or obf_url (the https URL of your token endpoint)."));
        }

        CheckZoomUrl(problems, "zoom.zak_url", zoom.ZakUrl);
        CheckZoomUrl(problems, "zoom.obf_url", zoom.ObfUrl);
    }

    private static void CheckZoomUrl(List<CreateBotRequestProblem> problems, string path, string? url)
    {
        if (url is null)
        {
            return;
        }

        if (url.Length > MaxZoomTokenUrlLength)
        {
            problems.Add(new(path, $"is {url.Length} characters long; MeetStream accepts at most {MaxZoomTokenUrlLength}."));
        }

        CheckHttpUrl(problems, path, url, httpsOnly: true);
    }

    private static void CheckSignedIn(List<CreateBotRequestProblem> problems, CreateBotRequest request)
    {
        if (request.GoogleMeet is not null && request.Teams is not null)
        {
            problems.Add(new("google_meet", "must not be set together with teams: a bot signs in to one platform, so set only one of them."));
        }

        if (request.GoogleMeet is { LoginRequired: true } google && string.IsNullOrWhiteSpace(google.GoogleLoginDomain))
        {
            problems.Add(new("google_meet.google_login_domain", "is required when login_required is true: the workspace domain registered with the Google logins API."));
        }

        if (request.Teams is { LoginRequired: true } teams && string.IsNullOrWhiteSpace(teams.TeamsLoginDomain))
        {
            problems.Add(new("teams.teams_login_domain", "is required when login_required is true: the domain registered with the Teams logins API."));
        }
    }

    private static void CheckDeduplicationKey(List<CreateBotRequestProblem> problems, string? key)
    {
        if (key is null)
        {
            return;
        }

        if (key.Length is 0 or > MaxDeduplicationKeyLength)
        {
            problems.Add(new("deduplication_key", $"must be 1–{MaxDeduplicationKeyLength} characters long; it has {key.Length}."));
        }

        var bad = key.AsSpan().IndexOfAnyExceptInRange((char)0x20, (char)0x7E);
        if (bad >= 0)
        {
            problems.Add(new("deduplication_key", $"must be printable ASCII (space to '~'); character {bad} is U+{(int)key[bad]:X4}."));
        }
    }

    private static void CheckStringMap(List<CreateBotRequestProblem> problems, string path, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            return;
        }

        foreach (var (key, value) in map)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new(path, "has an empty key."));
            }
            else if (value is null)
            {
                problems.Add(new($"{path}.{key}", "must not be null (use a string value)."));
            }
        }
    }

    private static void CheckWebSocket(List<CreateBotRequestProblem> problems, string path, WebSocketEndpoint? endpoint)
    {
        if (endpoint is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(endpoint.WebSocketUrl))
        {
            problems.Add(new(path + ".websocket_url", "is required: the ws:// or wss:// URL of your server."));
            return;
        }

        CheckWebSocketUrl(problems, path + ".websocket_url", endpoint.WebSocketUrl);
    }

    private static void CheckWebSocketUrl(List<CreateBotRequestProblem> problems, string path, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
        {
            problems.Add(new(path, $"must be an absolute ws:// or wss:// URL (MeetStream's bot dials it); got {Describe(url)}."));
        }
    }

    private static void CheckHttpUrl(List<CreateBotRequestProblem> problems, string path, string? url, bool httpsOnly)
    {
        if (url is null)
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && (httpsOnly || uri.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add(new(path, $"must be an absolute {(httpsOnly ? "https://" : "http:// or https://")} URL; got {Describe(url)}."));
        }
    }

    private static void CheckRange(List<CreateBotRequestProblem> problems, string path, int? value, int min, int max, string? note = null)
    {
        if (value is { } v && (v < min || v > max))
        {
            problems.Add(new(path, $"must be between {min} and {max} seconds{note}; got {v}."));
        }
    }

    /// <summary>
    /// Describes a rejected URL by its scheme only: URLs often carry tokens (callback URL tokens, Zoom passwords), and
    /// exception messages end up in logs.
    /// </summary>
    internal static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile
            ? $"a '{uri.Scheme}' URL"
            : "a relative or malformed URL";
}
