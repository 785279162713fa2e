namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// Tunes the anti-aliasing low-pass of a <see cref="PcmResampler"/>. The defaults suit speech (a 16 kHz output keeps
/// everything below 6.4 kHz flat; a 24 kHz output everything below 9.6 kHz) and cost 132 taps per output for 48 → 16 kHz.
/// </summary>
public sealed class PcmResamplerOptions
{
    /// <summary>
    /// Where the flat pass band ends, as a fraction of the lower of the two Nyquist frequencies (0.5 to 0.95; default
    /// 0.8). The stop band always starts at that Nyquist frequency, so nothing aliases; a higher value keeps more
    /// treble but needs more taps (the filter length grows as 1 / (1 - <see cref="PassbandEnd"/>)).
    /// </summary>
    public double PassbandEnd { get; init; } = 0.8;

    /// <summary>
    /// The attenuation of everything at or above the lower Nyquist frequency, in dB (40 to 150; default 70). Length
    /// grows linearly with it.
    /// </summary>
    public double StopbandAttenuation { get; init; } = 70;

    /// <summary>Forces a vector width (tests and benchmarks); <see cref="VectorWidth.Auto"/> by default.</summary>
    internal VectorWidth Width { get; init; }

    /// <summary>Forces an algorithm (tests and benchmarks); <see cref="ResamplerAlgorithm.Auto"/> by default.</summary>
    internal ResamplerAlgorithm Algorithm { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        if (!(PassbandEnd >= 0.5 && PassbandEnd <= 0.95))
        {
            throw new ArgumentOutOfRangeException(nameof(PassbandEnd), PassbandEnd, "PassbandEnd must be between 0.5 and 0.95 (a fraction of the lower Nyquist frequency).");
        }

        if (!(StopbandAttenuation >= 40 && StopbandAttenuation <= 150))
        {
            throw new ArgumentOutOfRangeException(nameof(StopbandAttenuation), StopbandAttenuation, "StopbandAttenuation must be between 40 and 150 dB.");
        }
    }
}
