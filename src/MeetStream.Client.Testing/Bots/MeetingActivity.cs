using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// What happens inside a simulated meeting: participants join and leave (participant_events to the real-time
/// endpoints), chat messages (forwarded to the control socket), and live transcript chunks.
/// </summary>
internal sealed class MeetingActivity(SimulatorClock clock, BotWebhooks webhooks)
{
    public void Join(SimBot bot, string name, bool isBot, bool isHost)
    {
        var participant = new SimParticipant
        {
            DeviceId = $"spaces/{MeetingCode(bot)}/devices/{100 + bot.Participants.Count}",
            Name = name,
            IsBot = isBot,
            IsHost = isHost,
            Joined = clock.UtcNow,
        };
        bot.Participants.Add(participant);
        SendParticipantEvent(bot, participant, "join");
    }

    public void LeaveParticipant(SimBot bot, SimParticipant participant)
    {
        participant.LeftAt = clock.UtcNow;
        SendParticipantEvent(bot, participant, "leave");
    }

    private void SendParticipantEvent(SimBot bot, SimParticipant participant, string action)
    {
        var name = "participant_events." + action;
        var relative = bot.StartTime is { } start ? Math.Round((clock.UtcNow - start).TotalSeconds, 3) : 0;
        var payload = new JsonObject
        {
            ["event"] = name,
            ["timestamp"] = Json.IsoZ(clock.UtcNow),
            ["data"] = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["action"] = action,
                    ["participant"] = new JsonObject
                    {
                        ["id"] = participant.DeviceId,
                        ["name"] = participant.Name,
                        ["full_name"] = participant.Name,
                        ["platform"] = PlatformKey(bot.Platform),
                        ["is_host"] = participant.IsHost,
                    },
                    ["timestamp"] = new JsonObject { ["relative"] = relative, ["absolute"] = Json.IsoZ(clock.UtcNow) },
                },
                ["bot"] = new JsonObject { ["id"] = bot.Id, ["metadata"] = bot.CustomAttributes.DeepClone() },
            },
            ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
        };
        bot.ParticipantEvents.Add((JsonObject)payload.DeepClone());
        foreach (var (url, events) in bot.RealtimeEndpoints)
        {
            if (events is null || events.Contains(name) || events.Contains("participant_events.*"))
            {
                webhooks.EmitTo(SimulatorWebhookChannel.Realtime, url, bot, payload, name);
            }
        }
    }

    public void AddChat(SimBot bot, SimParticipant from, string text)
    {
        var session = bot.StartTime is { } start ? (clock.UtcNow - start).TotalSeconds : 0;
        bot.Chat.Add(new SimChatMessage("msg_" + SimulatorIds.RandomHex(6), from.DeviceId, from.Name, text, clock.UtcNow, Math.Round(session, 3)));
        if (!from.IsBot)
        {
            bot.Realtime?.PostUserMessage(text);
        }
    }

    public void SendLiveTranscript(SimBot bot, PlannedUtterance utterance, bool final)
    {
        if (bot.LiveTranscriptUrl is not { } url || !bot.IsInMeeting)
        {
            return;
        }

        var words = final ? utterance.Words : utterance.Words.Take(Math.Max(1, utterance.Words.Count / 2)).ToList();
        var text = string.Join(' ', words.Select(w => w.Punctuated));
        var newText = final ? string.Join(' ', utterance.Words.Skip(Math.Max(1, utterance.Words.Count / 2)).Select(w => w.Punctuated)) : text;
        var mode = Json.Str(bot.ProviderConfig, "transcription_mode") ?? (bot.Transcription == TranscriptionKind.Captions ? "sentence" : "sentence");
        var meetstream = bot.ProviderName == "meetstream_streaming";
        var start = bot.RecordingStart ?? clock.UtcNow;
        var wordArray = Json.Array(words.Select(w => (JsonNode?)new JsonObject
        {
            ["word"] = w.Word,
            ["start"] = w.Start,
            ["end"] = w.End,
            ["confidence"] = meetstream ? 0 : 0.97,
            ["speaker"] = utterance.Speaker,
            ["punctuated_word"] = w.Punctuated,
            ["speech_confidence"] = meetstream ? 0 : 0.95,
            ["word_is_final"] = final,
        }));
        var payload = new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["speakerName"] = utterance.Speaker,
            ["speaker"] = utterance.Speaker,
            ["timestamp"] = Json.Iso(start + TimeSpan.FromSeconds(utterance.Start)),
            ["new_text"] = newText,
            ["transcript"] = text,
            ["utterance"] = meetstream ? string.Empty : text,
            ["words"] = wordArray,
            ["is_final"] = final,
            ["end_of_turn"] = final,
            ["turn_is_formatted"] = final,
            ["transcription_mode"] = mode,
            ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
        };
        webhooks.EmitTo(SimulatorWebhookChannel.LiveTranscript, url, bot, payload, "live_transcript");
    }

    public static string MeetingCode(SimBot bot)
    {
        var path = Uri.TryCreate(bot.MeetingLink, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Trim('/') : string.Empty;
        var last = path.Split('/').LastOrDefault(s => s.Length > 0) ?? "meeting";
        return new string(last.Where(c => char.IsLetterOrDigit(c) || c == '-').Take(40).ToArray()) is { Length: > 0 } code ? code : "meeting";
    }

    public static string PlatformKey(string platform) => platform switch
    {
        "GMeet" => "gmeet",
        "Zoom" => "zoom",
        "Teams" => "teams",
        _ => platform.ToLowerInvariant(),
    };
}
