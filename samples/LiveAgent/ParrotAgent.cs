using MeetStream.Client.Realtime;
using MeetStream.Client.Realtime.Dsp;

namespace LiveAgent;

/// <summary>
/// A voice agent without any cloud service: it listens to the meeting, and when someone finishes an utterance it
/// says the same audio back ("parrot"); when a human starts talking while it speaks, it stops at once (barge-in).
/// Replace <see cref="AnswerAsync"/> with speech-to-text, a language model and text-to-speech for a real agent.
/// </summary>
public sealed class ParrotAgent
{
    private static readonly TimeSpan PreRoll = TimeSpan.FromMilliseconds(500);

    private readonly BotSession _bot;
    private readonly BotSpeakerFilter _ownVoice;
    private readonly VoiceActivityDetector _vad = new(new VoiceActivityDetectorOptions { SampleRate = 48_000, Hangover = TimeSpan.FromMilliseconds(500) });
    private readonly List<short> _recent = [];   // audio since the last utterance, for the utterance's start
    private readonly TimeProvider _time;
    private readonly TextWriter _log;
    private long _recentStart;                    // VAD sample position of _recent[0]
    private long _utteranceStart;                 // VAD sample position where the current utterance began
    private string _speaker = "someone";
    private DateTimeOffset _speakingUntil;        // when the bot's current answer has finished playing
    private Task _answering = Task.CompletedTask;

    /// <summary>Creates the agent for one bot.</summary>
    /// <param name="bot">The bot's session from the bridge.</param>
    /// <param name="botName">The bot's display name (<c>bot_name</c>): its own voice comes back under it.</param>
    /// <param name="log">Where to print what it heard and said.</param>
    /// <param name="time">The clock that tells whether the bot is still playing an answer.</param>
    public ParrotAgent(BotSession bot, string botName, TextWriter log, TimeProvider? time = null)
    {
        _bot = bot;
        _ownVoice = new BotSpeakerFilter(botName);
        _log = log;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Listens until the bot leaves.</summary>
    /// <param name="cancellationToken">Cancelled when the bot's session ends.</param>
    /// <returns>A task that completes when the bot has left.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (AudioFrame frame in _bot.ReadAudioFramesAsync(cancellationToken))
        {
            if (_ownVoice.IsBot(frame.SpeakerName))
            {
                continue; // our own voice coming back: never hear (or interrupt) ourselves
            }

            VoiceActivityResult activity = _vad.Process(frame.Samples);
            _recent.AddRange(frame.Samples); // copy: frame.Samples is only valid in this iteration

            if (activity.SpeechStarted)
            {
                _utteranceStart = activity.SpeechStartSample; // in the past: the VAD confirms speech after 100 ms
                _speaker = frame.SpeakerName;
                if (IsSpeaking)
                {
                    // Barge-in from the VAD, ~100 ms after they started, not from a transcript seconds later.
                    _log.WriteLine($"[{_bot.BotId}] {_speaker} started talking: interrupting");
                    _speakingUntil = default;
                    await _bot.InterruptAsync(cancellationToken);
                }
            }

            if (activity.SpeechEnded)
            {
                // End of utterance: the VAD heard enough silence after speech. Answer, and keep listening meanwhile.
                short[] utterance = Take(_utteranceStart, activity.SpeechEndSample);
                _log.WriteLine($"[{_bot.BotId}] heard {_speaker}: {Seconds(utterance.Length)} s");
                _answering = AnswerAsync(utterance, cancellationToken);
            }
            else if (!_vad.IsSpeech)
            {
                Trim();
            }
        }

        await _answering;
    }

    private bool IsSpeaking => !_answering.IsCompleted || _time.GetUtcNow() < _speakingUntil;

    // A real agent: text = await stt(utterance); await foreach (sentence in llm(text)) SpeakAsync(await tts(sentence)).
    private async Task AnswerAsync(short[] utterance, CancellationToken cancellationToken)
    {
        _speakingUntil = _time.GetUtcNow() + TimeSpan.FromSeconds(utterance.Length / 48_000.0);
        SpeakResult result = await _bot.SpeakAsync(utterance, 48_000, cancellationToken);
        _log.WriteLine(result == SpeakResult.Interrupted
            ? $"[{_bot.BotId}] stopped speaking (interrupted)"
            : $"[{_bot.BotId}] said {Seconds(utterance.Length)} s back");
    }

    private short[] Take(long startSample, long endSample)
    {
        int from = (int)Math.Clamp(startSample - _recentStart, 0, _recent.Count);
        int to = (int)Math.Clamp(endSample - _recentStart, from, _recent.Count);
        short[] utterance = _recent.GetRange(from, to - from).ToArray();
        _recent.RemoveRange(0, to);
        _recentStart += to;
        return utterance;
    }

    private void Trim()
    {
        int keep = (int)(PreRoll.TotalSeconds * 48_000);
        if (_recent.Count > 2 * keep)
        {
            int drop = _recent.Count - keep;
            _recent.RemoveRange(0, drop);
            _recentStart += drop;
        }
    }

    private static string Seconds(int samples) => (samples / 48_000.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
