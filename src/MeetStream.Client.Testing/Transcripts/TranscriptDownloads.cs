using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The transcript files served without the API key, like pre-signed URLs: the runs' raw and processed downloads and a captions bot's caption file.</summary>
internal sealed class TranscriptDownloads(object gate, TranscriptStore transcripts, BotStore bots, TranscriptBodies bodies)
{
    /// <summary>The transcript bodies behind the download URLs of <c>/transcriptions</c> (no auth, like a pre-signed URL).</summary>
    public JsonNode? Transcript(string transcriptId, string file)
    {
        lock (gate)
        {
            if (transcripts.Find(transcriptId) is not { Deleted: false, Status: "Success" } transcript || bots.Find(transcript.BotId) is not { } bot)
            {
                return null;
            }

            return file switch
            {
                "raw.json" => bodies.Raw(bot, transcript),
                "processed.json" => bodies.Processed(bot, transcript),
                _ => null,
            };
        }
    }

    /// <summary>The caption file of a meeting_captions bot.</summary>
    public JsonNode? Captions(string botId)
    {
        lock (gate)
        {
            return bots.Find(botId) is { } bot && bot.Transcription == TranscriptionKind.Captions && bot.AudioReady && !bot.MediaDeleted
                ? bodies.Segments(bot)
                : null;
        }
    }
}
