using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The transcription runs the simulator knows (one per transcribing bot, plus each POST /transcribe). Read and changed under the engine's lock.</summary>
internal sealed class TranscriptStore(SimulatorEngine engine)
{
    private readonly Dictionary<string, SimTranscript> _transcripts = new(StringComparer.Ordinal);

    public SimTranscript? Find(string transcriptId) => _transcripts.TryGetValue(transcriptId, out var transcript) ? transcript : null;

    /// <summary>Starts a run for a bot; it becomes the bot's current transcript.</summary>
    public SimTranscript Start(SimBot bot, string provider, JsonObject? config, TranscriptionKind kind)
    {
        var transcript = new SimTranscript
        {
            Id = SimulatorIds.NewId(),
            BotId = bot.Id,
            Provider = provider,
            Config = (JsonObject?)config?.DeepClone(),
            CreatedAt = engine.Now,
            Kind = kind,
            Format = bot.TranscriptFormat,
        };
        _transcripts[transcript.Id] = transcript;
        bot.TranscriptId = transcript.Id;
        return transcript;
    }

    /// <summary>Starts a post-call re-transcription (POST /transcribe); it succeeds after TranscribeDuration, then <paramref name="completed"/> runs (under the lock).</summary>
    public SimTranscript Transcribe(SimBot bot, string provider, JsonObject? settings, Action completed)
    {
        var transcript = Start(bot, provider, settings, TranscriptionKind.PostCall);
        engine.Schedule(engine.Now + engine.Timings.TranscribeDuration, $"{bot.Id} transcribe {transcript.Id}", () =>
        {
            if (transcript.Deleted)
            {
                return false;
            }

            transcript.Status = "Success";
            completed();
            return true;
        });
        return transcript;
    }

    /// <summary>The bot's runs that were not deleted, oldest first.</summary>
    public IEnumerable<SimTranscript> Of(SimBot bot) => _transcripts.Values.Where(t => t.BotId == bot.Id && !t.Deleted).OrderBy(t => t.CreatedAt);

    /// <summary>The bot stopped without recording: its runs still processing fail.</summary>
    public void FailProcessing(SimBot bot, string message)
    {
        foreach (var transcript in _transcripts.Values.Where(t => t.BotId == bot.Id && t.Status == "Processing"))
        {
            transcript.Status = "Failed";
            transcript.FailureMessage = message;
        }
    }

    /// <summary>Marks the bot's runs deleted (data deletion); returns how many objects that removed (two per run).</summary>
    public int Delete(SimBot bot)
    {
        var deleted = 0;
        foreach (var transcript in _transcripts.Values.Where(t => t.BotId == bot.Id && !t.Deleted))
        {
            transcript.Deleted = true;
            deleted += 2;
        }

        return deleted;
    }

    /// <summary>Forgets the bot's runs altogether (a scheduled bot was cancelled).</summary>
    public void Remove(SimBot bot)
    {
        foreach (var transcript in _transcripts.Values.Where(t => t.BotId == bot.Id).ToArray())
        {
            _transcripts.Remove(transcript.Id);
        }
    }

    /// <summary>The TranscriptStatus field of a bot's detail.</summary>
    public string StatusOf(SimBot bot) =>
        bot.TranscriptId is { } id && Find(id) is { } transcript
            ? transcript.Kind == TranscriptionKind.Streaming ? "Streaming" : transcript.Status
            : bot.Transcription == TranscriptionKind.Captions ? "Captions" : "None";
}
