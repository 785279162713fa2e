namespace MeetStream.Client.Realtime;

// ============================================================================================================
// RESAMPLER SEAM. SpeakAsync needs 48 kHz PCM for `sendaudio`. Until the streaming polyphase resampler of
// Realtime/Audio is merged, no resampler is installed and SpeakAsync accepts only 48000 Hz. To plug it in, set
// SpeechResampling.Default to an adapter that runs a (sampleRate -> 48000) resampler over the whole utterance and
// flushes it; ControlChannelOptions.Resampler (internal) overrides it per session for tests.
// ============================================================================================================

/// <summary>Converts one whole utterance of mono PCM16 from <paramref name="sampleRate"/> to 48 kHz.</summary>
/// <param name="samples">The utterance at <paramref name="sampleRate"/>.</param>
/// <param name="sampleRate">The input rate in hertz (never 48000: 48 kHz input is used as is).</param>
/// <returns>The utterance at 48 kHz.</returns>
internal delegate ReadOnlyMemory<short> SpeechResampler(ReadOnlyMemory<short> samples, int sampleRate);

/// <summary>Holds the resampler <c>SpeakAsync</c> uses for input that is not 48 kHz (see the seam note above).</summary>
internal static class SpeechResampling
{
    /// <summary>Gets or sets the process-wide resampler; <see langword="null"/> until the audio utilities provide one.</summary>
    public static SpeechResampler? Default { get; set; }
}
