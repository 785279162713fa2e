namespace MeetStream.Client.Tests.Realtime.Dsp;

/// <summary>Generated test signals (tones, bursts, seeded noise) and measurements for the audio utility tests.</summary>
internal static class TestSignals
{
    /// <summary>A sine tone of <paramref name="amplitude"/> (full scale 1) at <paramref name="frequency"/> Hz.</summary>
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5, double phase = 0)
    {
        var samples = new float[length];
        for (int i = 0; i < length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * i / sampleRate) + phase));
        }

        return samples;
    }

    /// <summary>Gaussian white noise with the given RMS level in dBFS (full-scale square = 0 dBFS), from a fixed seed.</summary>
    public static double[] Noise(int length, double rmsDbfs, int seed)
    {
        var random = new Random(seed);
        double rms = Math.Pow(10, rmsDbfs / 20);
        var samples = new double[length];
        for (int i = 0; i < length; i++)
        {
            // Box-Muller.
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            samples[i] = rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return samples;
    }

    /// <summary>
    /// Seeded noise at <paramref name="noiseDbfs"/> plus tone bursts of <paramref name="toneDbfs"/> RMS at
    /// <paramref name="frequency"/> Hz, each burst given as (start, end) in samples, as PCM16.
    /// </summary>
    public static short[] BurstsInNoise(int sampleRate, int length, double noiseDbfs, double toneDbfs, double frequency, int seed, params (int Start, int End)[] bursts)
    {
        double[] signal = Noise(length, noiseDbfs, seed);
        double amplitude = Math.Pow(10, toneDbfs / 20) * Math.Sqrt(2);
        foreach (var (start, end) in bursts)
        {
            for (int i = start; i < end; i++)
            {
                signal[i] += amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate);
            }
        }

        var pcm = new short[length];
        for (int i = 0; i < length; i++)
        {
            pcm[i] = (short)Math.Clamp(Math.Round(signal[i] * 32768), -32768, 32767);
        }

        return pcm;
    }

    /// <summary>Converts floats to PCM16 by rounding.</summary>
    public static short[] ToPcm(float[] samples)
    {
        var pcm = new short[samples.Length];
        for (int i = 0; i < samples.Length; i++)
        {
            pcm[i] = (short)Math.Clamp(Math.Round(samples[i] * 32768.0), -32768, 32767);
        }

        return pcm;
    }

    /// <summary>The amplitude of the <paramref name="frequency"/> component (quadrature correlation).</summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        double c = 0, s = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double w = 2 * Math.PI * frequency * i / sampleRate;
            c += samples[i] * Math.Cos(w);
            s += samples[i] * Math.Sin(w);
        }

        return 2 * Math.Sqrt((c * c) + (s * s)) / samples.Length;
    }

    /// <summary>
    /// The RMS of what remains after removing the least-squares fit of a sine at <paramref name="frequency"/> (and DC):
    /// everything the resampler added (images, aliases) besides the wanted tone.
    /// </summary>
    public static double ResidualRms(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        // Solve the 3x3 normal equations for y ≈ a cos + b sin + d.
        double scc = 0, sss = 0, scs = 0, sc = 0, ss = 0, n = samples.Length, syc = 0, sys = 0, sy = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double w = 2 * Math.PI * frequency * i / sampleRate;
            double cw = Math.Cos(w), sw = Math.Sin(w), y = samples[i];
            scc += cw * cw; sss += sw * sw; scs += cw * sw; sc += cw; ss += sw;
            syc += y * cw; sys += y * sw; sy += y;
        }

        double[,] m = { { scc, scs, sc }, { scs, sss, ss }, { sc, ss, n } };
        double[] rhs = { syc, sys, sy };
        double[] x = Solve3(m, rhs);
        double sum = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double w = 2 * Math.PI * frequency * i / sampleRate;
            double e = samples[i] - ((x[0] * Math.Cos(w)) + (x[1] * Math.Sin(w)) + x[2]);
            sum += e * e;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The RMS of the samples.</summary>
    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float v in samples)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Amplitude ratio in dB.</summary>
    public static double Db(double ratio) => 20 * Math.Log10(ratio);

    /// <summary>Splits <paramref name="length"/> into random chunk sizes in [0, <paramref name="maxChunk"/>] from a fixed seed.</summary>
    public static List<int> RandomChunks(int length, int maxChunk, int seed)
    {
        var random = new Random(seed);
        var chunks = new List<int>();
        int remaining = length;
        while (remaining > 0)
        {
            int n = Math.Min(remaining, random.Next(0, maxChunk + 1));
            chunks.Add(n);
            remaining -= n;
        }

        return chunks;
    }

    private static double[] Solve3(double[,] a, double[] b)
    {
        // Cramer's rule is enough for a well-conditioned 3x3 system.
        double det = Det(a);
        var x = new double[3];
        for (int col = 0; col < 3; col++)
        {
            var m = (double[,])a.Clone();
            for (int row = 0; row < 3; row++)
            {
                m[row, col] = b[row];
            }

            x[col] = Det(m) / det;
        }

        return x;
    }

    private static double Det(double[,] m) =>
        (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
        - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
        + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));
}
