using MeetStream.Client.Realtime;
using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Analytics;

/// <summary>
/// Talk time while the meeting runs, from the live audio frames (§4.2): each frame is mixed 48 kHz PCM16 named after
/// the dominant speaker; a <see cref="VoiceActivityDetector"/> over the stream decides which samples are voice, and
/// the voice inside a speaker's frames is that speaker's talk. <see cref="GetReport"/> any time; thread-safe.
/// </summary>
/// <remarks>
/// <para>Frames carry no timestamps: time is the number of samples processed so far (frame durations add up), so
/// feed every frame of the channel, in order, through one tracker.</para>
/// <para>What mixed audio cannot show: overlap. One speaker is named at a time, so
/// <see cref="TalkTimeReport.Interruptions"/> is always 0 from live audio, and there are no words (words per minute
/// and questions are <see langword="null"/>). Frames named <c>NoSpeaker</c> (or with no name) are unattributed: their
/// voice is in <see cref="TalkTimeReport.UnattributedSpeech"/>, not silence. Pauses shorter than the detector's
/// <see cref="VoiceActivityDetectorOptions.Hangover"/> (500 ms by default) are bridged and count as talk; an
/// utterance still in progress when <see cref="GetReport"/> is called counts up to the last frame.</para>
/// <para>Memory grows with the number of speaker changes and utterances (a few bytes each), not with the audio.</para>
/// </remarks>
public sealed class LiveTalkTimeTracker
{
    private readonly object _gate = new();
    private readonly TalkTimeOptions _options;
    private readonly VoiceActivityDetector _vad;
    private readonly List<(string? Speaker, long Start, long End)> _runs = [];
    private readonly List<(long Start, long End)> _speech = [];
    private long _openStart = -1;
    private long _position;

    /// <summary>Creates a tracker.</summary>
    /// <param name="options">The talk-time settings (<see cref="TalkTimeOptions.BotName"/> separates the bot's own audio); <see langword="null"/> for the defaults.</param>
    /// <param name="vad">The voice-activity detector's settings; <see langword="null"/> for its defaults. The sample rate must be 48,000 Hz, the rate of live frames.</param>
    /// <exception cref="ArgumentException"><paramref name="vad"/> has a sample rate other than 48,000 Hz.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="vad"/> is out of range.</exception>
    public LiveTalkTimeTracker(TalkTimeOptions? options = null, VoiceActivityDetectorOptions? vad = null)
    {
        _options = options ?? new TalkTimeOptions();
        vad ??= new VoiceActivityDetectorOptions();
        if (vad.SampleRate != Pcm16.MeetStreamSampleRate)
        {
            throw new ArgumentException($"Live audio frames are 48000 Hz; the detector's SampleRate is {vad.SampleRate}.", nameof(vad));
        }

        _vad = new VoiceActivityDetector(vad);
    }

    /// <summary>Gets the audio processed so far (the sum of the frame durations).</summary>
    public TimeSpan Position
    {
        get
        {
            lock (_gate)
            {
                return Pcm16.GetDuration(_position);
            }
        }
    }

    /// <summary>Adds the next frame of the channel. Allocation-free while the speaker and the utterance continue.</summary>
    /// <param name="frame">The frame; its PCM is read during the call only.</param>
    public void Process(in AudioFrame frame)
    {
        var pcm = frame.Pcm.Span;
        var samples = Pcm16.AsSamples(pcm[..(pcm.Length & ~1)]);
        if (samples.IsEmpty)
        {
            return;
        }

        var name = frame.SpeakerName;
        string? speaker = string.IsNullOrWhiteSpace(name) || frame.IsUnattributed ? null : name;
        lock (_gate)
        {
            long start = _position;
            long end = start + samples.Length;
            if (_runs.Count > 0 && _runs[^1].Speaker == speaker && _runs[^1].End == start)
            {
                _runs[^1] = (speaker, _runs[^1].Start, end);
            }
            else
            {
                _runs.Add((speaker, start, end));
            }

            // One detector frame per call, so a call reports at most one start or end.
            int frameSize = _vad.FrameSize;
            while (!samples.IsEmpty)
            {
                int take = (int)Math.Min(samples.Length, frameSize - (_vad.SamplePosition % frameSize));
                var result = _vad.Process(samples[..take]);
                samples = samples[take..];
                if (result.SpeechStarted)
                {
                    _openStart = result.SpeechStartSample;
                }

                if (result.SpeechEnded && _openStart >= 0)
                {
                    _speech.Add((_openStart, result.SpeechEndSample));
                    _openStart = -1;
                }
            }

            _position = end;
        }
    }

    /// <summary>Computes the report of the audio so far (see the remarks for what live audio cannot show).</summary>
    /// <returns>The report, with <see cref="TalkTimeSource.LiveAudio"/>.</returns>
    public TalkTimeReport GetReport()
    {
        var intervals = new List<SpeechInterval>();
        lock (_gate)
        {
            int r = 0;
            int count = _speech.Count + (_openStart >= 0 ? 1 : 0);
            for (int k = 0; k < count; k++)
            {
                var (start, end) = k < _speech.Count ? _speech[k] : (_openStart, _position);
                while (r < _runs.Count && _runs[r].End <= start)
                {
                    r++;
                }

                for (int j = r; j < _runs.Count && _runs[j].Start < end; j++)
                {
                    var from = Math.Max(start, _runs[j].Start);
                    var to = Math.Min(end, _runs[j].End);
                    if (to > from)
                    {
                        intervals.Add(new SpeechInterval(_runs[j].Speaker, Pcm16.GetDuration(from), Pcm16.GetDuration(to)));
                    }
                }
            }
        }

        return TalkTimeCalculator.Compute(TalkTimeSource.LiveAudio, intervals, words: null, _options, untimedSegments: 0);
    }
}
