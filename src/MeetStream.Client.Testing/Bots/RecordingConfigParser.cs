using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The <c>recording_config</c> part of a create_bot body (§5.3): transcript provider, retention, real-time endpoints and stream options.</summary>
internal sealed class RecordingConfigParser(ParseProblems problems)
{
    public TranscriptionKind Transcription { get; private set; }

    public string? ProviderName { get; private set; }

    public JsonObject? ProviderConfig { get; private set; }

    public int? RetentionHours { get; private set; }

    public List<(string Url, HashSet<string>? Events)> RealtimeEndpoints { get; } = [];

    public bool AudioSeparateStreams { get; private set; }

    public bool VideoSeparateStreams { get; private set; }

    public void Parse(JsonObject? config)
    {
        if (config is null)
        {
            return;
        }

        if (Json.Obj(Json.Obj(config, "transcript", "recording_config.transcript"), "provider", "recording_config.transcript.provider") is { } provider)
        {
            if (provider.Count != 1)
            {
                problems.Add($"recording_config.transcript.provider must name exactly one provider; it names {provider.Count}");
            }
            else
            {
                var (name, settings) = provider.First();
                if (CreateBotParser.PostCallProviders.Contains(name, StringComparer.Ordinal))
                {
                    Transcription = TranscriptionKind.PostCall;
                }
                else if (name == "meeting_captions")
                {
                    Transcription = TranscriptionKind.Captions;
                }
                else if (CreateBotParser.StreamingProviders.Contains(name, StringComparer.Ordinal))
                {
                    Transcription = TranscriptionKind.Streaming;
                }
                else
                {
                    problems.Add($"recording_config.transcript.provider '{name}' is not supported; use one of {string.Join(", ", CreateBotParser.PostCallProviders.Concat(CreateBotParser.StreamingProviders))}");
                }

                ProviderName = name;
                if (settings is not null and not JsonObject)
                {
                    problems.Add($"recording_config.transcript.provider.{name} must be an object");
                }

                ProviderConfig = settings as JsonObject;
                if (name == "deepgram_streaming" && Json.Str(ProviderConfig, "model") is { } model && model != "nova-2")
                {
                    problems.Add("deepgram_streaming.model must be 'nova-2' (the only streaming model)");
                }

                if (Json.Str(ProviderConfig, "transcription_mode") is { } mode && mode is not ("raw" or "sentence" or "word"))
                {
                    problems.Add($"{name}.transcription_mode must be raw, sentence or word");
                }
            }
        }

        if (Json.Obj(config, "retention", "recording_config.retention") is { } retention)
        {
            var type = Json.Str(retention, "type", "recording_config.retention.type");
            if (type != "timed")
            {
                problems.Add("recording_config.retention.type must be 'timed'");
            }

            RetentionHours = Json.Int(retention, "hours", "recording_config.retention.hours");
            if (RetentionHours is null or <= 0)
            {
                problems.Add("recording_config.retention.hours must be a positive integer");
            }
        }

        if (Json.Arr(config, "realtime_endpoints", "recording_config.realtime_endpoints") is { } endpoints)
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                var path = $"recording_config.realtime_endpoints[{i}]";
                if (endpoints[i] is not JsonObject endpoint)
                {
                    problems.Add(path + " must be an object");
                    continue;
                }

                if (Json.Str(endpoint, "type", path + ".type") != "webhook")
                {
                    problems.Add(path + ".type must be 'webhook'");
                }

                var url = Json.Str(endpoint, "url", path + ".url");
                if (string.IsNullOrWhiteSpace(url))
                {
                    problems.Add(path + ".url is required");
                    continue;
                }

                problems.Url(url, path + ".url", websocket: false);
                HashSet<string>? events = null;
                if (Json.Arr(endpoint, "events", path + ".events") is { } list)
                {
                    events = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in list)
                    {
                        if (item?.GetValueKind() != JsonValueKind.String)
                        {
                            problems.Add(path + ".events must be an array of event names");
                            break;
                        }

                        events.Add(item.GetValue<string>());
                    }
                }

                RealtimeEndpoints.Add((url, events));
            }
        }

        AudioSeparateStreams |= Json.Bool(config, "audio_separate_streams", "recording_config.audio_separate_streams") ?? false;
        VideoSeparateStreams |= Json.Bool(config, "video_separate_streams", "recording_config.video_separate_streams") ?? false;
        if (Json.Str(config, "video_layout", "recording_config.video_layout") is { } layout && layout is not ("speaker_view" or "grid_view"))
        {
            problems.Add("recording_config.video_layout must be speaker_view or grid_view");
        }
    }
}
