using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Realtime;

/// <summary>
/// How <c>SpeakAsync</c> converts speech that is not 48 kHz (MeetStream's <c>sendaudio</c> rate): a fresh
/// <see cref="PcmResampler"/> per utterance, flushed at its end so no tail is lost. Stateless; the filter settings come
/// from <see cref="ControlChannelOptions.SpeechResampling"/>.
/// </summary>
internal static class SpeechResampling
{
    /// <summary>Resamples a whole utterance to 48 kHz with the SDK's polyphase resampler.</summary>
    /// <param name="samples">The utterance at <paramref name="sampleRate"/>.</param>
    /// <param name="sampleRate">The input rate in hertz (positive, not 48000).</param>
    /// <param name="options">The resampler's filter settings; defaults when <see langword="null"/>.</param>
    /// <returns>The utterance at 48 kHz.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not one the resampler supports.</exception>
    public static ReadOnlyMemory<short> To48kHz(ReadOnlyMemory<short> samples, int sampleRate, PcmResamplerOptions? options)
    {
        PcmResampler resampler;
        try
        {
            resampler = new PcmResampler(sampleRate, ControlCommands.SampleRate, options);
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
