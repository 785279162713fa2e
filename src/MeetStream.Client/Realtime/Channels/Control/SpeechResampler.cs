using MeetStream.Client.Realtime.Audio;

namespace MeetStream.Client.Realtime;

/// <summary>Converts one whole utterance of mono PCM16 from <paramref name="sampleRate"/> to 48 kHz.</summary>
/// <param name="samples">The utterance at <paramref name="sampleRate"/>.</param>
/// <param name="sampleRate">The input rate in hertz (never 48000: 48 kHz input is used as is).</param>
/// <returns>The utterance at 48 kHz.</returns>
internal delegate ReadOnlyMemory<short> SpeechResampler(ReadOnlyMemory<short> samples, int sampleRate);

/// <summary>
/// The resampler <c>SpeakAsync</c> uses for speech that is not 48 kHz (MeetStream's <c>sendaudio</c> rate): a fresh
/// <see cref="PcmResampler"/> per utterance, flushed at its end so no tail is lost.
/// <c>ControlChannelOptions.Resampler</c> (internal) overrides it per session for tests.
/// </summary>
internal static class SpeechResampling
{
    /// <summary>Gets or sets the process-wide resampler.</summary>
    public static SpeechResampler? Default { get; set; } = ResampleUtterance;

    /// <summary>Resamples a whole utterance to 48 kHz with the SDK's polyphase resampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not one the resampler supports.</exception>
    public static ReadOnlyMemory<short> ResampleUtterance(ReadOnlyMemory<short> samples, int sampleRate)
    {
        PcmResampler resampler;
        try
        {
            resampler = new PcmResampler(sampleRate, ControlCommands.SampleRate);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"Speech at {sampleRate} Hz cannot be converted to 48000 Hz: {ex.Message}");
        }

        var body = new short[resampler.GetOutputLength(samples.Length)];
        var written = resampler.Process(samples.Span, body);
        var output = new short[written + resampler.GetFlushLength()];
        body.AsSpan(0, written).CopyTo(output);
        var flushed = resampler.Flush(output.AsSpan(written));
        return output.AsMemory(0, written + flushed);
    }
}
