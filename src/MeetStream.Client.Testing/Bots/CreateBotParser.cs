using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Validates a create_bot body by the documented rules (§2.1, §5.3, §5.4) and extracts what the simulator needs; 400 with every problem found.</summary>
internal sealed class CreateBotParser
{
    public static readonly string[] PostCallProviders = ["deepgram", "assemblyai", "jigsawstack", "sarvam", "meetstream"];

    public static readonly string[] StreamingProviders = ["deepgram_streaming", "assemblyai_streaming", "jigsawstack_streaming", "meetstream_streaming", "meeting_captions"];

    private readonly List<string> _problems = [];

    public required string MeetingLink { get; init; }

    public string Platform { get; private set; } = string.Empty;

    public string BotName { get; private set; } = string.Empty;

    public TranscriptionKind Transcription { get; private set; }

    public string? ProviderName { get; private set; }

    public JsonObject? ProviderConfig { get; private set; }

    public bool AudioSeparateStreams { get; private set; }

    public bool VideoSeparateStreams { get; private set; }

    public int? RetentionHours { get; private set; }

    public string? LiveTranscriptUrl { get; private set; }

    public List<(string Url, HashSet<string>? Events)> RealtimeEndpoints { get; } = [];

    public DateTimeOffset? JoinAt { get; private set; }

    public string? LiveAudioUrl { get; private set; }

    public string? ControlUrl { get; private set; }

    public string? LiveVideoUrl { get; private set; }

    public int? WaitingRoomTimeout { get; private set; }

    public int? InCallRecordingTimeout { get; private set; }

    public JsonObject CustomAttributes { get; private set; } = [];

    public string? DeduplicationKey { get; private set; }

    public string? GoogleLoginDomain { get; private set; }

    public string? TeamsLoginDomain { get; private set; }

    public string? SignInEmail { get; private set; }

    public bool StrictEmail { get; private set; } = true;

    public static CreateBotParser Parse(JsonObject body)
    {
        var parser = new CreateBotParser { MeetingLink = (Safe(() => Json.Str(body, "meeting_link")) ?? string.Empty).Trim() };
        parser.Run(body);
        if (parser._problems.Count > 0)
        {
            throw ApiError.BadRequest(string.Join("; ", parser._problems));
        }

        return parser;
    }

    public static string? PlatformOf(string link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host == "meet.google.com")
        {
            return "GMeet";
        }

        if (host is "zoom.us" or "zoomgov.com" || host.EndsWith(".zoom.us", StringComparison.Ordinal) || host.EndsWith(".zoomgov.com", StringComparison.Ordinal))
        {
            return "Zoom";
        }

        if (host is "teams.microsoft.com" or "teams.live.com" || host.EndsWith(".teams.microsoft.com", StringComparison.Ordinal))
        {
            return "Teams";
        }

        return null;
    }

    private static T? Safe<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (ApiError)
        {
            return default;
        }
    }

    private void Check(Action action)
    {
        try
        {
            action();
        }
        catch (ApiError error)
        {
            _problems.Add(error.Message);
        }
    }

    private void Run(JsonObject body)
    {
        Check(() =>
        {
            var link = Json.Str(body, "meeting_link");
            if (string.IsNullOrWhiteSpace(link))
            {
                _problems.Add("meeting_link is required");
                return;
            }

            if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                _problems.Add("meeting_link must be an absolute http(s) URL");
                return;
            }

            Platform = PlatformOf(link.Trim()) ?? string.Empty;
            if (Platform.Length == 0)
            {
                _problems.Add("meeting_link must be a Google Meet (meet.google.com), Zoom (zoom.us) or Microsoft Teams (teams.microsoft.com, teams.live.com) link");
            }
        });

        Check(() =>
        {
            var name = Json.Str(body, "bot_name");
            if (string.IsNullOrWhiteSpace(name))
            {
                _problems.Add("bot_name is required");
            }
            else
            {
                BotName = name;
            }
        });

        Check(() => Json.Bool(body, "video_required"));
        Check(() => Json.Str(body, "bot_message"));
        Check(() => Url(Json.Str(body, "bot_image_url"), "bot_image_url", websocket: false));
        Check(() => Url(Json.Str(body, "callback_url"), "callback_url", websocket: false));
        Check(() => Json.Str(body, "agent_config_id"));
        Check(() => JoinAt = Json.Time(body, "join_at"));
        Check(() => CustomAttributes = StringMap(Json.Obj(body, "custom_attributes"), "custom_attributes") ?? []);
        Check(() => StringMap(Json.Obj(body, "agent_config_params"), "agent_config_params"));
        Check(() => DeduplicationKey = Deduplication(Json.Str(body, "deduplication_key")));
        Check(() => ControlUrl = WebSocket(Json.Obj(body, "socket_connection_url"), "socket_connection_url"));
        Check(() => LiveAudioUrl = WebSocket(Json.Obj(body, "live_audio_required"), "live_audio_required"));
        Check(() =>
        {
            var video = Json.Obj(body, "live_video_required") ?? Json.Obj(body, "liveVideoRequired");
            LiveVideoUrl = WebSocket(video, "live_video_required");
            if (video is not null && Platform == "Zoom")
            {
                _problems.Add("live_video_required is supported on Google Meet and Teams only, not Zoom");
            }
        });
        Check(() =>
        {
            if (Json.Arr(body, "workflow_config_ids") is { } ids && ids.Any(i => i?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(i.GetValue<string>())))
            {
                _problems.Add("workflow_config_ids must be an array of non-empty strings");
            }
        });

        Check(() => AudioSeparateStreams = Json.Bool(body, "audio_separate_streams") ?? false);
        Check(() => VideoSeparateStreams = Json.Bool(body, "video_separate_streams") ?? false);
        Check(() => AutomaticLeave(Json.Obj(body, "automatic_leave")));
        Check(() => RecordingConfig(Json.Obj(body, "recording_config")));
        Check(() => LiveTranscription(Json.Obj(body, "live_transcription_required")));
        Check(() => Zoom(Json.Obj(body, "zoom")));
        Check(() => SignedIn(Json.Obj(body, "google_meet"), Json.Obj(body, "teams")));
    }

    private void Url(string? url, string path, bool websocket, bool httpsOnly = false)
    {
        if (url is null)
        {
            return;
        }

        var ok = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (websocket
            ? uri.Scheme is "ws" or "wss"
            : uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));
        if (!ok)
        {
            _problems.Add($"{path} must be an absolute {(websocket ? "ws:// or wss://" : httpsOnly ? "https://" : "http(s)")} URL");
        }
    }

    private string? WebSocket(JsonObject? endpoint, string path)
    {
        if (endpoint is null)
        {
            return null;
        }

        var url = Json.Str(endpoint, "websocket_url", path + ".websocket_url") ?? Json.Str(endpoint, "websocketUrl", path + ".websocketUrl");
        if (string.IsNullOrWhiteSpace(url))
        {
            _problems.Add($"{path}.websocket_url is required");
            return null;
        }

        var before = _problems.Count;
        Url(url, path + ".websocket_url", websocket: true);
        return _problems.Count == before ? url : null;
    }

    private JsonObject? StringMap(JsonObject? map, string path)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var (key, value) in map)
        {
            if (value is null || value.GetValueKind() != JsonValueKind.String)
            {
                _problems.Add($"{path}.{key} must be a string (MeetStream rejects non-string values)");
            }
        }

        return (JsonObject)map.DeepClone();
    }

    private string? Deduplication(string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > 2000 || key.AsSpan().IndexOfAnyExceptInRange((char)0x20, (char)0x7E) >= 0)
        {
            _problems.Add("deduplication_key must be 1-2000 printable ASCII characters");
        }

        return key;
    }

    private void AutomaticLeave(JsonObject? leave)
    {
        if (leave is null)
        {
            return;
        }

        var waitingMax = Platform switch { "GMeet" => 600, "Zoom" => 1200, _ => 1800 };
        WaitingRoomTimeout = Range(leave, "waiting_room_timeout", 60, waitingMax);
        Range(leave, "no_one_joined_timeout", 60, 1800);
        Range(leave, "everyone_left_timeout", 60, 1800);
        Range(leave, "voice_inactivity_timeout", 60, 1800);
        InCallRecordingTimeout = Range(leave, "in_call_recording_timeout", 600, 18000);
        Range(leave, "recording_permission_denied_timeout", 60, 300);
        if (Json.Obj(Json.Obj(leave, "bot_detection", "automatic_leave.bot_detection"), "using_participant_names", "automatic_leave.bot_detection.using_participant_names") is { } names)
        {
            var matches = Json.Arr(names, "matches", "using_participant_names.matches");
            if (matches is null || matches.Count == 0 || matches.Any(m => m?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(m.GetValue<string>())))
            {
                _problems.Add("bot_detection.using_participant_names.matches must be a non-empty array of non-empty strings");
            }

            Range(names, "activate_after", 60, 1800, "bot_detection.using_participant_names.");
            Range(names, "timeout", 5, 300, "bot_detection.using_participant_names.");
        }
    }

    private int? Range(JsonObject obj, string name, int min, int max, string prefix = "")
    {
        int? value;
        try
        {
            value = Json.Int(obj, name, prefix + name);
        }
        catch (ApiError error)
        {
            _problems.Add(error.Message);
            return null;
        }

        if (value < min)
        {
            _problems.Add($"{prefix}{name} must be at least {min} seconds");
        }
        else if (value > max)
        {
            _problems.Add($"{prefix}{name} must not exceed {max} seconds{(name == "waiting_room_timeout" ? $" on {Platform}" : string.Empty)}");
        }

        return value;
    }

    private void RecordingConfig(JsonObject? config)
    {
        if (config is null)
        {
            return;
        }

        if (Json.Obj(Json.Obj(config, "transcript", "recording_config.transcript"), "provider", "recording_config.transcript.provider") is { } provider)
        {
            if (provider.Count != 1)
            {
                _problems.Add($"recording_config.transcript.provider must name exactly one provider; it names {provider.Count}");
            }
            else
            {
                var (name, settings) = provider.First();
                if (PostCallProviders.Contains(name, StringComparer.Ordinal))
                {
                    Transcription = TranscriptionKind.PostCall;
                }
                else if (name == "meeting_captions")
                {
                    Transcription = TranscriptionKind.Captions;
                }
                else if (StreamingProviders.Contains(name, StringComparer.Ordinal))
                {
                    Transcription = TranscriptionKind.Streaming;
                }
                else
                {
                    _problems.Add($"recording_config.transcript.provider '{name}' is not supported; use one of {string.Join(", ", PostCallProviders.Concat(StreamingProviders))}");
                }

                ProviderName = name;
                if (settings is not null and not JsonObject)
                {
                    _problems.Add($"recording_config.transcript.provider.{name} must be an object");
                }

                ProviderConfig = settings as JsonObject;
                if (name == "deepgram_streaming" && Json.Str(ProviderConfig, "model") is { } model && model != "nova-2")
                {
                    _problems.Add("deepgram_streaming.model must be 'nova-2' (the only streaming model)");
                }

                if (Json.Str(ProviderConfig, "transcription_mode") is { } mode && mode is not ("raw" or "sentence" or "word"))
                {
                    _problems.Add($"{name}.transcription_mode must be raw, sentence or word");
                }
            }
        }

        if (Json.Obj(config, "retention", "recording_config.retention") is { } retention)
        {
            var type = Json.Str(retention, "type", "recording_config.retention.type");
            if (type != "timed")
            {
                _problems.Add("recording_config.retention.type must be 'timed'");
            }

            RetentionHours = Json.Int(retention, "hours", "recording_config.retention.hours");
            if (RetentionHours is null or <= 0)
            {
                _problems.Add("recording_config.retention.hours must be a positive integer");
            }
        }

        if (Json.Arr(config, "realtime_endpoints", "recording_config.realtime_endpoints") is { } endpoints)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                var path = $"recording_config.realtime_endpoints[{i}]";
                if (endpoints[i] is not JsonObject endpoint)
                {
                    _problems.Add(path + " must be an object");
                    continue;
                }

                if (Json.Str(endpoint, "type", path + ".type") != "webhook")
                {
                    _problems.Add(path + ".type must be 'webhook'");
                }

                var url = Json.Str(endpoint, "url", path + ".url");
                if (string.IsNullOrWhiteSpace(url))
                {
                    _problems.Add(path + ".url is required");
                    continue;
                }

                Url(url, path + ".url", websocket: false);
                HashSet<string>? events = null;
                if (Json.Arr(endpoint, "events", path + ".events") is { } list)
                {
                    events = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in list)
                    {
                        if (item?.GetValueKind() != JsonValueKind.String)
                        {
                            _problems.Add(path + ".events must be an array of event names");
                            break;
                        }

                        events.Add(item.GetValue<string>());
                    }
                }

                RealtimeEndpoints.Add((url, events));
            }
        }

        AudioSeparateStreams |= Json.Bool(config, "audio_separate_streams", "recording_config.audio_separate_streams") ?? false;
        VideoSeparateStreams |= Json.Bool(config, "video_separate_streams", "recording_config.video_separate_streams") ?? false;
        if (Json.Str(config, "video_layout", "recording_config.video_layout") is { } layout && layout is not ("speaker_view" or "grid_view"))
        {
            _problems.Add("recording_config.video_layout must be speaker_view or grid_view");
        }
    }

    private void LiveTranscription(JsonObject? live)
    {
        if (live is null)
        {
            return;
        }

        var webhook = Json.Str(live, "webhook_url", "live_transcription_required.webhook_url");
        var socket = Json.Str(live, "websocket_url", "live_transcription_required.websocket_url");
        if (string.IsNullOrWhiteSpace(webhook) && string.IsNullOrWhiteSpace(socket))
        {
            _problems.Add("live_transcription_required.webhook_url is required");
        }

        Url(webhook, "live_transcription_required.webhook_url", websocket: false);
        Url(socket, "live_transcription_required.websocket_url", websocket: true);
        LiveTranscriptUrl = webhook;
        if (Transcription is TranscriptionKind.None)
        {
            _problems.Add("live_transcription_required needs a streaming provider in recording_config.transcript.provider (deepgram_streaming, assemblyai_streaming, jigsawstack_streaming, meetstream_streaming or meeting_captions)");
        }
        else if (Transcription is TranscriptionKind.PostCall)
        {
            _problems.Add($"live_transcription_required needs a streaming provider, but recording_config.transcript.provider is the post-call provider '{ProviderName}'; use deepgram_streaming, assemblyai_streaming, jigsawstack_streaming, meetstream_streaming or meeting_captions");
        }
    }

    private void Zoom(JsonObject? zoom)
    {
        if (zoom is null)
        {
            return;
        }

        foreach (var deprecated in new[] { "use_zoom_obf", "zoom_oauth_connection_user_id" })
        {
            if (zoom.ContainsKey(deprecated))
            {
                _problems.Add($"zoom.{deprecated} is no longer supported; use zoom.zak_url or zoom.obf_url");
            }
        }

        var zak = Json.Str(zoom, "zak_url", "zoom.zak_url");
        var obf = Json.Str(zoom, "obf_url", "zoom.obf_url");
        if (zak is not null && obf is not null)
        {
            _problems.Add("zoom.zak_url and zoom.obf_url are mutually exclusive");
        }

        foreach (var (url, path) in new[] { (zak, "zoom.zak_url"), (obf, "zoom.obf_url") })
        {
            if (url is { Length: > 4096 })
            {
                _problems.Add($"{path} must be at most 4096 characters");
            }

            Url(url, path, websocket: false, httpsOnly: true);
        }
    }

    private void SignedIn(JsonObject? google, JsonObject? teams)
    {
        if (google is not null && teams is not null)
        {
            _problems.Add("google_meet and teams must not both be set");
            return;
        }

        if (google is not null && Json.Bool(google, "login_required", "google_meet.login_required") == true)
        {
            GoogleLoginDomain = Json.Str(google, "google_login_domain", "google_meet.google_login_domain");
            if (string.IsNullOrWhiteSpace(GoogleLoginDomain))
            {
                _problems.Add("google_meet.google_login_domain is required when login_required is true");
            }

            SignInEmail = Json.Str(google, "sign_in_email", "google_meet.sign_in_email");
            StrictEmail = Json.Bool(google, "strict_email", "google_meet.strict_email") ?? true;
        }

        if (teams is not null && Json.Bool(teams, "login_required", "teams.login_required") == true)
        {
            TeamsLoginDomain = Json.Str(teams, "teams_login_domain", "teams.teams_login_domain");
            if (string.IsNullOrWhiteSpace(TeamsLoginDomain))
            {
                _problems.Add("teams.teams_login_domain is required when login_required is true");
            }

            SignInEmail = Json.Str(teams, "sign_in_email", "teams.sign_in_email");
            StrictEmail = Json.Bool(teams, "strict_email", "teams.strict_email") ?? true;
        }
    }
}
