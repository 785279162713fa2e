namespace MeetStream.Client.Realtime;

/// <summary>
/// One frame of live meeting audio as <see cref="AudioChannelSession.ReadFramesAsync"/> yields it: PCM16 LE, 48 kHz,
/// mono, with the dominant speaker's id and name.
/// </summary>
/// <remarks>
/// <para>
/// <b>Lifetime.</b> <see cref="Pcm"/> points into a buffer rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>
/// that the session returns, for reuse, when the enumerator moves on: it is valid until the enumerator's next
/// <c>MoveNextAsync</c> (the next iteration of <c>await foreach</c>) or until the enumeration ends, whichever comes
/// first. Process the audio inside the loop body, copy it with
/// <see cref="CopyPcmTo"/>, or keep it with <see cref="ToOwned"/>. The speaker strings are ordinary strings and stay
/// valid (they are cached, so a steady speaker costs no allocation per frame).
/// </para>
/// <para>
/// The speaker metadata names the dominant speaker of the mixed audio; it does not isolate one microphone. The bot's
/// own output comes back under its display name.
/// </para>
/// </remarks>
public readonly struct AudioFrame
{
    /// <summary>The name MeetStream uses when audio cannot be attributed to anyone.</summary>
    public const string NoSpeakerName = "NoSpeaker";

    /// <summary>Initializes a frame. Sessions create frames; tests and custom transports may too.</summary>
    /// <param name="pcm">The PCM16 LE bytes at 48 kHz mono.</param>
    /// <param name="speakerId">The speaker id (empty for legacy frames).</param>
    /// <param name="speakerName">The speaker name.</param>
    /// <param name="format">The wire format the frame arrived in.</param>
    /// <param name="sequenceNumber">The zero-based position of the frame among the frames of its channel.</param>
    /// <param name="receivedAt">When the frame was received.</param>
    public AudioFrame(ReadOnlyMemory<byte> pcm, string speakerId, string speakerName, AudioFrameFormat format, long sequenceNumber, DateTimeOffset receivedAt)
    {
        Pcm = pcm;
        SpeakerId = speakerId ?? string.Empty;
        SpeakerName = speakerName ?? string.Empty;
        Format = format;
        SequenceNumber = sequenceNumber;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the raw PCM bytes (signed 16-bit little-endian, 48 kHz, mono). See the lifetime remarks.</summary>
    public ReadOnlyMemory<byte> Pcm { get; }

    /// <summary>Gets the PCM payload as samples (a view of <see cref="Pcm"/>, no copy; same lifetime).</summary>
    /// <exception cref="PlatformNotSupportedException">The process runs on a big-endian machine; use <see cref="CopySamplesTo"/>.</exception>
    public ReadOnlySpan<short> Samples => PcmSamples.View(Pcm.Span);

    /// <summary>Gets the speaker id of binary frames; empty for legacy JSON frames, which carry none.</summary>
    public string SpeakerId { get; }

    /// <summary>Gets the dominant speaker's display name; <c>NoSpeaker</c> when the audio could not be attributed.</summary>
    public string SpeakerName { get; }

    /// <summary>Gets whether MeetStream could not attribute the audio (<see cref="SpeakerName"/> is <c>NoSpeaker</c>).</summary>
    public bool IsUnattributed => string.Equals(SpeakerName, NoSpeakerName, StringComparison.Ordinal);

    /// <summary>Gets the wire format the frame arrived in.</summary>
    public AudioFrameFormat Format { get; }

    /// <summary>
    /// Gets the zero-based position of the frame among the valid audio frames its channel received; a gap means
    /// frames were dropped because the application fell behind.
    /// </summary>
    public long SequenceNumber { get; }

    /// <summary>Gets when the session received the frame (from the session's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the sample rate, always 48,000 Hz.</summary>
    public int SampleRate => BinaryAudioFrame.SampleRate;

    /// <summary>Gets the number of whole 16-bit samples.</summary>
    public int SampleCount => Pcm.Length / 2;

    /// <summary>Gets the duration of the audio.</summary>
    public TimeSpan Duration => PcmSamples.DurationOf(SampleCount);

    /// <summary>Copies the PCM bytes into a buffer.</summary>
    /// <param name="destination">At least <c>Pcm.Length</c> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void CopyPcmTo(Span<byte> destination) => Pcm.Span.CopyTo(destination);

    /// <summary>Copies the samples into a buffer in host byte order.</summary>
    /// <param name="destination">At least <see cref="SampleCount"/> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public int CopySamplesTo(Span<short> destination) => PcmSamples.Copy(Pcm.Span, destination);

    /// <summary>Copies the frame into an object you may keep after the next <c>MoveNextAsync</c> (allocates).</summary>
    /// <returns>The owned copy.</returns>
    public OwnedAudioFrame ToOwned() => new(Pcm.ToArray(), SpeakerId, SpeakerName, Format, SequenceNumber, ReceivedAt);

    /// <inheritdoc />
    public override string ToString() => $"AudioFrame #{SequenceNumber} {SpeakerName} ({SampleCount} samples, {Format})";
}

/// <summary>
/// A copy of an <see cref="AudioFrame"/> whose PCM is owned by this object, safe to keep after the session moved on.
/// Created by <see cref="AudioFrame.ToOwned"/>.
/// </summary>
public sealed class OwnedAudioFrame
{
    internal OwnedAudioFrame(byte[] pcm, string speakerId, string speakerName, AudioFrameFormat format, long sequenceNumber, DateTimeOffset receivedAt)
    {
        PcmBytes = pcm;
        SpeakerId = speakerId;
        SpeakerName = speakerName;
        Format = format;
        SequenceNumber = sequenceNumber;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the raw PCM bytes (signed 16-bit little-endian, 48 kHz, mono).</summary>
    public ReadOnlyMemory<byte> Pcm => PcmBytes;

    /// <summary>Gets the PCM payload as samples (a view, no copy).</summary>
    /// <exception cref="PlatformNotSupportedException">The process runs on a big-endian machine.</exception>
    public ReadOnlySpan<short> Samples => PcmSamples.View(PcmBytes);

    /// <summary>Gets the speaker id (empty for legacy JSON frames).</summary>
    public string SpeakerId { get; }

    /// <summary>Gets the speaker's display name.</summary>
    public string SpeakerName { get; }

    /// <summary>Gets the wire format the frame arrived in.</summary>
    public AudioFrameFormat Format { get; }

    /// <summary>Gets the zero-based position of the frame among the audio frames of its channel.</summary>
    public long SequenceNumber { get; }

    /// <summary>Gets when the session received the frame.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Gets the number of whole 16-bit samples.</summary>
    public int SampleCount => PcmBytes.Length / 2;

    /// <summary>Gets the duration of the audio.</summary>
    public TimeSpan Duration => PcmSamples.DurationOf(SampleCount);

    private byte[] PcmBytes { get; }

    /// <inheritdoc />
    public override string ToString() => $"OwnedAudioFrame #{SequenceNumber} {SpeakerName} ({SampleCount} samples, {Format})";
}
