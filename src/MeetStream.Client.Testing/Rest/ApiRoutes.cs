namespace MeetStream.Client.Testing;

/// <summary>Every REST route the simulator answers, relative to <c>/api/v1</c>: the 69 operations the SDK covers, each handled by the routes of its resource.</summary>
internal static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> Build(SimulatorStores s)
    {
        var clock = s.Engine.Clock;
        var pageSize = s.Engine.Options.PageSize;
        var bots = new BotRoutes(s.Bots, s.Factory, s.Lifecycle, s.PostProcessing, s.Responses, pageSize);
        var media = new BotMediaRoutes(s.Bots, s.Storage, s.Recording, s.Responses, s.Urls, clock);
        var commands = new BotCommandRoutes(s.Bots, s.Meeting, clock);
        var transcripts = new TranscriptRoutes(s.Transcripts, s.Bots, s.TranscriptBodies, s.Webhooks, s.Urls, clock);
        var calendar = new CalendarRoutes(s.Calendar, s.CalendarScheduling, clock, s.UserId);
        var events = new CalendarEventRoutes(s.Calendar, s.CalendarScheduling, s.Bots, s.Urls, clock, pageSize);
        var autoSchedule = new AutoScheduleRoutes(s.Calendar, s.CalendarScheduling, clock);
        var scheduled = new ScheduledBotRoutes(s.Bots, s.CalendarScheduling, s.Lifecycle, clock);
        var agents = new AgentRoutes(s.Agents, clock, s.UserId);
        var storage = new StorageRoutes(s.Storage);
        var google = new GoogleLoginRoutes(s.Logins.Google, clock);
        var teams = new TeamsLoginRoutes(s.Logins.Teams, clock);
        return
        [
            // Bots
            new("POST", "/bots/create_bot", bots.CreateBot),
            new("GET", "/bots", bots.ListBots),
            new("GET", "/bots/{bot_id}/status", bots.GetStatus),
            new("GET", "/bots/{bot_id}/detail", bots.GetDetail),
            new("GET", "/bots/{bot_id}/summary", media.Summary),
            new("GET", "/bots/{bot_id}/get_audio", media.Audio),
            new("GET", "/bots/{bot_id}/get_video", media.Video),
            new("GET", "/bots/{bot_id}/get_audio_streams", media.AudioStreams),
            new("GET", "/bots/{bot_id}/get_recording_streams", media.RecordingStreams),
            new("GET", "/bots/{bot_id}/get_speaker_timeline", media.SpeakerTimeline),
            new("GET", "/bots/{bot_id}/get_chats", media.Chats),
            new("GET", "/bots/{bot_id}/get_screenshots", media.Screenshots),
            new("GET", "/bots/{bot_id}/get_participants", media.Participants),
            new("GET", "/bots/{bot_id}/remove_bot", bots.RemoveBot),
            new("DELETE", "/bots/{bot_id}/delete", bots.DeleteData),
            new("POST", "/bots/{bot_id}/pause_recording", c => commands.Recording(c, "pause_recording")),
            new("POST", "/bots/{bot_id}/resume_recording", c => commands.Recording(c, "resume_recording")),
            new("POST", "/bots/{bot_id}/send_message", commands.SendMessage),
            new("POST", "/bots/{bot_id}/send_image", commands.SendImage),
            new("POST", "/bots/{bot_id}/update_mia", commands.UpdateMia),

            // Transcripts
            new("GET", "/transcript/{transcript_id}/get_transcript", transcripts.Get),
            new("GET", "/bots/{bot_id}/transcriptions", transcripts.List),
            new("POST", "/bots/{bot_id}/transcribe", transcripts.Transcribe),

            // Calendar
            new("POST", "/calendar/create_calendar", calendar.ConnectGoogle),
            new("POST", "/calendar/create_outlook_calendar", calendar.ConnectOutlook),
            new("POST", "/calendar/disconnect", calendar.DisconnectWithCredentials),
            new("DELETE", "/calendar/disconnect", calendar.Disconnect),
            new("GET", "/calendar", calendar.ListCalendars),
            new("GET", "/calendar/calendars", calendar.ListCalendars),
            new("GET", "/calendar/connections", calendar.ListConnections),
            new("DELETE", "/calendar/connections/{provider}/{account_id}", calendar.RemoveConnection),
            new("GET", "/calendar/events", events.ListEvents),
            new("GET", "/calendar/get_events", events.ListEvents),
            new("POST", "/calendar/schedule/{event_id}", events.ScheduleEvent),
            new("DELETE", "/calendar/schedule/{event_id}", events.UnscheduleEvent),
            new("POST", "/calendar/toggle-recurrence", events.ToggleRecurrence),
            new("POST", "/calendar/auto-reschedule", events.AutoReschedule),
            new("POST", "/calendar/auto-schedule/enable", autoSchedule.Enable),
            new("POST", "/calendar/auto-schedule/disable", autoSchedule.Disable),
            new("GET", "/calendar/auto-schedule/settings", autoSchedule.Settings),
            new("GET", "/calendar/scheduled_bots", scheduled.List),
            new("PATCH", "/calendar/scheduled_bots/{bot_id}", scheduled.Reschedule),
            new("DELETE", "/calendar/scheduled_bots/{bot_id}", scheduled.Delete),

            // MIA agents
            new("POST", "/mia", agents.Create),
            new("GET", "/mia", agents.Get),
            new("PUT", "/mia", agents.Update),
            new("DELETE", "/mia", agents.Delete),

            // Storage
            new("PUT", "/admin/configs", storage.Set),
            new("GET", "/admin/configs", storage.Get),
            new("DELETE", "/admin/configs", storage.Delete),

            // Google signed-in bots
            new("POST", "/google-login-domains", google.CreateDomain),
            new("GET", "/google-login-domains", google.ListDomains),
            new("GET", "/google-login-domains/{domain}", google.GetDomain),
            new("PATCH", "/google-login-domains/{domain}", google.UpdateDomain),
            new("DELETE", "/google-login-domains/{domain}", google.DeleteDomain),
            new("POST", "/google-logins", google.CreateLogin),
            new("GET", "/google-logins", google.ListLogins),
            new("PATCH", "/google-logins/{login_id}", google.UpdateLogin),
            new("DELETE", "/google-logins/{login_id}", google.DeleteLogin),

            // Teams signed-in bots
            new("POST", "/teams-login-domains", teams.CreateDomain),
            new("GET", "/teams-login-domains", teams.ListDomains),
            new("GET", "/teams-login-domains/{domain}", teams.GetDomain),
            new("PATCH", "/teams-login-domains/{domain}", teams.UpdateDomain),
            new("DELETE", "/teams-login-domains/{domain}", teams.DeleteDomain),
            new("POST", "/teams-logins", teams.CreateLogin),
            new("GET", "/teams-logins", teams.ListLogins),
            new("GET", "/teams-logins/{login_id}", teams.GetLogin),
            new("PATCH", "/teams-logins/{login_id}", teams.UpdateLogin),
            new("DELETE", "/teams-logins/{login_id}", teams.DeleteLogin),
        ];
    }
}
