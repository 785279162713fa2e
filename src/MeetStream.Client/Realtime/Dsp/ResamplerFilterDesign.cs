namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// Designs the Kaiser-windowed sinc low-pass of <see cref="PcmResampler"/> and splits it into polyphase branches.
/// </summary>
internal static class ResamplerFilterDesign
{
    /// <summary>The branch length multiple the dot-product algorithm needs (the widest vector, 16 floats).</summary>
    internal const int DotProductAlignment = 16;

    /// <summary>Designs the prototype low-pass and returns its polyphase branches, stored contiguously and reversed.</summary>
    /// <param name="up">Interpolation factor L (output rate / gcd).</param>
    /// <param name="down">Decimation factor M (input rate / gcd).</param>
    /// <param name="passbandEnd">Pass band end as a fraction of the lower Nyquist frequency.</param>
    /// <param name="attenuationDb">Stop band attenuation in dB.</param>
    /// <param name="tapMultiple">The branch length K is padded to a multiple of this.</param>
    /// <param name="tapsPerBranch">Receives the padded branch length K.</param>
    /// <param name="prototypeLength">Receives the prototype length N (<c>up * tapsPerBranch</c>).</param>
    /// <returns>
    /// <c>up * tapsPerBranch</c> coefficients. Branch <c>p</c> starts at <c>p * tapsPerBranch</c>; its coefficient
    /// <c>j</c> multiplies input sample <c>x[i - (K - 1 - j)]</c>, so a branch is dotted with the K input samples that
    /// end at <c>x[i]</c> in ascending order. Each branch sums to exactly 1 (unit DC gain at every phase).
    /// </returns>
    internal static float[] Design(int up, int down, double passbandEnd, double attenuationDb, int tapMultiple, out int tapsPerBranch, out int prototypeLength)
    {
        // Everything is normalised to the prototype rate (L times the input rate): 1.0 = that rate.
        // The lower Nyquist is min(input, output) / 2 = 0.5 / max(L, M) in those units.
        double nyquist = 0.5 / Math.Max(up, down);
        double stopband = nyquist;                 // nothing at or above the lower Nyquist survives
        double passband = nyquist * passbandEnd;
        double cutoff = (passband + stopband) / 2;
        double transition = 2 * Math.PI * (stopband - passband);

        // Kaiser's estimates for length and shape.
        int n = (int)Math.Ceiling((attenuationDb - 7.95) / (2.285 * transition)) + 1;
        n = Math.Max(n, 2);
        double beta = attenuationDb > 50
            ? 0.1102 * (attenuationDb - 8.7)
            : attenuationDb >= 21 ? (0.5842 * Math.Pow(attenuationDb - 21, 0.4)) + (0.07886 * (attenuationDb - 21)) : 0;

        int taps = (n + up - 1) / up;
        taps = (taps + tapMultiple - 1) / tapMultiple * tapMultiple;

        // The padded branches cost the same whatever they hold: spend the padding on a longer (steeper) filter.
        n = taps * up;
        var prototype = new double[taps * up];
        double centre = (n - 1) / 2.0;
        double i0Beta = BesselI0(beta);
        for (int j = 0; j < n; j++)
        {
            double t = j - centre;
            double x = 2 * cutoff * t;
            double sinc = Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            double r = n == 1 ? 0 : (2.0 * j / (n - 1)) - 1;
            double window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (r * r)))) / i0Beta;
            prototype[j] = 2 * cutoff * sinc * window;
        }

        var branches = new float[taps * up];
        for (int p = 0; p < up; p++)
        {
            double sum = 0;
            for (int k = 0; k < taps; k++)
            {
                sum += prototype[p + (k * up)];
            }

            for (int k = 0; k < taps; k++)
            {
                // Reverse: coefficient for x[i - k] goes to slot K - 1 - k. Normalise the branch to unit DC gain.
                branches[(p * taps) + (taps - 1 - k)] = (float)(prototype[p + (k * up)] / sum);
            }
        }

        tapsPerBranch = taps;
        prototypeLength = n;
        return branches;
    }

    /// <summary>The zeroth-order modified Bessel function of the first kind (power series).</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; k < 64; k++)
        {
            term *= half / k;
            double add = term * term;
            sum += add;
            if (add < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
