namespace MeetStream.Client.Testing;

/// <summary>Every REST route the simulator answers, relative to <c>/api/v1</c>: the 69 operations the SDK covers.</summary>
internal static class ApiRoutes
{
    public static IReadOnlyList<(string Method, string Route, Func<SimulatorEngine, ApiCall, ApiResult> Handler)> All { get; } =
    [
        // Bots
        ("POST", "/bots/create_bot", (e, c) => e.CreateBot(c)),
        ("GET", "/bots", (e, c) => e.ListBots(c)),
        ("GET", "/bots/{bot_id}/status", (e, c) => e.GetStatus(c)),
        ("GET", "/bots/{bot_id}/detail", (e, c) => e.GetDetail(c)),
        ("GET", "/bots/{bot_id}/summary", (e, c) => e.GetSummary(c)),
        ("GET", "/bots/{bot_id}/get_audio", (e, c) => e.GetAudio(c)),
        ("GET", "/bots/{bot_id}/get_video", (e, c) => e.GetVideo(c)),
        ("GET", "/bots/{bot_id}/get_audio_streams", (e, c) => e.GetAudioStreams(c)),
        ("GET", "/bots/{bot_id}/get_recording_streams", (e, c) => e.GetRecordingStreams(c)),
        ("GET", "/bots/{bot_id}/get_speaker_timeline", (e, c) => e.GetSpeakerTimeline(c)),
        ("GET", "/bots/{bot_id}/get_chats", (e, c) => e.GetChats(c)),
        ("GET", "/bots/{bot_id}/get_screenshots", (e, c) => e.GetScreenshots(c)),
        ("GET", "/bots/{bot_id}/get_participants", (e, c) => e.GetParticipants(c)),
        ("GET", "/bots/{bot_id}/remove_bot", (e, c) => e.RemoveBot(c)),
        ("DELETE", "/bots/{bot_id}/delete", (e, c) => e.DeleteData(c)),
        ("POST", "/bots/{bot_id}/pause_recording", (e, c) => e.RecordingCommand(c, "pause_recording")),
        ("POST", "/bots/{bot_id}/resume_recording", (e, c) => e.RecordingCommand(c, "resume_recording")),
        ("POST", "/bots/{bot_id}/send_message", (e, c) => e.SendMessage(c)),
        ("POST", "/bots/{bot_id}/send_image", (e, c) => e.SendImage(c)),
        ("POST", "/bots/{bot_id}/update_mia", (e, c) => e.UpdateMia(c)),

        // Transcripts
        ("GET", "/transcript/{transcript_id}/get_transcript", (e, c) => e.GetTranscript(c)),
        ("GET", "/bots/{bot_id}/transcriptions", (e, c) => e.ListTranscriptions(c)),
        ("POST", "/bots/{bot_id}/transcribe", (e, c) => e.Transcribe(c)),

        // Calendar
        ("POST", "/calendar/create_calendar", (e, c) => e.ConnectGoogle(c)),
        ("POST", "/calendar/create_outlook_calendar", (e, c) => e.ConnectOutlook(c)),
        ("POST", "/calendar/disconnect", (e, c) => e.DisconnectWithCredentials(c)),
        ("DELETE", "/calendar/disconnect", (e, c) => e.Disconnect(c)),
        ("GET", "/calendar", (e, c) => e.ListCalendars(c)),
        ("GET", "/calendar/calendars", (e, c) => e.ListCalendars(c)),
        ("GET", "/calendar/connections", (e, c) => e.ListConnections(c)),
        ("DELETE", "/calendar/connections/{provider}/{account_id}", (e, c) => e.RemoveConnection(c)),
        ("GET", "/calendar/events", (e, c) => e.ListEvents(c)),
        ("GET", "/calendar/get_events", (e, c) => e.ListEvents(c)),
        ("POST", "/calendar/schedule/{event_id}", (e, c) => e.ScheduleEvent(c)),
        ("DELETE", "/calendar/schedule/{event_id}", (e, c) => e.UnscheduleEvent(c)),
        ("POST", "/calendar/toggle-recurrence", (e, c) => e.ToggleRecurrence(c)),
        ("POST", "/calendar/auto-reschedule", (e, c) => e.AutoReschedule(c)),
        ("POST", "/calendar/auto-schedule/enable", (e, c) => e.EnableAutoSchedule(c)),
        ("POST", "/calendar/auto-schedule/disable", (e, c) => e.DisableAutoSchedule(c)),
        ("GET", "/calendar/auto-schedule/settings", (e, c) => e.GetAutoScheduleSettings(c)),
        ("GET", "/calendar/scheduled_bots", (e, c) => e.ListScheduledBots(c)),
        ("PATCH", "/calendar/scheduled_bots/{bot_id}", (e, c) => e.RescheduleBot(c)),
        ("DELETE", "/calendar/scheduled_bots/{bot_id}", (e, c) => e.DeleteScheduledBot(c)),

        // MIA agents
        ("POST", "/mia", (e, c) => e.CreateAgent(c)),
        ("GET", "/mia", (e, c) => e.GetAgents(c)),
        ("PUT", "/mia", (e, c) => e.UpdateAgent(c)),
        ("DELETE", "/mia", (e, c) => e.DeleteAgent(c)),

        // Storage
        ("PUT", "/admin/configs", (e, c) => e.SetStorage(c)),
        ("GET", "/admin/configs", (e, c) => e.GetStorage(c)),
        ("DELETE", "/admin/configs", (e, c) => e.DeleteStorage(c)),

        // Google signed-in bots
        ("POST", "/google-login-domains", (e, c) => e.CreateGoogleDomain(c)),
        ("GET", "/google-login-domains", (e, c) => e.ListGoogleDomains(c)),
        ("GET", "/google-login-domains/{domain}", (e, c) => e.GetGoogleDomain(c)),
        ("PATCH", "/google-login-domains/{domain}", (e, c) => e.UpdateGoogleDomain(c)),
        ("DELETE", "/google-login-domains/{domain}", (e, c) => e.DeleteGoogleDomain(c)),
        ("POST", "/google-logins", (e, c) => e.CreateGoogleLogin(c)),
        ("GET", "/google-logins", (e, c) => e.ListGoogleLogins(c)),
        ("PATCH", "/google-logins/{login_id}", (e, c) => e.UpdateGoogleLogin(c)),
        ("DELETE", "/google-logins/{login_id}", (e, c) => e.DeleteGoogleLogin(c)),

        // Teams signed-in bots
        ("POST", "/teams-login-domains", (e, c) => e.CreateTeamsDomain(c)),
        ("GET", "/teams-login-domains", (e, c) => e.ListTeamsDomains(c)),
        ("GET", "/teams-login-domains/{domain}", (e, c) => e.GetTeamsDomain(c)),
        ("PATCH", "/teams-login-domains/{domain}", (e, c) => e.UpdateTeamsDomain(c)),
        ("DELETE", "/teams-login-domains/{domain}", (e, c) => e.DeleteTeamsDomain(c)),
        ("POST", "/teams-logins", (e, c) => e.CreateTeamsLogin(c)),
        ("GET", "/teams-logins", (e, c) => e.ListTeamsLogins(c)),
        ("GET", "/teams-logins/{login_id}", (e, c) => e.GetTeamsLogin(c)),
        ("PATCH", "/teams-logins/{login_id}", (e, c) => e.UpdateTeamsLogin(c)),
        ("DELETE", "/teams-logins/{login_id}", (e, c) => e.DeleteTeamsLogin(c)),
    ];
}
