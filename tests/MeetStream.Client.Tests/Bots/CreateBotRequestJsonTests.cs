using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Tests.Bots;

public sealed class CreateBotRequestJsonTests
{
    internal const string FullRequestJson = """
        {
          "meeting_link": "https://meet.google.com/abc-defg-hij",
          "bot_name": "Notetaker",
          "video_required": true,
          "audio_separate_streams": true,
          "video_separate_streams": false,
          "bot_message": "Hi, I'm recording this meeting.",
          "bot_image_url": "https://cdn.example.com/bot.png",
          "callback_url": "https://hooks.example.com/meetstream?token=t0k3n",
          "join_at": "2026-09-01T10:00:00+02:00",
          "agent_config_id": "agent_cfg_123",
          "agent_config_params": { "customer": "Contoso", "tier": "gold" },
          "custom_attributes": { "team": "sales", "crm_id": "42" },
          "deduplication_key": "standup-2026-09-01",
          "socket_connection_url": { "websocket_url": "wss://bridge.example.com/bridge" },
          "live_audio_required": { "websocket_url": "wss://bridge.example.com/bridge/audio" },
          "live_video_required": { "websocket_url": "ws://bridge.example.com/video" },
          "live_transcription_required": { "webhook_url": "https://hooks.example.com/live", "websocket_url": "wss://bridge.example.com/live" },
          "workflow_config_ids": [ "wf_summary" ],
          "automatic_leave": {
            "waiting_room_timeout": 600,
            "no_one_joined_timeout": 900,
            "everyone_left_timeout": 120,
            "voice_inactivity_timeout": 1800,
            "in_call_recording_timeout": 18000,
            "recording_permission_denied_timeout": 300,
            "bot_detection": { "using_participant_names": { "matches": [ "notetaker", "bot" ], "activate_after": 300, "timeout": 5 } }
          },
          "recording_config": {
            "transcript": { "provider": { "deepgram_streaming": {
              "model": "nova-2", "transcription_mode": "sentence", "language": "en", "punctuate": true, "smart_format": true,
              "endpointing": 300, "vad_events": false, "utterance_end_ms": 1000, "encoding": "linear16", "channels": 1 } } },
            "retention": { "type": "timed", "hours": 72 },
            "realtime_endpoints": [ { "type": "webhook", "url": "https://hooks.example.com/participants", "events": [ "participant_events.join", "participant_events.leave" ] } ],
            "audio_separate_streams": true,
            "video_separate_streams": false,
            "video_layout": "speaker_view",
            "video_recording": true
          },
          "zoom": { "zak_url": "https://tokens.example.com/zak" },
          "google_meet": { "login_required": true, "google_login_domain": "example.com", "sign_in_email": "bot@example.com", "strict_email": true },
          "future_option": { "enabled": true }
        }
        """;

    internal static CreateBotRequest FullRequest() => new()
    {
        MeetingLink = "https://meet.google.com/abc-defg-hij",
        BotName = "Notetaker",
        VideoRequired = true,
        AudioSeparateStreams = true,
        VideoSeparateStreams = false,
        BotMessage = "Hi, I'm recording this meeting.",
        BotImageUrl = "https://cdn.example.com/bot.png",
        CallbackUrl = "https://hooks.example.com/meetstream?token=t0k3n",
        JoinAt = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(2)),
        AgentConfigId = "agent_cfg_123",
        AgentConfigParams = new Dictionary<string, string> { ["customer"] = "Contoso", ["tier"] = "gold" },
        CustomAttributes = new Dictionary<string, string> { ["team"] = "sales", ["crm_id"] = "42" },
        DeduplicationKey = "standup-2026-09-01",
        SocketConnectionUrl = WebSocketEndpoint.For("wss://bridge.example.com/bridge"),
        LiveAudioRequired = WebSocketEndpoint.For("wss://bridge.example.com/bridge/audio"),
        LiveVideoRequired = WebSocketEndpoint.For("ws://bridge.example.com/video"),
        LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = "https://hooks.example.com/live", WebSocketUrl = "wss://bridge.example.com/live" },
        WorkflowConfigIds = ["wf_summary"],
        AutomaticLeave = new AutomaticLeaveConfig
        {
            WaitingRoomTimeout = 600,
            NoOneJoinedTimeout = 900,
            EveryoneLeftTimeout = 120,
            VoiceInactivityTimeout = 1800,
            InCallRecordingTimeout = 18000,
            RecordingPermissionDeniedTimeout = 300,
            BotDetection = new BotDetectionConfig
            {
                UsingParticipantNames = new ParticipantNameBotDetection { Matches = ["notetaker", "bot"], ActivateAfter = 300, Timeout = 5 },
            },
        },
        RecordingConfig = new RecordingConfig
        {
            Transcript = new TranscriptConfig
            {
                Provider = TranscriptionProvider.ForDeepgramStreaming(new DeepgramStreamingTranscription
                {
                    Model = "nova-2",
                    TranscriptionMode = TranscriptionMode.Sentence,
                    Language = "en",
                    Punctuate = true,
                    SmartFormat = true,
                    Endpointing = 300,
                    VadEvents = false,
                    UtteranceEndMs = 1000,
                    Encoding = "linear16",
                    Channels = 1,
                }),
            },
            Retention = RetentionConfig.Timed(72),
            RealtimeEndpoints = [RealtimeEndpoint.ParticipantWebhook("https://hooks.example.com/participants")],
            AudioSeparateStreams = true,
            VideoSeparateStreams = false,
            VideoLayout = VideoLayout.SpeakerView,
            VideoRecording = true,
        },
        Zoom = new ZoomJoinConfig { ZakUrl = "https://tokens.example.com/zak" },
        GoogleMeet = new GoogleMeetJoinConfig { LoginRequired = true, GoogleLoginDomain = "example.com", SignInEmail = "bot@example.com", StrictEmail = true },
        AdditionalProperties = new Dictionary<string, JsonElement> { ["future_option"] = JsonSerializer.SerializeToElement(new { enabled = true }) },
    };

    [Fact]
    public void Serialize_EveryFieldSet_MatchesTheDocumentedWireShape()
    {
        var json = JsonSerializer.Serialize(FullRequest(), MeetStreamJsonContext.Default.CreateBotRequest);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FullRequestJson), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void RoundTrip_EveryFieldSet_KeepsEveryField()
    {
        var parsed = JsonSerializer.Deserialize(FullRequestJson, MeetStreamJsonContext.Default.CreateBotRequest)!;

        var json = JsonSerializer.Serialize(parsed, MeetStreamJsonContext.Default.CreateBotRequest);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FullRequestJson), JsonNode.Parse(json)), json);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), parsed.JoinAt);
        Assert.Equal("deepgram_streaming", parsed.RecordingConfig!.Transcript!.Provider!.Name);
        Assert.Empty(parsed.Validate());
    }

    [Fact]
    public void Serialize_TeamsAndObfUrl_UseTheirWireNames()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = "https://teams.microsoft.com/l/meetup-join/19%3ameeting",
            BotName = "Notetaker",
            Zoom = new ZoomJoinConfig { ObfUrl = "https://tokens.example.com/obf" },
            Teams = new TeamsJoinConfig { LoginRequired = true, TeamsLoginDomain = "contoso.com", SignInEmail = "bot1@contoso.com", StrictEmail = false },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(request, MeetStreamJsonContext.Default.CreateBotRequest))!;

        Assert.Equal("https://tokens.example.com/obf", json["zoom"]!["obf_url"]!.GetValue<string>());
        Assert.Null(json["zoom"]!["zak_url"]);
        Assert.Equal("contoso.com", json["teams"]!["teams_login_domain"]!.GetValue<string>());
        Assert.Equal("bot1@contoso.com", json["teams"]!["sign_in_email"]!.GetValue<string>());
        Assert.False(json["teams"]!["strict_email"]!.GetValue<bool>());
        Assert.True(json["teams"]!["login_required"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(0, "2026-09-01T08:00:00+00:00")]
    [InlineData(2, "2026-09-01T08:00:00+02:00")]
    [InlineData(-5, "2026-09-01T08:00:00-05:00")]
    public void Serialize_JoinAt_AlwaysCarriesAnOffset(int offsetHours, string expected)
    {
        var request = new CreateBotRequest
        {
            MeetingLink = BotSamples.MeetingUrl,
            BotName = "Notetaker",
            JoinAt = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(offsetHours)),
        };

        var joinAt = JsonNode.Parse(JsonSerializer.Serialize(request, MeetStreamJsonContext.Default.CreateBotRequest))!["join_at"]!.GetValue<string>();

        Assert.Equal(expected, joinAt);
        Assert.Matches(new Regex(@"(Z|[+-]\d{2}:\d{2})$"), joinAt);
    }

    [Fact]
    public void RoundTrip_ResponseWithUnknownFieldsAndEnumValues_KeepsThem()
    {
        const string Json = """
            { "bot_id": "b1", "status": "Hibernating", "custom_attributes": { "team": "sales", "seats": 12 },
              "region": "eu-west-1", "limits": { "max_minutes": 240 } }
            """;

        var status = JsonSerializer.Deserialize(Json, MeetStreamJsonContext.Default.BotStatusInfo)!;
        var again = JsonSerializer.Serialize(status, MeetStreamJsonContext.Default.BotStatusInfo);

        Assert.Equal("Hibernating", status.Status!.Value.Value);
        Assert.NotEqual(BotStatus.Stopped, status.Status);
        Assert.Equal("12", status.CustomAttributes!["seats"]);
        Assert.Equal("eu-west-1", status.AdditionalProperties!["region"].GetString());
        Assert.Equal(240, status.AdditionalProperties["limits"].GetProperty("max_minutes").GetInt32());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), JsonNode.Parse(again)), again);
    }

    [Fact]
    public void Deserialize_DetailsWithUnknownPlatformAndStage_KeepsThem()
    {
        const string Json = """
            { "BotID": "b1", "Platform": "Webex", "Status": "MediaArchived",
              "StatusTimeline": { "Hibernated": { "message": "zzz", "status": true, "timestamp": 1779789903 } },
              "NewTopLevelField": [1, 2] }
            """;

        var details = JsonSerializer.Deserialize(Json, MeetStreamJsonContext.Default.BotDetails)!;

        Assert.Equal("Webex", details.Platform!.Value.Value);
        Assert.Equal("MediaArchived", details.Status!.Value.Value);
        Assert.Equal("1779789903", details.StatusTimeline!["Hibernated"].Timestamp);
        Assert.Equal(2, details.AdditionalProperties!["NewTopLevelField"].GetArrayLength());
    }

    [Fact]
    public void Deserialize_MediaFieldsOfUnexpectedType_DoNotFailTheResponse()
    {
        const string Json = """
            { "video_url": "https://s3.example.com/v.mp4", "video_info": { "duration": "00:44:43", "size_mb": "812.5", "resolution": { "w": 1920, "h": 1080 }, "fps": 25 } }
            """;

        var video = JsonSerializer.Deserialize(Json, MeetStreamJsonContext.Default.BotVideo)!;

        Assert.Null(video.VideoInfo!.Duration);
        Assert.Equal(812.5, video.VideoInfo.SizeMb);
        Assert.Equal("""{ "w": 1920, "h": 1080 }""", video.VideoInfo.Resolution);
        Assert.Equal(25, video.VideoInfo.Fps);
    }
}
