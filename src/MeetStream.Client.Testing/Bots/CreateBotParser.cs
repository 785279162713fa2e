using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Validates a create_bot body by the documented rules (§2.1, §5.3, §5.4) and extracts what the simulator needs; 400 with every problem found.</summary>
internal sealed class CreateBotParser
{
    public static readonly string[] PostCallProviders = ["deepgram", "assemblyai", "jigsawstack", "sarvam", "meetstream"];

    public static readonly string[] StreamingProviders = ["deepgram_streaming", "assemblyai_streaming", "jigsawstack_streaming", "meetstream_streaming", "meeting_captions"];

    private readonly ParseProblems _problems = new();
    private readonly RecordingConfigParser _recording;
    private bool _audioSeparateStreams;
    private bool _videoSeparateStreams;

    private CreateBotParser()
    {
        _recording = new RecordingConfigParser(_problems);
    }

    public required string MeetingLink { get; init; }

    public string Platform { get; private set; } = string.Empty;

    public string BotName { get; private set; } = string.Empty;

    public TranscriptionKind Transcription => _recording.Transcription;

    public string? ProviderName => _recording.ProviderName;

    public JsonObject? ProviderConfig => _recording.ProviderConfig;

    public bool AudioSeparateStreams => _audioSeparateStreams || _recording.AudioSeparateStreams;

    public bool VideoSeparateStreams => _videoSeparateStreams || _recording.VideoSeparateStreams;

    public int? RetentionHours => _recording.RetentionHours;

    public string? LiveTranscriptUrl { get; private set; }

    public IReadOnlyList<(string Url, HashSet<string>? Events)> RealtimeEndpoints => _recording.RealtimeEndpoints;

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
            throw ApiError.BadRequest(string.Join("; ", parser._problems.Messages));
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
        Check(() => _problems.Url(Json.Str(body, "bot_image_url"), "bot_image_url", websocket: false));
        Check(() => _problems.Url(Json.Str(body, "callback_url"), "callback_url", websocket: false));
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

        Check(() => _audioSeparateStreams = Json.Bool(body, "audio_separate_streams") ?? false);
        Check(() => _videoSeparateStreams = Json.Bool(body, "video_separate_streams") ?? false);
        Check(() => AutomaticLeave(Json.Obj(body, "automatic_leave")));
        Check(() => _recording.Parse(Json.Obj(body, "recording_config")));
        Check(() => LiveTranscription(Json.Obj(body, "live_transcription_required")));
        Check(() => Zoom(Json.Obj(body, "zoom")));
        Check(() => SignedIn(Json.Obj(body, "google_meet"), Json.Obj(body, "teams")));
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
        _problems.Url(url, path + ".websocket_url", websocket: true);
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

        _problems.Url(webhook, "live_transcription_required.webhook_url", websocket: false);
        _problems.Url(socket, "live_transcription_required.websocket_url", websocket: true);
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

            _problems.Url(url, path, websocket: false, httpsOnly: true);
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
