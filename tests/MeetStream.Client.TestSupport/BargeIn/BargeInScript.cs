using System.Buffers.Binary;
using System.Runtime.InteropServices;
using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// What every bot of the barge-in benchmark says: 20 ms frames of 48 kHz PCM in a repeating cycle of
/// <see cref="SpeechFrames"/> voiced frames (a 300 Hz tone at about −18 dBFS) followed by silence, and the
/// voice-activity settings under which the FIRST voiced frame of each cycle is the one on which the detector reports
/// <see cref="VoiceActivityResult.SpeechStarted"/> (the trigger frame). <see cref="Verify"/> proves that with the
/// real <see cref="VoiceActivityDetector"/>, so the raw baseline's one-line rule ("first frame whose first sample is
/// not zero after a silent frame") and the SDK's detector fire on the same frames.
/// </summary>
public sealed class BargeInScript
{
    /// <summary>Samples per 20 ms frame at 48 kHz.</summary>
    public const int SamplesPerFrame = 960;

    /// <summary>Where, in the PCM, a trigger frame carries its sender's <c>Stopwatch</c> timestamp (8 bytes).</summary>
    public const int TimestampOffset = 16;

    /// <summary>The detector settings: speech counts after one voiced 20 ms frame; 100 ms of silence ends it.</summary>
    public static readonly VoiceActivityDetectorOptions VadOptions = new()
    {
        MinimumSpeechDuration = TimeSpan.FromMilliseconds(20),
        Hangover = TimeSpan.FromMilliseconds(100),
    };

    public BargeInScript(int cycleFrames, int speechFrames = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speechFrames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cycleFrames, speechFrames + 1);
        CycleFrames = cycleFrames;
        SpeechFrames = speechFrames;
        Speech = new byte[SamplesPerFrame * 2];
        for (var n = 0; n < SamplesPerFrame; n++)
        {
            // Starts at a crest, so the first sample of every voiced frame is not zero (the raw baseline's test);
            // 300 Hz fits the 20 ms frame six times, so consecutive voiced frames are one continuous tone.
            var sample = (short)Math.Round(6000 * Math.Cos(2 * Math.PI * 300 * n / 48_000.0));
            BinaryPrimitives.WriteInt16LittleEndian(Speech.AsSpan(n * 2), sample);
        }

        Silence = new byte[SamplesPerFrame * 2];
    }

    /// <summary>Gets the frames per cycle (one barge-in per cycle).</summary>
    public int CycleFrames { get; }

    /// <summary>Gets the voiced frames at the start of each cycle.</summary>
    public int SpeechFrames { get; }

    /// <summary>Gets the PCM of a voiced frame.</summary>
    public byte[] Speech { get; }

    /// <summary>Gets the PCM of a silent frame.</summary>
    public byte[] Silence { get; }

    /// <summary>Gets whether frame <paramref name="position"/> of the cycled script (0 = first trigger) is voiced.</summary>
    public bool IsSpeech(long position) => position >= 0 && position % CycleFrames < SpeechFrames;

    /// <summary>Gets whether frame <paramref name="position"/> is a trigger frame (the first voiced frame of a cycle).</summary>
    public bool IsTrigger(long position) => position >= 0 && position % CycleFrames == 0;

    /// <summary>The raw baseline's whole "detector": is this frame's first sample not zero.</summary>
    public static bool IsVoicedRaw(ReadOnlySpan<byte> pcm) => pcm.Length >= 2 && BinaryPrimitives.ReadInt16LittleEndian(pcm) != 0;

    /// <summary>
    /// Runs the real detector over leading silence and three cycles and throws when it reports speech starting on any
    /// frame other than the first voiced frame of each cycle (for example a cycle too short for the hangover).
    /// </summary>
    public void Verify()
    {
        var wrong = FirstMismatch();
        if (wrong is { } position)
        {
            var shortest = Enumerable.Range(SpeechFrames + 1, 500).FirstOrDefault(c => new BargeInScript(c, SpeechFrames).FirstMismatch() is null);
            throw new InvalidOperationException(
                $"With {SpeechFrames} voiced frames per cycle of {CycleFrames}, the voice-activity detector does not report speech " +
                $"starting exactly on the first voiced frame of each cycle (frame {position} differs); use a cycle of at least {shortest} frames.");
        }
    }

    private long? FirstMismatch()
    {
        var vad = new VoiceActivityDetector(VadOptions);
        var samples = new short[SamplesPerFrame];
        for (long position = -CycleFrames; position < 3 * CycleFrames; position++)
        {
            (IsSpeech(position) ? Speech : Silence).AsSpan().CopyTo(MemoryMarshal.AsBytes(samples.AsSpan()));
            if (vad.Process(samples).SpeechStarted != IsTrigger(position))
            {
                return position;
            }
        }

        return null;
    }
}
