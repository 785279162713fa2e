using System.ComponentModel.DataAnnotations;

namespace MeetStream.Client.Tests.Bots;

public sealed class CreateBotRequestValidationTests
{
    private const string Meet = "https://meet.google.com/abc-defg-hij";
    private const string Zoom = "https://us02web.zoom.us/j/81234567890?pwd=abc";
    private const string Teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x";

    private static readonly Dictionary<string, (Func<CreateBotRequest> Build, string Path)> Invalid = new()
    {
        ["meeting_link empty"] = (() => new() { MeetingLink = "", BotName = "b" }, "meeting_link"),
        ["meeting_link relative"] = (() => new() { MeetingLink = "meet.google.com/abc", BotName = "b" }, "meeting_link"),
        ["meeting_link rooted path"] = (() => new() { MeetingLink = "/j/123", BotName = "b" }, "meeting_link"),
        ["bot_name missing"] = (() => new() { MeetingLink = Meet, BotName = null! }, "bot_name"),
        ["bot_name blank"] = (() => new() { MeetingLink = Meet, BotName = "  " }, "bot_name"),
        ["waiting_room below 60"] = (() => Leave(new() { WaitingRoomTimeout = 59 }), "automatic_leave.waiting_room_timeout"),
        ["waiting_room above 600 on Meet"] = (() => Leave(new() { WaitingRoomTimeout = 601 }), "automatic_leave.waiting_room_timeout"),
        ["waiting_room above 1200 on Zoom"] = (() => Leave(new() { WaitingRoomTimeout = 1201 }, Zoom), "automatic_leave.waiting_room_timeout"),
        ["waiting_room above 1800 on Teams"] = (() => Leave(new() { WaitingRoomTimeout = 1801 }, Teams), "automatic_leave.waiting_room_timeout"),
        ["no_one_joined above 1800"] = (() => Leave(new() { NoOneJoinedTimeout = 1801 }), "automatic_leave.no_one_joined_timeout"),
        ["no_one_joined below 60"] = (() => Leave(new() { NoOneJoinedTimeout = 59 }), "automatic_leave.no_one_joined_timeout"),
        ["everyone_left below 60"] = (() => Leave(new() { EveryoneLeftTimeout = 30 }), "automatic_leave.everyone_left_timeout"),
        ["everyone_left above 1800"] = (() => Leave(new() { EveryoneLeftTimeout = 1801 }), "automatic_leave.everyone_left_timeout"),
        ["voice_inactivity below 60"] = (() => Leave(new() { VoiceInactivityTimeout = 10 }), "automatic_leave.voice_inactivity_timeout"),
        ["voice_inactivity above 1800"] = (() => Leave(new() { VoiceInactivityTimeout = 1801 }), "automatic_leave.voice_inactivity_timeout"),
        ["in_call_recording below 600"] = (() => Leave(new() { InCallRecordingTimeout = 599 }), "automatic_leave.in_call_recording_timeout"),
        ["in_call_recording above 18000"] = (() => Leave(new() { InCallRecordingTimeout = 18001 }), "automatic_leave.in_call_recording_timeout"),
        ["permission_denied below 60"] = (() => Leave(new() { RecordingPermissionDeniedTimeout = 59 }), "automatic_leave.recording_permission_denied_timeout"),
        ["permission_denied above 300"] = (() => Leave(new() { RecordingPermissionDeniedTimeout = 301 }), "automatic_leave.recording_permission_denied_timeout"),
        ["bot_detection matches null"] = (() => Names(new() { Matches = null }), "automatic_leave.bot_detection.using_participant_names.matches"),
        ["bot_detection matches empty list"] = (() => Names(new() { Matches = [] }), "automatic_leave.bot_detection.using_participant_names.matches"),
        ["bot_detection matches empty entry"] = (() => Names(new() { Matches = ["bot", ""] }), "automatic_leave.bot_detection.using_participant_names.matches[1]"),
        ["bot_detection activate_after below 60"] = (() => Names(new() { Matches = ["bot"], ActivateAfter = 59 }), "automatic_leave.bot_detection.using_participant_names.activate_after"),
        ["bot_detection activate_after above 1800"] = (() => Names(new() { Matches = ["bot"], ActivateAfter = 1801 }), "automatic_leave.bot_detection.using_participant_names.activate_after"),
        ["bot_detection timeout below 5"] = (() => Names(new() { Matches = ["bot"], Timeout = 4 }), "automatic_leave.bot_detection.using_participant_names.timeout"),
        ["bot_detection timeout above 300"] = (() => Names(new() { Matches = ["bot"], Timeout = 301 }), "automatic_leave.bot_detection.using_participant_names.timeout"),
        ["zoom zak and obf"] = (() => new() { MeetingLink = Zoom, BotName = "b", Zoom = new() { ZakUrl = "https://t.example.com/zak", ObfUrl = "https://t.example.com/obf" } }, "zoom"),
        ["zoom neither"] = (() => new() { MeetingLink = Zoom, BotName = "b", Zoom = new() }, "zoom"),
        ["zoom zak_url too long"] = (() => new() { MeetingLink = Zoom, BotName = "b", Zoom = new() { ZakUrl = "https://t.example.com/" + new string('a', 4096) } }, "zoom.zak_url"),
        ["zoom obf_url too long"] = (() => new() { MeetingLink = Zoom, BotName = "b", Zoom = new() { ObfUrl = "https://t.example.com/" + new string('a', 4096) } }, "zoom.obf_url"),
        ["zoom obf_url not https"] = (() => new() { MeetingLink = Zoom, BotName = "b", Zoom = new() { ObfUrl = "http://t.example.com/obf" } }, "zoom.obf_url"),
        ["google_meet and teams"] = (() => new() { MeetingLink = Meet, BotName = "b", GoogleMeet = new() { GoogleLoginDomain = "example.com" }, Teams = new() { TeamsLoginDomain = "contoso.com" } }, "google_meet"),
        ["google_meet login without domain"] = (() => new() { MeetingLink = Meet, BotName = "b", GoogleMeet = new() { LoginRequired = true } }, "google_meet.google_login_domain"),
        ["teams login without domain"] = (() => new() { MeetingLink = Teams, BotName = "b", Teams = new() { LoginRequired = true, TeamsLoginDomain = " " } }, "teams.teams_login_domain"),
        ["deduplication_key empty"] = (() => new() { MeetingLink = Meet, BotName = "b", DeduplicationKey = "" }, "deduplication_key"),
        ["deduplication_key too long"] = (() => new() { MeetingLink = Meet, BotName = "b", DeduplicationKey = new string('k', 2001) }, "deduplication_key"),
        ["deduplication_key non-ASCII"] = (() => new() { MeetingLink = Meet, BotName = "b", DeduplicationKey = "réunion" }, "deduplication_key"),
        ["deduplication_key control char"] = (() => new() { MeetingLink = Meet, BotName = "b", DeduplicationKey = "a\nb" }, "deduplication_key"),
        ["live transcription with post-call provider"] = (() => Live(TranscriptionProvider.ForDeepgram()), "recording_config.transcript.provider"),
        ["live transcription with assemblyai post-call"] = (() => Live(TranscriptionProvider.ForAssemblyAI()), "recording_config.transcript.provider"),
        ["live transcription without provider"] = (() => Live(null), "recording_config.transcript.provider"),
        ["live transcription without url"] = (() => Live(TranscriptionProvider.ForDeepgramStreaming(), new LiveTranscriptionConfig()), "live_transcription_required.webhook_url"),
        ["live transcription webhook not http"] = (() => Live(TranscriptionProvider.ForDeepgramStreaming(), new LiveTranscriptionConfig { WebhookUrl = "ftp://hooks.example.com/live" }), "live_transcription_required.webhook_url"),
        ["live transcription websocket not ws"] = (() => Live(TranscriptionProvider.ForDeepgramStreaming(), new LiveTranscriptionConfig { WebSocketUrl = "https://hooks.example.com/live" }), "live_transcription_required.websocket_url"),
        ["provider with no key"] = (() => Provider(new TranscriptionProvider()), "recording_config.transcript.provider"),
        ["provider with two keys"] = (() => Provider(new TranscriptionProvider { Deepgram = new(), AssemblyAI = new() }), "recording_config.transcript.provider"),
        ["socket_connection_url https"] = (() => new() { MeetingLink = Meet, BotName = "b", SocketConnectionUrl = WebSocketEndpoint.For("https://bridge.example.com/bridge") }, "socket_connection_url.websocket_url"),
        ["live_audio_required empty"] = (() => new() { MeetingLink = Meet, BotName = "b", LiveAudioRequired = new WebSocketEndpoint() }, "live_audio_required.websocket_url"),
        ["live_video_required relative"] = (() => new() { MeetingLink = Meet, BotName = "b", LiveVideoRequired = WebSocketEndpoint.For("/video") }, "live_video_required.websocket_url"),
        ["callback_url ftp"] = (() => new() { MeetingLink = Meet, BotName = "b", CallbackUrl = "ftp://hooks.example.com/x" }, "callback_url"),
        ["callback_url relative"] = (() => new() { MeetingLink = Meet, BotName = "b", CallbackUrl = "/hooks/meetstream" }, "callback_url"),
        ["bot_image_url data"] = (() => new() { MeetingLink = Meet, BotName = "b", BotImageUrl = "data:image/png;base64,iVBORw0KGgo=" }, "bot_image_url"),
        ["realtime endpoint url ws"] = (() => Recording(new() { RealtimeEndpoints = [RealtimeEndpoint.ParticipantWebhook("wss://x.example.com")] }), "recording_config.realtime_endpoints[0].url"),
        ["realtime endpoint url missing"] = (() => Recording(new() { RealtimeEndpoints = [new RealtimeEndpoint { Type = "webhook" }] }), "recording_config.realtime_endpoints[0].url"),
        ["realtime endpoint type missing"] = (() => Recording(new() { RealtimeEndpoints = [new RealtimeEndpoint { Url = "https://x.example.com" }] }), "recording_config.realtime_endpoints[0].type"),
        ["realtime endpoint empty event"] = (() => Recording(new() { RealtimeEndpoints = [new RealtimeEndpoint { Type = "webhook", Url = "https://x.example.com", Events = [""] }] }), "recording_config.realtime_endpoints[0].events[0]"),
        ["retention zero hours"] = (() => Recording(new() { Retention = new RetentionConfig { Type = "timed", Hours = 0 } }), "recording_config.retention.hours"),
        ["retention timed without hours"] = (() => Recording(new() { Retention = new RetentionConfig { Type = "timed" } }), "recording_config.retention.hours"),
        ["retention without type"] = (() => Recording(new() { Retention = new RetentionConfig { Hours = 24 } }), "recording_config.retention.type"),
        ["workflow id empty"] = (() => new() { MeetingLink = Meet, BotName = "b", WorkflowConfigIds = ["wf", " "] }, "workflow_config_ids[1]"),
        ["custom attribute empty key"] = (() => new() { MeetingLink = Meet, BotName = "b", CustomAttributes = new Dictionary<string, string> { [""] = "x" } }, "custom_attributes"),
        ["custom attribute null value"] = (() => new() { MeetingLink = Meet, BotName = "b", CustomAttributes = new Dictionary<string, string> { ["team"] = null! } }, "custom_attributes.team"),
        ["agent_config_params null value"] = (() => new() { MeetingLink = Meet, BotName = "b", AgentConfigParams = new Dictionary<string, string> { ["customer"] = null! } }, "agent_config_params.customer"),
        ["agent_config_id blank"] = (() => new() { MeetingLink = Meet, BotName = "b", AgentConfigId = " " }, "agent_config_id"),
    };

    public static TheoryData<string> InvalidCases => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_BrokenRule_ReportsTheFieldPath(string name)
    {
        var (build, path) = Invalid[name];

        var problems = build().Validate();

        Assert.Contains(problems, p => p.Path == path);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task CreateAsync_BrokenRule_ThrowsArgumentExceptionNamingTheField(string name)
    {
        var (build, path) = Invalid[name];
        using var client = OfflineClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.CreateAsync(build(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains(" - " + path + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneAtOnce()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = "",
            BotName = "",
            CallbackUrl = "ftp://x",
            AutomaticLeave = new() { InCallRecordingTimeout = 10, RecordingPermissionDeniedTimeout = 1000 },
            Zoom = new() { ZakUrl = "https://a.example.com", ObfUrl = "https://b.example.com" },
        };

        var paths = request.Validate().Select(p => p.Path).ToList();

        Assert.Equal(
            ["meeting_link", "bot_name", "callback_url", "automatic_leave.in_call_recording_timeout", "automatic_leave.recording_permission_denied_timeout", "zoom"],
            paths);
    }

    [Fact]
    public async Task CreateAsync_InvalidUrlsWithTokens_DoNotEchoTheUrlsInTheMessage()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = "zoommtg://zoom.us/join?confno=81234567890&pwd=Secr3tPwd",
            BotName = "b",
            CallbackUrl = "ftp://hooks.example.com/x?token=s3cretToken",
            LiveAudioRequired = WebSocketEndpoint.For("https://bridge.example.com/audio?key=k3yK3y"),
        };
        using var client = OfflineClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("callback_url: must be an absolute http:// or https:// URL; got a 'ftp' URL.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Secr3tPwd", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cretToken", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k3yK3y", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BoundaryValues_AreAccepted()
    {
        var low = Leave(new()
        {
            WaitingRoomTimeout = 60, NoOneJoinedTimeout = 60, EveryoneLeftTimeout = 60, VoiceInactivityTimeout = 60, InCallRecordingTimeout = 600, RecordingPermissionDeniedTimeout = 60,
            BotDetection = new() { UsingParticipantNames = new() { Matches = ["bot"], ActivateAfter = 60, Timeout = 5 } },
        });
        var high = Leave(
            new()
            {
                WaitingRoomTimeout = 1800, NoOneJoinedTimeout = 1800, EveryoneLeftTimeout = 1800, VoiceInactivityTimeout = 1800, InCallRecordingTimeout = 18000, RecordingPermissionDeniedTimeout = 300,
                BotDetection = new() { UsingParticipantNames = new() { Matches = ["bot"], ActivateAfter = 1800, Timeout = 300 } },
            },
            Teams);

        Assert.Empty(low.Validate());
        Assert.Empty(high.Validate());
        Assert.Empty(Leave(new() { WaitingRoomTimeout = 600 }).Validate());
        Assert.Empty(Leave(new() { WaitingRoomTimeout = 1200 }, Zoom).Validate());
    }

    [Fact]
    public void Validate_LiveTranscriptionWithStreamingOrCaptionsOrUnknownProvider_IsAccepted()
    {
        Assert.Empty(Live(TranscriptionProvider.ForDeepgramStreaming()).Validate());
        Assert.Empty(Live(TranscriptionProvider.ForAssemblyAIStreaming()).Validate());
        Assert.Empty(Live(TranscriptionProvider.ForMeetStreamStreaming()).Validate());
        Assert.Empty(Live(TranscriptionProvider.ForMeetingCaptions()).Validate());
        var future = new TranscriptionProvider { AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement> { ["speechmatics_live"] = default } };
        Assert.Empty(Live(future).Validate());
    }

    [Fact]
    public void Validate_PrintableAsciiDeduplicationKeyOf2000Characters_IsAccepted()
    {
        var key = string.Concat(Enumerable.Repeat("A z~!", 400));

        Assert.Empty(new CreateBotRequest { MeetingLink = Meet, BotName = "b", DeduplicationKey = key }.Validate());
    }

    [Fact]
    public void Validate_ThroughDataAnnotations_ReportsMemberNamesAsJsonPaths()
    {
        var request = Leave(new() { InCallRecordingTimeout = 1 });
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);

        Assert.False(valid);
        var result = Assert.Single(results);
        Assert.Equal(["automatic_leave.in_call_recording_timeout"], result.MemberNames);
    }

    private static MeetStreamClient OfflineClient() =>
        new(new MeetStreamClientOptions { ApiKey = "k", BaseUrl = new Uri("http://127.0.0.1:9/api/v1"), Retry = { MaxRetries = 0 } });

    private static CreateBotRequest Leave(AutomaticLeaveConfig leave, string link = Meet) => new() { MeetingLink = link, BotName = "b", AutomaticLeave = leave };

    private static CreateBotRequest Names(ParticipantNameBotDetection names) =>
        Leave(new() { BotDetection = new() { UsingParticipantNames = names } });

    private static CreateBotRequest Recording(RecordingConfig config) => new() { MeetingLink = Meet, BotName = "b", RecordingConfig = config };

    private static CreateBotRequest Provider(TranscriptionProvider provider) => Recording(new() { Transcript = new() { Provider = provider } });

    private static CreateBotRequest Live(TranscriptionProvider? provider, LiveTranscriptionConfig? live = null) => new()
    {
        MeetingLink = Meet,
        BotName = "b",
        LiveTranscriptionRequired = live ?? new LiveTranscriptionConfig { WebhookUrl = "https://hooks.example.com/live" },
        RecordingConfig = provider is null ? null : new() { Transcript = new() { Provider = provider } },
    };
}
