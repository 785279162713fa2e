using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>What a bot recorded (§2.3): summary, audio, video, per-participant streams, speaker timeline, chat, screenshots and participants.</summary>
internal sealed class BotMediaRoutes(BotStore bots, StorageConfigStore storage, BotRecording recording, BotResponses responses, ServedUrls urls, SimulatorClock clock)
{
    public ApiResult Summary(ApiCall call)
    {
        var bot = bots.Find(call);
        if (bot.WorkflowSummary is null)
        {
            throw ApiError.NotFound("No summary for this bot: it was created without workflow_config_ids");
        }

        if (!bot.Done)
        {
            return BotResponses.NotReady("summary_status", "The summary is still being generated", bot);
        }

        var plan = recording.Plan(bot);
        return ApiResult.Ok(new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["status"] = "Success",
            ["message"] = "Summary generated",
            ["summary"] = new JsonObject
            {
                ["text"] = $"{string.Join(" and ", plan.Select(p => p.Speaker).Distinct())} met for {Math.Round(recording.Seconds(bot))} seconds. " + string.Join(" ", plan.Select(p => p.Text).Take(2)),
                ["action_items"] = Json.Strings(plan.Where(p => p.Text.Contains("next week", StringComparison.OrdinalIgnoreCase) || p.Text.Contains("Friday", StringComparison.OrdinalIgnoreCase)).Select(p => $"{p.Speaker}: {p.Text}")),
                ["generated_at"] = Json.Iso(clock.UtcNow),
            },
            ["bot_details"] = responses.Detail(bot),
        });
    }

    public ApiResult Audio(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (!bot.AudioReady)
        {
            return BotResponses.NotReady("audio_status", "Audio is still being processed", bot);
        }

        return ApiResult.Ok(new JsonObject { ["audio_url"] = urls.Media(bot.Id, "audio.wav") });
    }

    public ApiResult Video(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (!bot.VideoRequired)
        {
            throw ApiError.NotFound("This bot recorded no video (video_required was false)");
        }

        if (!bot.VideoReady)
        {
            return BotResponses.NotReady("video_status", "Video is still being processed", bot);
        }

        var seconds = recording.Seconds(bot);
        return ApiResult.Ok(new JsonObject
        {
            ["video_url"] = urls.Media(bot.Id, "video.mp4"),
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

    public ApiResult AudioStreams(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (!bot.AudioReady)
        {
            return BotResponses.NotReady("audio_status", "Bot is still in the meeting or processing", bot);
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
                    ["url"] = urls.Media(bot.Id, $"audio_{i + 1}_0.webm"),
                    ["filename"] = $"audio_{i + 1}_0.webm",
                    ["duration_seconds"] = Math.Round(recording.Seconds(bot), 2),
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

    public ApiResult RecordingStreams(ApiCall call)
    {
        var bot = FindMediaBot(call);
        var ready = bot.VideoRequired ? bot.VideoReady : bot.AudioReady;
        if (!ready)
        {
            var pending = BotResponses.NotReady("video_status", "Recording streams are still being processed", bot);
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
                    ["url"] = urls.Media(bot.Id, id + "_0.webm"),
                    ["filename"] = id + "_0.webm",
                    ["duration_seconds"] = Math.Round(recording.Seconds(bot), 2),
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

    public ApiResult SpeakerTimeline(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (bot.RecordingStart is null)
        {
            return BotResponses.NotReady("status", "The bot has not started recording yet", bot);
        }

        var plan = recording.Plan(bot);
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
            ["lastUpdated"] = Json.IsoZ(bot.EndTime ?? clock.UtcNow),
            ["audioFilePath"] = $"recordings/{bot.Id}/audio.wav",
            ["totalFileSize"] = (long)(recording.Seconds(bot) * 96000) + 44,
        });
    }

    public ApiResult Chats(ApiCall call)
    {
        var bot = FindMediaBot(call);
        if (bot.StartTime is null)
        {
            return BotResponses.NotReady("status", "The bot has not joined the meeting yet", bot);
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
                ["meetingId"] = MeetingActivity.MeetingCode(bot),
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
                ["savedAt"] = Json.IsoZ(clock.UtcNow),
                ["serverBotId"] = bot.Id,
                ["serverMeetingId"] = MeetingActivity.MeetingCode(bot),
                ["serverVersion"] = "simulator-1.0",
            },
        });
    }

    public ApiResult Screenshots(ApiCall call)
    {
        var bot = FindMediaBot(call);
        var shots = bot.RecordingStart is { } start
            ? Enumerable.Range(0, Math.Max(1, (int)(recording.Seconds(bot) / 30))).Select(i => (JsonNode?)new JsonObject
            {
                ["url"] = urls.Media(bot.Id, $"screenshot_{i}.png"),
                ["timestamp"] = Json.IsoZ(start + TimeSpan.FromSeconds(i * 30)),
                ["filename"] = $"screenshot_{i}.png",
            }).ToList()
            : [];
        return ApiResult.Ok(new JsonObject { ["bot_id"] = bot.Id, ["screenshots_count"] = shots.Count, ["screenshots"] = Json.Array(shots) });
    }

    public ApiResult Participants(ApiCall call)
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

    private SimBot FindMediaBot(ApiCall call)
    {
        var bot = bots.Find(call);
        if (bot.MediaDeleted)
        {
            throw ApiError.NotFound(bot.MediaExpired ? "The bot's media has been deleted (retention expired or deleted on request)" : "The bot's media has been deleted");
        }

        if (storage.IsWriteOnly)
        {
            throw new ApiError(403, "Media is stored in your own bucket with access_mode write_only; MeetStream cannot read it back");
        }

        if (bot.Left && !bot.Recorded)
        {
            throw ApiError.NotFound($"Nothing was recorded for this bot (status {bot.Status})");
        }

        return bot;
    }
}
