using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The bot endpoints (§2.1–§2.3): create with idempotency and deduplication, reads, and in-meeting actions.</summary>
internal sealed partial class SimulatorEngine
{
    private static readonly string[] ActiveStatuses = ["Joining", "InWaitingRoom", "InMeeting", "Recording", "RecordingPermissionAllowed", "RecordingPermissionDenied"];

    public ApiResult CreateBot(ApiCall call)
    {
        var idempotencyKey = call.Header("Idempotency-Key")?.Trim();
        if (idempotencyKey is { Length: > 0 } && _idempotencyKeys.TryGetValue(idempotencyKey, out var replayId) && _bots.TryGetValue(replayId, out var replay))
        {
            return new ApiResult(507, CreatedBody(replay, replay.Status));
        }

        var body = call.Body();
        var parsed = CreateBotParser.Parse(body);

        if (idempotencyKey is not { Length: > 0 } && parsed.DeduplicationKey is { } dedup && _deduplicationKeys.TryGetValue(dedup, out var existingId) && _bots.TryGetValue(existingId, out var existing))
        {
            if (!string.Equals(existing.MeetingLink, parsed.MeetingLink, StringComparison.Ordinal))
            {
                throw ApiError.Conflict($"deduplication_key is already bound to bot {existing.Id} for a different meeting");
            }

            return ApiResult.Ok(CreatedBody(existing, existing.Status));
        }

        AddBot(body, parsed, idempotencyKey is { Length: > 0 } ? idempotencyKey : null, out var created);
        return ApiResult.Created(created);
    }

    /// <summary>Creates, stores and starts a bot from a validated create body (create_bot and calendar scheduling).</summary>
    private SimBot AddBot(JsonObject body, CreateBotParser parsed, string? idempotencyKey, out JsonObject created)
    {
        var agentConfigId = Json.Str(body, "agent_config_id");
        if (agentConfigId is not null && !_agents.ContainsKey(agentConfigId))
        {
            throw ApiError.BadRequest($"agent_config_id '{agentConfigId}' does not match any MIA agent configuration (create one with POST /mia)");
        }

        var (googleLogin, teamsLogin) = ReserveLogin(parsed);
        var attributes = parsed.CustomAttributes;
        var scenario = TakeScenario(Json.Str(attributes, SimulatorScenarios.CustomAttribute));
        var meetingSeconds = Json.Str(attributes, SimulatorScenarios.MeetingSecondsAttribute) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Timings.MeetingDuration;
        var webhooks = Json.Str(attributes, SimulatorScenarios.WebhooksAttribute)?.ToLowerInvariant();
        var live = Json.Obj(body, "live_transcription_required");
        var bot = new SimBot
        {
            Id = NewId(),
            Request = (JsonObject)body.DeepClone(),
            MeetingLink = parsed.MeetingLink,
            Platform = parsed.Platform,
            BotName = parsed.BotName,
            Scenario = scenario,
            CreatedAt = Now,
            LastUpdatedAt = Now,
            BotMessage = Json.Str(body, "bot_message"),
            BotImageUrl = Json.Str(body, "bot_image_url"),
            CallbackUrl = Json.Str(body, "callback_url"),
            CustomAttributes = attributes,
            Transcription = parsed.Transcription,
            ProviderName = parsed.ProviderName,
            ProviderConfig = parsed.ProviderConfig,
            VideoRequired = Json.Bool(body, "video_required") ?? Options.VideoRequiredByDefault,
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
            WaitingRoomTimeoutSeconds = parsed.WaitingRoomTimeout ?? (int)Math.Ceiling(Timings.WaitingRoomTimeout.TotalSeconds),
            InCallRecordingTimeoutSeconds = parsed.InCallRecordingTimeout,
            IdempotencyKey = idempotencyKey,
            DeduplicationKey = parsed.DeduplicationKey,
            GoogleLoginId = googleLogin,
            TeamsLoginId = teamsLogin,
        };
        bot.RealtimeEndpoints.AddRange(parsed.RealtimeEndpoints);
        AttachLogin(bot);

        if (bot.Transcription is TranscriptionKind.PostCall or TranscriptionKind.Streaming)
        {
            var transcript = new SimTranscript
            {
                Id = NewId(),
                BotId = bot.Id,
                Provider = bot.ProviderName!,
                Config = (JsonObject?)bot.ProviderConfig?.DeepClone(),
                CreatedAt = Now,
                Kind = bot.Transcription,
                Format = bot.TranscriptFormat,
            };
            _transcripts[transcript.Id] = transcript;
            bot.TranscriptId = transcript.Id;
        }

        _bots[bot.Id] = bot;
        _botOrder.Add(bot);
        if (bot.IdempotencyKey is { } key)
        {
            _idempotencyKeys[key] = bot.Id;
        }

        if (bot.DeduplicationKey is { } dedupKey)
        {
            _deduplicationKeys.TryAdd(dedupKey, bot.Id);
        }

        created = CreatedBody(bot, "Active");
        if (parsed.JoinAt is { } joinAt && joinAt > Now)
        {
            bot.JoinAt = joinAt;
            Schedule(bot, joinAt);
        }
        else
        {
            StartJoining(bot);
        }

        return bot;
    }

    public ApiResult ListBots(ApiCall call)
    {
        var status = call.Query("status");
        var platform = call.Query("platform");
        var from = DateParam(call, "from");
        var to = DateParam(call, "to");
        var filters = new List<(string Key, string Value)>();
        foreach (var (name, value) in call.QueryPairs())
        {
            if (name.StartsWith("custom_attr[", StringComparison.Ordinal) && name.EndsWith(']'))
            {
                filters.Add((name["custom_attr[".Length..^1], value));
            }
        }

        var limit = call.QueryInt("limit", 1, 1000) ?? Options.PageSize;
        var offset = 0;
        if (call.Query("cursor") is { Length: > 0 } cursor)
        {
            offset = DecodeCursor(cursor) ?? throw ApiError.BadRequest($"cursor '{cursor}' is not a cursor this API returned");
        }

        var matching = _botOrder.AsEnumerable().Reverse().Where(b =>
            (status is null || string.Equals(b.Status, status, StringComparison.OrdinalIgnoreCase))
            && (platform is null || string.Equals(b.Platform, platform, StringComparison.OrdinalIgnoreCase))
            && (from is null || DateOnly.FromDateTime(b.CreatedAt.UtcDateTime) >= from)
            && (to is null || DateOnly.FromDateTime(b.CreatedAt.UtcDateTime) <= to)
            && filters.All(f => b.CustomAttributes.TryGetPropertyValue(f.Key, out var v) && string.Equals(Json.ValueText(v), f.Value, StringComparison.Ordinal))).ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        var hasNext = offset + page.Count < matching.Count;
        return ApiResult.Ok(new JsonObject
        {
            ["bots"] = Json.Array(page.Select(b => (JsonNode?)ListItem(b))),
            ["hasNextPage"] = hasNext,
            ["nextCursor"] = hasNext ? EncodeCursor(offset + page.Count) : null,
        });
    }

    public ApiResult GetStatus(ApiCall call)
    {
        var bot = FindBot(call);
        return ApiResult.Ok(new JsonObject { ["bot_id"] = bot.Id, ["status"] = bot.Status, ["custom_attributes"] = bot.CustomAttributes.DeepClone() });
    }

    public ApiResult GetDetail(ApiCall call) => ApiResult.Ok(new JsonObject { ["bot_details"] = DetailBody(FindBot(call)) });

    public ApiResult GetSummary(ApiCall call)
    {
        var bot = FindBot(call);
        if (bot.WorkflowSummary is null)
        {
            throw ApiError.NotFound("No summary for this bot: it was created without workflow_config_ids");
        }

        if (!bot.Done)
        {
            return NotReady("summary_status", "The summary is still being generated", bot);
        }

        var plan = RecordedPlan(bot);
        return ApiResult.Ok(new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["status"] = "Success",
            ["message"] = "Summary generated",
            ["summary"] = new JsonObject
            {
                ["text"] = $"{string.Join(" and ", plan.Select(p => p.Speaker).Distinct())} met for {Math.Round(RecordedSeconds(bot))} seconds. " + string.Join(" ", plan.Select(p => p.Text).Take(2)),
                ["action_items"] = Json.Strings(plan.Where(p => p.Text.Contains("next week", StringComparison.OrdinalIgnoreCase) || p.Text.Contains("Friday", StringComparison.OrdinalIgnoreCase)).Select(p => $"{p.Speaker}: {p.Text}")),
                ["generated_at"] = Json.Iso(Now),
            },
            ["bot_details"] = DetailBody(bot),
        });
    }

    public ApiResult GetAudio(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (!bot.AudioReady)
        {
            return NotReady("audio_status", "Audio is still being processed", bot);
        }

        return ApiResult.Ok(new JsonObject { ["audio_url"] = MediaUrl(bot.Id, "audio.wav") });
    }

    public ApiResult GetVideo(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (!bot.VideoRequired)
        {
            throw ApiError.NotFound("This bot recorded no video (video_required was false)");
        }

        if (!bot.VideoReady)
        {
            return NotReady("video_status", "Video is still being processed", bot);
        }

        var seconds = RecordedSeconds(bot);
        return ApiResult.Ok(new JsonObject
        {
            ["video_url"] = MediaUrl(bot.Id, "video.mp4"),
            ["video_info"] = new JsonObject
            {
                ["duration"] = Math.Round(seconds, 2),
                ["size_mb"] = Math.Round(seconds * 0.12, 2),
                ["resolution"] = "1280x720",
                ["fps"] = 25,
                ["frames_processed"] = (long)(seconds * 25),
                ["corrupted_frames"] = 0,
            },
        });
    }

    public ApiResult GetAudioStreams(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (!bot.AudioReady)
        {
            return NotReady("audio_status", "Bot is still in the meeting or processing", bot);
        }

        var people = bot.AudioSeparateStreams && bot.Platform != "Teams" ? bot.Participants.Where(p => !p.IsBot).ToList() : [];
        var participants = Json.Array(people.Select((p, i) => (JsonNode?)new JsonObject
        {
            ["participant_name"] = p.Name,
            ["streams"] = new JsonArray(new JsonObject
            {
                ["stream_id"] = $"audio_{i + 1}",
                ["segments"] = new JsonArray(new JsonObject
                {
                    ["segment_index"] = 0,
                    ["url"] = MediaUrl(bot.Id, $"audio_{i + 1}_0.webm"),
                    ["filename"] = $"audio_{i + 1}_0.webm",
                    ["duration_seconds"] = Math.Round(RecordedSeconds(bot), 2),
                    ["sample_rate"] = 48000,
                    ["channels"] = 1,
                    ["codec"] = "opus",
                }),
            }),
        }));
        return ApiResult.Ok(new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["audio_status"] = "Success",
            ["audio_streams_available"] = people.Count > 0,
            ["participants"] = participants,
            ["summary"] = new JsonObject { ["total_participants"] = people.Count, ["total_segments"] = people.Count },
            ["message"] = people.Count > 0
                ? "Per-participant audio streams are available"
                : bot.AudioSeparateStreams ? "Per-participant audio is not supported on Teams" : "Per-participant audio was not requested (audio_separate_streams is false)",
        });
    }

    public ApiResult GetRecordingStreams(ApiCall call)
    {
        var bot = FindMediaBot(call);
        var ready = bot.VideoRequired ? bot.VideoReady : bot.AudioReady;
        if (!ready)
        {
            var pending = NotReady("video_status", "Recording streams are still being processed", bot);
            ((JsonObject)pending.Body!)["stage"] = bot.Left ? "processing" : "recording";
            return pending;
        }

        var people = bot.VideoSeparateStreams ? bot.Participants.Where(p => !p.IsBot).ToList() : [];
        JsonNode Stream(string name, string id, int width, int height) => new JsonObject
        {
            ["participant_name"] = name,
            ["streams"] = new JsonArray(new JsonObject
            {
                ["stream_id"] = id,
                ["segments"] = new JsonArray(new JsonObject
                {
                    ["segment_index"] = 0,
                    ["url"] = MediaUrl(bot.Id, id + "_0.webm"),
                    ["filename"] = id + "_0.webm",
                    ["duration_seconds"] = Math.Round(RecordedSeconds(bot), 2),
                    ["width"] = width,
                    ["height"] = height,
                    ["codec"] = "vp8",
                }),
            }),
        };
        var screenshares = people.Count > 0 ? new[] { Stream(people[0].Name, "screenshare_1", 1920, 1080) } : [];
        return ApiResult.Ok(new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["video_status"] = "Success",
            ["recording_streams_available"] = people.Count > 0,
            ["participants"] = Json.Array(people.Select((p, i) => (JsonNode?)Stream(p.Name, $"video_{i + 1}", 640, 360))),
            ["screenshares"] = Json.Array(screenshares),
            ["summary"] = new JsonObject { ["total_participants"] = people.Count, ["total_screenshares"] = screenshares.Length, ["total_segments"] = people.Count + screenshares.Length },
            ["stage"] = "completed",
            ["message"] = people.Count > 0 ? "Per-participant recording streams are available" : "Per-participant video was not requested (video_separate_streams is false)",
        });
    }

    public ApiResult GetSpeakerTimeline(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (bot.RecordingStart is null)
        {
            return NotReady("status", "The bot has not started recording yet", bot);
        }

        var plan = RecordedPlan(bot);
        var start = bot.RecordingStart.Value;
        var chunks = plan.Select((u, i) => (JsonNode?)new JsonObject
        {
            ["chunkIndex"] = i,
            ["timestamp"] = Json.IsoZ(start + TimeSpan.FromSeconds(u.Start)),
            ["sampleRate"] = 48000,
            ["speakerId"] = bot.Participants.FirstOrDefault(p => p.Name == u.Speaker)?.DeviceId ?? u.Speaker,
            ["speakerName"] = u.Speaker,
            ["startByte"] = (long)(u.Start * 96000),
            ["endByte"] = (long)(u.End * 96000),
        });
        return ApiResult.Ok(new JsonObject
        {
            ["chunks"] = Json.Array(chunks),
            ["lastUpdated"] = Json.IsoZ(bot.EndTime ?? Now),
            ["audioFilePath"] = $"recordings/{bot.Id}/audio.wav",
            ["totalFileSize"] = (long)(RecordedSeconds(bot) * 96000) + 44,
        });
    }

    public ApiResult GetChats(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (bot.StartTime is null)
        {
            return NotReady("status", "The bot has not joined the meeting yet", bot);
        }

        JsonObject Message(SimChatMessage m) => new()
        {
            ["messageId"] = m.Id,
            ["deviceId"] = m.DeviceId,
            ["timestamp"] = Json.IsoZ(m.Time),
            ["text"] = m.Text,
            ["speakerName"] = m.Speaker,
            ["speakerDisplayName"] = m.Speaker,
            ["clientTimestamp"] = m.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["sessionTimestamp"] = m.SessionSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        };
        var bySpeaker = new JsonObject();
        foreach (var group in bot.Chat.GroupBy(m => m.Speaker))
        {
            bySpeaker[group.Key] = Json.Array(group.Select(m => (JsonNode?)Message(m)));
        }

        return ApiResult.Ok(new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["sessionId"] = "session_" + bot.Id,
                ["startTime"] = Json.IsoZ(bot.StartTime.Value),
                ["lastUpdated"] = Json.IsoZ(bot.Chat.Count > 0 ? bot.Chat[^1].Time : bot.StartTime.Value),
                ["totalMessages"] = bot.Chat.Count,
                ["uniqueSpeakers"] = bot.Chat.Select(m => m.Speaker).Distinct().Count(),
                ["botId"] = bot.Id,
                ["meetingId"] = MeetingCode(bot),
            },
            ["speakers"] = Json.Array(bot.Chat.GroupBy(m => m.DeviceId).Select(g => (JsonNode?)new JsonObject
            {
                ["deviceId"] = g.Key,
                ["name"] = g.First().Speaker,
                ["displayName"] = g.First().Speaker,
                ["messageCount"] = g.Count(),
            })),
            ["chatMessages"] = Json.Array(bot.Chat.Select(m => (JsonNode?)Message(m))),
            ["messagesBySpeaker"] = bySpeaker,
            ["serverMetadata"] = new JsonObject
            {
                ["savedAt"] = Json.IsoZ(Now),
                ["serverBotId"] = bot.Id,
                ["serverMeetingId"] = MeetingCode(bot),
                ["serverVersion"] = "simulator-1.0",
            },
        });
    }

    public ApiResult GetScreenshots(ApiCall call)
    {
        var bot = FindMediaBot(call);
        var shots = bot.RecordingStart is { } start
            ? Enumerable.Range(0, Math.Max(1, (int)(RecordedSeconds(bot) / 30))).Select(i => (JsonNode?)new JsonObject
            {
                ["url"] = MediaUrl(bot.Id, $"screenshot_{i}.png"),
                ["timestamp"] = Json.IsoZ(start + TimeSpan.FromSeconds(i * 30)),
                ["filename"] = $"screenshot_{i}.png",
            }).ToList()
            : [];
        return ApiResult.Ok(new JsonObject { ["bot_id"] = bot.Id, ["screenshots_count"] = shots.Count, ["screenshots"] = Json.Array(shots) });
    }

    public ApiResult GetParticipants(ApiCall call)
    {
        var bot = FindMediaBot(call);
        return ApiResult.Ok(Json.Array(bot.Participants.Select((p, i) => (JsonNode?)new JsonObject
        {
            ["deviceId"] = p.DeviceId,
            ["displayName"] = p.Name,
            ["fullName"] = p.Name,
            ["profilePicture"] = $"https://lh3.googleusercontent.com/a/simulated-{i}",
            ["status"] = p.LeftAt is null ? 1 : 2,
            ["humanized_status"] = p.LeftAt is null ? "in_meeting" : "left",
            ["streamIds"] = Json.Strings([$"stream_{i + 1}"]),
            ["lastUpdated"] = Json.IsoZ(p.LeftAt ?? p.Joined),
            ["parentDeviceId"] = null,
        })));
    }

    public ApiResult RemoveBot(ApiCall call)
    {
        var bot = FindBot(call);
        if (bot.Status == "Scheduled")
        {
            throw ApiError.Conflict("The bot is scheduled and has not joined yet; cancel it with DELETE /calendar/scheduled_bots/{bot_id}");
        }

        if (bot.Left || bot.Status == "Leaving")
        {
            throw ApiError.Conflict($"The bot is not in a meeting (status {bot.Status})");
        }

        Leave(bot, "bot.stopped");
        return ApiResult.Ok(new JsonObject { ["message"] = "Bot removal initiated; it is leaving the meeting" });
    }

    public ApiResult DeleteData(ApiCall call)
    {
        var bot = FindBot(call);
        if (!bot.Left)
        {
            throw ApiError.Conflict($"The bot is still active (status {bot.Status}); remove it from the meeting first");
        }

        if (bot.MediaDeleted)
        {
            throw ApiError.NotFound("The bot's data was already deleted");
        }

        var deleted = DeleteMedia(bot, "Bot data deleted on request");
        return ApiResult.Ok(new JsonObject { ["message"] = "Bot data deleted successfully", ["bot_id"] = bot.Id, ["deleted_objects"] = deleted });
    }

    public ApiResult RecordingCommand(ApiCall call, string command)
    {
        var bot = FindBot(call);
        if (bot.Platform != "GMeet")
        {
            throw ApiError.BadRequest($"{command} is supported on Google Meet only; this bot is on {bot.Platform}");
        }

        bot.RecordingCommands.RemoveAll(t => Now - t >= TimeSpan.FromMinutes(1));
        if (bot.RecordingCommands.Count >= 30)
        {
            var retry = new ApiResult(429, new JsonObject { ["message"] = "Rate limit exceeded: at most 30 pause/resume requests per minute per bot" });
            retry.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling((bot.RecordingCommands[0] + TimeSpan.FromMinutes(1) - Now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return retry;
        }

        if (bot.Left || bot.Status is "Scheduled" or "Joining" or "InWaitingRoom" or "Leaving")
        {
            throw ApiError.Conflict($"The bot is not in the meeting (status {bot.Status})");
        }

        if (bot.Status != "Recording")
        {
            throw new ApiError(503, "The bot is not recording yet");
        }

        bot.RecordingCommands.Add(Now);
        bot.Paused = command == "pause_recording";
        RecordCommand(bot, command, call.OptionalBody() ?? []);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = command });
    }

    public ApiResult SendMessage(ApiCall call)
    {
        var bot = FindBot(call);
        var body = call.Body();
        var message = Json.RequiredStr(body, "message", "the chat text");
        Json.Obj(body, "metadata");
        RequireInMeeting(bot);
        AddChat(bot, bot.Participants.First(p => p.IsBot), message);
        RecordCommand(bot, "send_message", body);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = "send_message" });
    }

    public ApiResult SendImage(ApiCall call)
    {
        var bot = FindBot(call);
        var body = call.Body();
        var url = Json.RequiredStr(body, "img_url", "a public image URL (not base64)");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw ApiError.BadRequest("img_url must be a public http(s) URL, not base64 data");
        }

        if (Json.Int(body, "display_duration") is <= 0)
        {
            throw ApiError.BadRequest("display_duration must be a positive number of seconds");
        }

        RequireInMeeting(bot);
        RecordCommand(bot, "send_image", body);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = "send_image" });
    }

    public ApiResult UpdateMia(ApiCall call)
    {
        var bot = FindBot(call);
        var body = call.Body();
        if (bot.AgentConfigId is null)
        {
            throw ApiError.BadRequest("This bot has no MIA agent (agent_config_id was not set on create)");
        }

        Json.Str(body, "system_prompt");
        Json.Bool(body, "wake_word_enabled");
        Json.Obj(body, "parameters");
        Json.Arr(body, "wake_words");
        RequireInMeeting(bot);
        RecordCommand(bot, "update_mia", body);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = "update_mia", ["message"] = "The agent session update was queued" });
    }

    // ---- helpers ----

    private SimBot FindBot(ApiCall call)
    {
        var id = call.PathValue("bot_id");
        return _bots.TryGetValue(id, out var bot) ? bot : throw ApiError.NotFound($"Bot '{id}' not found");
    }

    private SimBot FindMediaBot(ApiCall call)
    {
        var bot = FindBot(call);
        if (bot.MediaDeleted)
        {
            throw ApiError.NotFound(bot.MediaExpired ? "The bot's media has been deleted (retention expired or deleted on request)" : "The bot's media has been deleted");
        }

        if (_storage is { } storage && string.Equals(Json.Str(storage, "access_mode"), "write_only", StringComparison.Ordinal))
        {
            throw new ApiError(403, "Media is stored in your own bucket with access_mode write_only; MeetStream cannot read it back");
        }

        if (bot.Left && !bot.Recorded)
        {
            throw ApiError.NotFound($"Nothing was recorded for this bot (status {bot.Status})");
        }

        return bot;
    }

    private void RequireInMeeting(SimBot bot)
    {
        if (!bot.IsInMeeting)
        {
            throw ApiError.Conflict($"The bot is not in the meeting (status {bot.Status})");
        }
    }

    private void RecordCommand(SimBot bot, string command, JsonObject body) => bot.Commands.Add((command, (JsonObject)body.DeepClone(), Now));

    private static ApiResult NotReady(string field, string message, SimBot bot)
    {
        return new ApiResult(202, new JsonObject
        {
            [field] = "in_progress",
            ["message"] = $"{message}. Current status: {bot.Status}",
        });
    }

    private IReadOnlyList<PlannedUtterance> RecordedPlan(SimBot bot)
    {
        var recorded = RecordedSeconds(bot);
        return ConversationPlan.Plan(Options.Conversation, bot.MeetingDuration).Where(u => u.Start < recorded).ToList();
    }

    private double RecordedSeconds(SimBot bot) =>
        bot.RecordingStart is { } start ? Math.Max(0, ((bot.EndTime ?? Now) - start).TotalSeconds) : 0;

    private static DateOnly? DateParam(ApiCall call, string name)
    {
        var value = call.Query(name);
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApiError.BadRequest($"Query parameter '{name}' must be a date in YYYY-MM-DD form; got '{value}'.");
    }

    private static string EncodeCursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
