using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// Creates a bot from a validated create body (create_bot and calendar scheduling): checks its agent, takes a
/// signed-in account, picks its scenario, starts its transcript, stores it and starts (or schedules) its lifecycle.
/// </summary>
internal sealed class BotFactory(SimulatorEngine engine, BotStore bots, AgentStore agents, LoginStore logins, TranscriptStore transcripts, BotLifecycle lifecycle)
{
    /// <summary>Creates, stores and starts a bot; <paramref name="created"/> is the create_bot response body.</summary>
    public SimBot Create(JsonObject body, CreateBotParser parsed, string? idempotencyKey, out JsonObject created)
    {
        var now = engine.Now;
        var agentConfigId = Json.Str(body, "agent_config_id");
        if (agentConfigId is not null && !agents.Contains(agentConfigId))
        {
            throw ApiError.BadRequest($"agent_config_id '{agentConfigId}' does not match any MIA agent configuration (create one with POST /mia)");
        }

        var (googleLogin, teamsLogin) = logins.Reserve(parsed);
        var attributes = parsed.CustomAttributes;
        var scenario = bots.TakeScenario(Json.Str(attributes, SimulatorScenarios.CustomAttribute));
        var meetingSeconds = Json.Str(attributes, SimulatorScenarios.MeetingSecondsAttribute) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : engine.Timings.MeetingDuration;
        var webhooks = Json.Str(attributes, SimulatorScenarios.WebhooksAttribute)?.ToLowerInvariant();
        var live = Json.Obj(body, "live_transcription_required");
        var bot = new SimBot
        {
            Id = SimulatorIds.NewId(),
            Request = (JsonObject)body.DeepClone(),
            MeetingLink = parsed.MeetingLink,
            Platform = parsed.Platform,
            BotName = parsed.BotName,
            Scenario = scenario,
            CreatedAt = now,
            LastUpdatedAt = now,
            BotMessage = Json.Str(body, "bot_message"),
            BotImageUrl = Json.Str(body, "bot_image_url"),
            CallbackUrl = Json.Str(body, "callback_url"),
            CustomAttributes = attributes,
            Transcription = parsed.Transcription,
            ProviderName = parsed.ProviderName,
            ProviderConfig = parsed.ProviderConfig,
            VideoRequired = Json.Bool(body, "video_required") ?? engine.Options.VideoRequiredByDefault,
            AudioSeparateStreams = parsed.AudioSeparateStreams,
            VideoSeparateStreams = parsed.VideoSeparateStreams,
            RetentionHours = parsed.RetentionHours,
            LiveTranscriptUrl = parsed.LiveTranscriptUrl ?? Json.Str(live, "webhook_url"),
            AgentConfigId = agentConfigId,
            LiveAudioUrl = parsed.LiveAudioUrl,
            ControlUrl = parsed.ControlUrl,
            LiveVideoUrl = parsed.LiveVideoUrl,
            WorkflowSummary = Json.Arr(body, "workflow_config_ids") is { Count: > 0 } ? "summary" : null,
            TranscriptFormat = string.Equals(Json.Str(attributes, SimulatorScenarios.TranscriptFormatAttribute), "labs", StringComparison.OrdinalIgnoreCase) ? "labs" : "segments",
            DuplicateWebhooks = webhooks == "duplicate",
            ReorderPostCall = webhooks == "reorder",
            MeetingDuration = meetingSeconds,
            WaitingRoomTimeoutSeconds = parsed.WaitingRoomTimeout ?? (int)Math.Ceiling(engine.Timings.WaitingRoomTimeout.TotalSeconds),
            InCallRecordingTimeoutSeconds = parsed.InCallRecordingTimeout,
            IdempotencyKey = idempotencyKey,
            DeduplicationKey = parsed.DeduplicationKey,
            GoogleLoginId = googleLogin,
            TeamsLoginId = teamsLogin,
        };
        bot.RealtimeEndpoints.AddRange(parsed.RealtimeEndpoints);
        logins.Attach(bot);

        if (bot.Transcription is TranscriptionKind.PostCall or TranscriptionKind.Streaming)
        {
            transcripts.Start(bot, bot.ProviderName!, bot.ProviderConfig, bot.Transcription);
        }

        bots.Add(bot);
        created = BotResponses.Created(bot, "Active");
        if (parsed.JoinAt is { } joinAt && joinAt > now)
        {
            bot.JoinAt = joinAt;
            lifecycle.Schedule(bot, joinAt);
        }
        else
        {
            lifecycle.StartJoining(bot);
        }

        return bot;
    }
}
