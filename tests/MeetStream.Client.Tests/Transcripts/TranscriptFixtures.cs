using System.Text.Json.Nodes;

namespace MeetStream.Client.Tests.Transcripts;

/// <summary>Realistic transcript bodies built from the spec's field lists.</summary>
internal static class TranscriptFixtures
{
    /// <summary>The documented processed shape: a top-level array of segments with every field.</summary>
    public static JsonArray ProcessedSegments() => new()
    {
        new JsonObject
        {
            ["speaker"] = "Alice Chen",
            ["transcript"] = "Good morning, everyone.",
            ["start_time"] = 1.04,
            ["end_time"] = 2.9,
            ["absolute_start_time"] = "2026-11-21T15:00:01.040Z",
            ["absolute_end_time"] = "2026-11-21T15:00:02.900Z",
            ["words"] = new JsonArray
            {
                Word("good", "Good", 1.04, 1.3, 0.99, 0, 0.91),
                Word("morning", "morning,", 1.3, 1.8, 0.97, 0, 0.91),
                Word("everyone", "everyone.", 1.8, 2.9, 0.95, 0, 0.9),
            },
        },
        new JsonObject
        {
            ["speaker"] = "Bob Martin",
            ["transcript"] = "Morning! Shall we start?",
            ["start_time"] = 3.5,
            ["end_time"] = 5.25,
            ["absolute_start_time"] = "2026-11-21T15:00:03.500Z",
            ["absolute_end_time"] = "2026-11-21T15:00:05.250Z",
            ["words"] = new JsonArray
            {
                Word("morning", "Morning!", 3.5, 4.0, 0.98, 1, 0.88),
                Word("shall", "Shall", 4.1, 4.4, 0.96, 1, 0.88),
                Word("we", "we", 4.4, 4.6, 0.99, 1, 0.88),
                Word("start", "start?", 4.6, 5.25, 0.97, 1, 0.88),
            },
        },
        new JsonObject
        {
            ["speaker"] = "Alice Chen",
            ["transcript"] = "Yes, let's begin.",
            ["start_time"] = 6.0,
            ["end_time"] = 7.4,
            ["absolute_start_time"] = "2026-11-21T15:00:06.000Z",
            ["absolute_end_time"] = "2026-11-21T15:00:07.400Z",
            ["words"] = new JsonArray
            {
                Word("yes", "Yes,", 6.0, 6.3, 0.99, 0, 0.93),
                Word("let's", "let's", 6.3, 6.7, 0.98, 0, 0.93),
                Word("begin", "begin.", 6.7, 7.4, 0.97, 0, 0.93),
            },
        },
    };

    /// <summary>The shape MeetStream's labs parser handles: <c>{message: [{participant, words}]}</c>.</summary>
    public static JsonObject ParticipantWords() => new()
    {
        ["message"] = new JsonArray
        {
            new JsonObject
            {
                ["participant"] = new JsonObject { ["id"] = 100, ["name"] = "dharrun 17", ["is_host"] = true, ["platform"] = "google_meet", ["extra_data"] = new JsonObject { ["device"] = "web" } },
                ["words"] = new JsonArray
                {
                    LabsWord("Hi", 11.2, 11.5, "2026-11-21T15:00:11.200Z"),
                    LabsWord("guys,", 11.5, 11.9, "2026-11-21T15:00:11.500Z"),
                    LabsWord("hope", 12.0, 12.2, "2026-11-21T15:00:12.000Z"),
                    LabsWord("you", 12.2, 12.3, "2026-11-21T15:00:12.200Z"),
                    LabsWord("are", 12.3, 12.4, "2026-11-21T15:00:12.300Z"),
                    LabsWord("well.", 12.4, 12.9, "2026-11-21T15:00:12.400Z"),
                },
            },
            new JsonObject
            {
                ["participant"] = new JsonObject { ["id"] = 101, ["name"] = "Alice" },
                ["words"] = new JsonArray(),
            },
            new JsonObject
            {
                ["participant"] = new JsonObject { ["id"] = 101, ["name"] = "Alice" },
                ["words"] = new JsonArray
                {
                    new JsonObject { ["text"] = "Thanks", ["start_timestamp"] = new JsonObject { ["relative"] = 18.0 } },
                    new JsonObject { ["text"] = "for", ["start_timestamp"] = new JsonObject { ["relative"] = 18.4 } },
                    new JsonObject { ["text"] = "joining.", ["start_timestamp"] = new JsonObject { ["relative"] = 18.6 } },
                },
            },
        },
    };

    private static JsonObject Word(string word, string punctuated, double start, double end, double confidence, int speaker, double speakerConfidence) => new()
    {
        ["word"] = word,
        ["punctuated_word"] = punctuated,
        ["start"] = start,
        ["end"] = end,
        ["confidence"] = confidence,
        ["speaker"] = speaker,
        ["speaker_confidence"] = speakerConfidence,
    };

    private static JsonObject LabsWord(string text, double start, double end, string absolute) => new()
    {
        ["text"] = text,
        ["start_timestamp"] = new JsonObject { ["relative"] = start, ["absolute"] = absolute },
        ["end_timestamp"] = new JsonObject { ["relative"] = end, ["absolute"] = null },
    };
}
