using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The transcription endpoints (§2.4): both transcript shapes, raw output, runs and post-call re-transcription.</summary>
internal sealed partial class SimulatorEngine
{
    public ApiResult GetTranscript(ApiCall call)
    {
        var id = call.PathValue("transcript_id");
        if (!_transcripts.TryGetValue(id, out var transcript) || transcript.Deleted)
        {
            throw ApiError.NotFound($"Transcript '{id}' not found");
        }

        var raw = call.QueryBool("raw") ?? false;
        var bot = _bots[transcript.BotId];
        if (transcript.Kind == TranscriptionKind.Streaming)
        {
            return ApiResult.Message(202, "Transcript is still being processed. Current status: Processing (this bot uses a streaming-only provider, so no post-call transcript will be produced; run POST /bots/{bot_id}/transcribe for one)");
        }

        if (transcript.Status != "Success")
        {
            return ApiResult.Message(202, $"Transcript is still being processed. Current status: {transcript.Status}{(transcript.FailureMessage is { } why ? $" ({why})" : string.Empty)}");
        }

        return ApiResult.Ok(raw ? RawTranscript(bot, transcript) : transcript.Format == "labs" ? LabsTranscript(bot) : SegmentTranscript(bot));
    }

    public ApiResult ListTranscriptions(ApiCall call)
    {
        var bot = FindBot(call);
        var runs = _transcripts.Values.Where(t => t.BotId == bot.Id && !t.Deleted).OrderBy(t => t.CreatedAt).Select(t => (JsonNode?)new JsonObject
        {
            ["transcript_id"] = t.Id,
            ["provider"] = t.Provider,
            ["status"] = t.Kind == TranscriptionKind.Streaming ? "Processing" : t.Status,
            ["created_at"] = Json.Iso(t.CreatedAt),
            ["config"] = t.Config?.DeepClone() ?? new JsonObject(),
            ["download_urls"] = t.Status == "Success" && t.Kind != TranscriptionKind.Streaming
                ? new JsonObject { ["raw_transcript"] = TranscriptUrl(t.Id, "raw.json"), ["processed_transcript"] = TranscriptUrl(t.Id, "processed.json") }
                : null,
        });
        return ApiResult.Ok(new JsonObject { ["bot_id"] = bot.Id, ["transcriptions"] = Json.Array(runs) });
    }

    public ApiResult Transcribe(ApiCall call)
    {
        var bot = FindBot(call);
        var body = call.Body();
        var provider = Json.Obj(body, "provider") ?? throw ApiError.BadRequest("provider is required: an object with exactly one post-call provider key (deepgram, meetstream, jigsawstack, sarvam or assemblyai)");
        if (provider.Count != 1)
        {
            throw ApiError.BadRequest($"provider must name exactly one provider; it names {provider.Count}");
        }

        var (name, settings) = provider.First();
        if (!CreateBotParser.PostCallProviders.Contains(name, StringComparer.Ordinal))
        {
            throw ApiError.BadRequest($"provider '{name}' cannot transcribe stored audio; use deepgram, meetstream, jigsawstack, sarvam or assemblyai");
        }

        if (settings is not null and not JsonObject)
        {
            throw ApiError.BadRequest($"provider.{name} must be an object");
        }

        var callback = Json.Str(body, "callback_url");
        if (callback is not null && (!Uri.TryCreate(callback, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw ApiError.BadRequest("callback_url must be an absolute http(s) URL");
        }

        if (bot.MediaDeleted)
        {
            throw ApiError.NotFound("The bot's audio has been deleted");
        }

        if (!bot.AudioReady)
        {
            throw ApiError.Conflict($"The bot's audio is not available yet (status {bot.Status}); wait for audio.processed");
        }

        var transcript = new SimTranscript
        {
            Id = NewId(),
            BotId = bot.Id,
            Provider = name,
            Config = (JsonObject?)settings?.DeepClone(),
            CreatedAt = Now,
            Kind = TranscriptionKind.PostCall,
            Format = bot.TranscriptFormat,
        };
        _transcripts[transcript.Id] = transcript;
        bot.TranscriptId = transcript.Id;
        Clock.Schedule(Now + Timings.TranscribeDuration, $"{bot.Id} transcribe {transcript.Id}", () =>
        {
            lock (Gate)
            {
                if (transcript.Deleted)
                {
                    return;
                }

                transcript.Status = "Success";
                if (callback is not null)
                {
                    var payload = new JsonObject
                    {
                        ["event"] = "transcription.processed",
                        ["bot_event"] = "transcription.processed",
                        ["bot_id"] = bot.Id,
                        ["status"] = "success",
                        ["transcript_status"] = "Success",
                        ["message"] = "Transcription completed successfully",
                        ["status_code"] = 200,
                        ["timestamp"] = Json.Iso(Now),
                    };
                    EmitTo(SimulatorWebhookChannel.TranscribeCallback, callback, bot, payload, "transcription.processed", "transcription.processed");
                }
            }

            NotifyChanged();
        });
        return ApiResult.Ok(new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["transcript_id"] = transcript.Id,
            ["provider"] = name,
            ["message"] = "Transcription started; a transcription.processed event will be sent to callback_url when it is ready",
        });
    }

    // ---- transcript content ----

    private JsonArray SegmentTranscript(SimBot bot)
    {
        var start = bot.RecordingStart ?? bot.CreatedAt;
        return Json.Array(RecordedPlan(bot).Select(u => (JsonNode?)new JsonObject
        {
            ["speaker"] = u.Speaker,
            ["transcript"] = u.Text,
            ["start_time"] = u.Start,
            ["end_time"] = u.End,
            ["absolute_start_time"] = Json.Iso(start + TimeSpan.FromSeconds(u.Start)),
            ["absolute_end_time"] = Json.Iso(start + TimeSpan.FromSeconds(u.End)),
            ["words"] = Json.Array(u.Words.Select(w => (JsonNode?)new JsonObject
            {
                ["word"] = w.Word,
                ["punctuated_word"] = w.Punctuated,
                ["start"] = w.Start,
                ["end"] = w.End,
                ["confidence"] = 0.98,
                ["speaker"] = u.SpeakerIndex,
                ["speaker_confidence"] = 0.93,
            })),
        }));
    }

    private JsonObject LabsTranscript(SimBot bot)
    {
        var start = bot.RecordingStart ?? bot.CreatedAt;
        return new JsonObject
        {
            ["message"] = Json.Array(RecordedPlan(bot).Select(u => (JsonNode?)new JsonObject
            {
                ["participant"] = new JsonObject
                {
                    ["id"] = bot.Participants.FirstOrDefault(p => p.Name == u.Speaker)?.DeviceId ?? u.Speaker,
                    ["name"] = u.Speaker,
                    ["is_host"] = bot.Participants.FirstOrDefault(p => p.Name == u.Speaker)?.IsHost ?? false,
                    ["platform"] = PlatformKey(bot.Platform),
                    ["extra_data"] = new JsonObject(),
                },
                ["words"] = Json.Array(u.Words.Select(w => (JsonNode?)new JsonObject
                {
                    ["text"] = w.Punctuated,
                    ["start_timestamp"] = new JsonObject { ["relative"] = w.Start, ["absolute"] = Json.IsoZ(start + TimeSpan.FromSeconds(w.Start)) },
                    ["end_timestamp"] = new JsonObject { ["relative"] = w.End, ["absolute"] = Json.IsoZ(start + TimeSpan.FromSeconds(w.End)) },
                })),
            })),
        };
    }

    private JsonObject RawTranscript(SimBot bot, SimTranscript transcript)
    {
        var plan = RecordedPlan(bot);
        static string Label(int index) => ((char)('A' + (index % 26))).ToString();
        JsonObject Word(PlannedUtterance u, PlannedWord w) => new()
        {
            ["text"] = w.Punctuated,
            ["start"] = (long)(w.Start * 1000),
            ["end"] = (long)(w.End * 1000),
            ["confidence"] = 0.98,
            ["speaker"] = Label(u.SpeakerIndex),
        };
        return new JsonObject
        {
            ["id"] = transcript.Id,
            ["status"] = "completed",
            ["text"] = string.Join(' ', plan.Select(u => u.Text)),
            ["language_code"] = "en_us",
            ["audio_url"] = MediaUrl(bot.Id, "audio.wav"),
            ["confidence"] = 0.97,
            ["audio_duration"] = Math.Round(RecordedSeconds(bot), 2),
            ["speaker_labels"] = true,
            ["words"] = Json.Array(plan.SelectMany(u => u.Words.Select(w => (JsonNode?)Word(u, w)))),
            ["utterances"] = Json.Array(plan.Select(u => (JsonNode?)new JsonObject
            {
                ["speaker"] = Label(u.SpeakerIndex),
                ["text"] = u.Text,
                ["start"] = (long)(u.Start * 1000),
                ["end"] = (long)(u.End * 1000),
                ["confidence"] = 0.97,
                ["words"] = Json.Array(u.Words.Select(w => (JsonNode?)Word(u, w))),
            })),
        };
    }

    /// <summary>The transcript bodies behind the download URLs of <c>/transcriptions</c> (no auth, like a pre-signed URL).</summary>
    public JsonNode? TranscriptDownload(string transcriptId, string file)
    {
        lock (Gate)
        {
            if (!_transcripts.TryGetValue(transcriptId, out var transcript) || transcript.Deleted || transcript.Status != "Success" || !_bots.TryGetValue(transcript.BotId, out var bot))
            {
                return null;
            }

            return file switch
            {
                "raw.json" => RawTranscript(bot, transcript),
                "processed.json" => transcript.Format == "labs" ? LabsTranscript(bot) : SegmentTranscript(bot),
                _ => null,
            };
        }
    }

    /// <summary>The caption file of a meeting_captions bot.</summary>
    public JsonNode? CaptionFile(string botId)
    {
        lock (Gate)
        {
            return _bots.TryGetValue(botId, out var bot) && bot.Transcription == TranscriptionKind.Captions && bot.AudioReady && !bot.MediaDeleted
                ? SegmentTranscript(bot)
                : null;
        }
    }
}
