using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The transcript documents built from what a bot recorded: segments, labs and raw provider output.</summary>
internal sealed class TranscriptBodies(BotRecording recording, ServedUrls urls)
{
    /// <summary>The processed transcript: the labs shape when the bot asked for it, else segments.</summary>
    public JsonNode Processed(SimBot bot, SimTranscript transcript) => transcript.Format == "labs" ? Labs(bot) : Segments(bot);

    /// <summary>The segment shape (speaker, transcript, words with confidences).</summary>
    public JsonArray Segments(SimBot bot)
    {
        var start = bot.RecordingStart ?? bot.CreatedAt;
        return Json.Array(recording.Plan(bot).Select(u => (JsonNode?)new JsonObject
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

    /// <summary>The labs shape (participant, words with relative and absolute timestamps).</summary>
    public JsonObject Labs(SimBot bot)
    {
        var start = bot.RecordingStart ?? bot.CreatedAt;
        return new JsonObject
        {
            ["message"] = Json.Array(recording.Plan(bot).Select(u => (JsonNode?)new JsonObject
            {
                ["participant"] = new JsonObject
                {
                    ["id"] = bot.Participants.FirstOrDefault(p => p.Name == u.Speaker)?.DeviceId ?? u.Speaker,
                    ["name"] = u.Speaker,
                    ["is_host"] = bot.Participants.FirstOrDefault(p => p.Name == u.Speaker)?.IsHost ?? false,
                    ["platform"] = MeetingActivity.PlatformKey(bot.Platform),
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

    /// <summary>The provider's raw output (AssemblyAI-like: words, utterances, speaker labels).</summary>
    public JsonObject Raw(SimBot bot, SimTranscript transcript)
    {
        var plan = recording.Plan(bot);
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
            ["audio_url"] = urls.Media(bot.Id, "audio.wav"),
            ["confidence"] = 0.97,
            ["audio_duration"] = Math.Round(recording.Seconds(bot), 2),
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
}
