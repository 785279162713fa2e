using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The transcription endpoints (§2.4): a transcript in either shape or raw, the runs of a bot, and post-call re-transcription.</summary>
internal sealed class TranscriptRoutes(TranscriptStore transcripts, BotStore bots, TranscriptBodies bodies, BotWebhooks webhooks, ServedUrls urls, SimulatorClock clock)
{
    public ApiResult Get(ApiCall call)
    {
        var id = call.PathValue("transcript_id");
        if (transcripts.Find(id) is not { Deleted: false } transcript)
        {
            throw ApiError.NotFound($"Transcript '{id}' not found");
        }

        var raw = call.QueryBool("raw") ?? false;
        var bot = bots.Find(transcript.BotId)!;
        if (transcript.Kind == TranscriptionKind.Streaming)
        {
            return ApiResult.Message(202, "Transcript is still being processed. Current status: Processing (this bot uses a streaming-only provider, so no post-call transcript will be produced; run POST /bots/{bot_id}/transcribe for one)");
        }

        if (transcript.Status != "Success")
        {
            return ApiResult.Message(202, $"Transcript is still being processed. Current status: {transcript.Status}{(transcript.FailureMessage is { } why ? $" ({why})" : string.Empty)}");
        }

        return ApiResult.Ok(raw ? bodies.Raw(bot, transcript) : bodies.Processed(bot, transcript));
    }

    public ApiResult List(ApiCall call)
    {
        var bot = bots.Find(call);
        var runs = transcripts.Of(bot).Select(t => (JsonNode?)new JsonObject
        {
            ["transcript_id"] = t.Id,
            ["provider"] = t.Provider,
            ["status"] = t.Kind == TranscriptionKind.Streaming ? "Processing" : t.Status,
            ["created_at"] = Json.Iso(t.CreatedAt),
            ["config"] = t.Config?.DeepClone() ?? new JsonObject(),
            ["download_urls"] = t.Status == "Success" && t.Kind != TranscriptionKind.Streaming
                ? new JsonObject { ["raw_transcript"] = urls.Transcript(t.Id, "raw.json"), ["processed_transcript"] = urls.Transcript(t.Id, "processed.json") }
                : null,
        });
        return ApiResult.Ok(new JsonObject { ["bot_id"] = bot.Id, ["transcriptions"] = Json.Array(runs) });
    }

    public ApiResult Transcribe(ApiCall call)
    {
        var bot = bots.Find(call);
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

        var transcript = transcripts.Transcribe(bot, name, settings as JsonObject, () =>
        {
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
                    ["timestamp"] = Json.Iso(clock.UtcNow),
                };
                webhooks.EmitTo(SimulatorWebhookChannel.TranscribeCallback, callback, bot, payload, "transcription.processed", "transcription.processed");
            }
        });
        return ApiResult.Ok(new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["transcript_id"] = transcript.Id,
            ["provider"] = name,
            ["message"] = "Transcription started; a transcription.processed event will be sent to callback_url when it is ready",
        });
    }
}
