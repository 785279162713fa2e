using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Tests.Realtime.Dsp;

public sealed class PcmResamplerTests
{
    private const double ToneAmplitude = 0.5;

    public static TheoryData<int, int, double> PassbandTones => new()
    {
        // 48 -> 16 kHz: the pass band ends at 0.8 x 8 kHz = 6.4 kHz.
        { 48000, 16000, 50 }, { 48000, 16000, 440 }, { 48000, 16000, 1000 }, { 48000, 16000, 3400 }, { 48000, 16000, 6000 }, { 48000, 16000, 6400 },
        // 48 -> 24 kHz: the pass band ends at 0.8 x 12 kHz = 9.6 kHz.
        { 48000, 24000, 50 }, { 48000, 24000, 1000 }, { 48000, 24000, 5000 }, { 48000, 24000, 9000 }, { 48000, 24000, 9600 },
        // Up-sampling: the pass band is that of the input.
        { 16000, 48000, 100 }, { 16000, 48000, 3000 }, { 16000, 48000, 6400 },
        { 24000, 48000, 100 }, { 24000, 48000, 9600 },
        { 44100, 48000, 1000 }, { 44100, 48000, 17000 }, { 48000, 44100, 17000 },
    };

    public static TheoryData<int, int, double> StopbandTones => new()
    {
        // Everything at or above the new Nyquist frequency must go (it would alias).
        { 48000, 16000, 8050 }, { 48000, 16000, 8500 }, { 48000, 16000, 10000 }, { 48000, 16000, 12000 }, { 48000, 16000, 16000 }, { 48000, 16000, 20000 }, { 48000, 16000, 23900 },
        { 48000, 24000, 12050 }, { 48000, 24000, 13000 }, { 48000, 24000, 16000 }, { 48000, 24000, 20000 }, { 48000, 24000, 23900 },
        { 48000, 44100, 22100 }, { 48000, 44100, 23000 },
    };

    public static TheoryData<int, int, double> UpsamplingTones => new()
    {
        // The images of these tones (at k x input rate +- f) must be removed.
        { 16000, 48000, 200 }, { 16000, 48000, 1000 }, { 16000, 48000, 3000 }, { 16000, 48000, 6000 }, { 16000, 48000, 7900 },
        { 24000, 48000, 1000 }, { 24000, 48000, 9000 }, { 24000, 48000, 11900 },
        { 8000, 48000, 1000 }, { 8000, 48000, 3900 },
    };

    [Theory]
    [MemberData(nameof(PassbandTones))]
    public void Process_ToneBelowNewNyquist_PassesWithinHalfDecibel(int inputRate, int outputRate, double frequency)
    {
        var resampler = new PcmResampler(inputRate, outputRate);

        float[] output = ResampleOneShot(resampler, TestSignals.Sine(frequency, inputRate, inputRate, ToneAmplitude));

        double gainDb = TestSignals.Db(TestSignals.Amplitude(SteadyState(output, outputRate), frequency, outputRate) / ToneAmplitude);
        Assert.InRange(gainDb, -0.5, 0.5);
    }

    [Theory]
    [MemberData(nameof(StopbandTones))]
    public void Process_ToneAboveNewNyquist_IsAttenuatedAtLeast60Decibels(int inputRate, int outputRate, double frequency)
    {
        var resampler = new PcmResampler(inputRate, outputRate);

        float[] output = ResampleOneShot(resampler, TestSignals.Sine(frequency, inputRate, inputRate, ToneAmplitude));

        // Whatever comes out is an alias of the tone: all of it counts.
        double levelDb = TestSignals.Db(TestSignals.Rms(SteadyState(output, outputRate)) * Math.Sqrt(2) / ToneAmplitude);
        Assert.True(levelDb <= -60, $"{frequency} Hz at {inputRate} -> {outputRate} Hz came out at {levelDb:0.0} dB; at most -60 dB expected.");
    }

    [Theory]
    [MemberData(nameof(UpsamplingTones))]
    public void Process_Upsampling_SuppressesImagesBy60Decibels(int inputRate, int outputRate, double frequency)
    {
        var resampler = new PcmResampler(inputRate, outputRate);

        float[] output = ResampleOneShot(resampler, TestSignals.Sine(frequency, inputRate, inputRate, ToneAmplitude));

        double residualDb = TestSignals.Db(TestSignals.ResidualRms(SteadyState(output, outputRate), frequency, outputRate) * Math.Sqrt(2) / ToneAmplitude);
        Assert.True(residualDb <= -60, $"Images of {frequency} Hz at {inputRate} -> {outputRate} Hz are at {residualDb:0.0} dB; at most -60 dB expected.");
    }

    [Theory]
    [InlineData(48000, 16000)]
    [InlineData(48000, 24000)]
    [InlineData(16000, 48000)]
    [InlineData(24000, 48000)]
    [InlineData(44100, 48000)]
    [InlineData(48000, 8000)]
    public void Process_ConstantInput_HasUnitDcGain(int inputRate, int outputRate)
    {
        var resampler = new PcmResampler(inputRate, outputRate);
        var input = new float[inputRate / 5];
        Array.Fill(input, 0.25f);

        float[] output = ResampleOneShot(resampler, input);

        foreach (float value in output.AsSpan(output.Length / 2))
        {
            Assert.Equal(0.25, value, 1e-5);
        }
    }

    [Fact]
    public void Process_ConstantPcm16_ReproducesTheValue()
    {
        var resampler = new PcmResampler(48000, 16000);
        var input = new short[4800];
        Array.Fill(input, (short)12345);
        var output = new short[resampler.GetOutputLength(input.Length)];

        resampler.Process(input, output);

        foreach (short value in output.AsSpan(800))
        {
            Assert.InRange(value, 12344, 12346);
        }
    }

    [Theory]
    [InlineData(48000, 16000, 1)]
    [InlineData(48000, 24000, 2)]
    [InlineData(16000, 48000, 3)]
    [InlineData(24000, 48000, 4)]
    [InlineData(44100, 48000, 5)]
    [InlineData(48000, 44100, 6)]
    [InlineData(22050, 16000, 7)]
    public void Process_RandomChunkSizes_GivesExactlyTheOneShotOutput(int inputRate, int outputRate, int seed)
    {
        short[] input = TestSignals.ToPcm(TestSignals.Sine(997, inputRate, inputRate, 0.7));
        short[] expected = ResampleOneShot(new PcmResampler(inputRate, outputRate), input);
        var streaming = new PcmResampler(inputRate, outputRate);
        var actual = new List<short>();
        int position = 0;

        // Chunks from 0 to 5000 samples: empty calls, single samples, and chunks longer than the internal block.
        foreach (int chunk in TestSignals.RandomChunks(input.Length, 5000, seed))
        {
            var output = new short[streaming.GetMaxOutputLength(chunk)];
            int written = streaming.Process(input.AsSpan(position, chunk), output);
            actual.AddRange(output.AsSpan(0, written));
            position += chunk;
        }

        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public void Process_RandomChunkSizesOfFloats_GivesExactlyTheOneShotOutput()
    {
        float[] input = TestSignals.Sine(440, 48000, 48000, 0.7);
        float[] expected = ResampleOneShot(new PcmResampler(48000, 24000), input);
        var streaming = new PcmResampler(48000, 24000);
        var actual = new List<float>();
        int position = 0;

        foreach (int chunk in TestSignals.RandomChunks(input.Length, 3000, 11))
        {
            var output = new float[streaming.GetOutputLength(chunk)];
            streaming.Process(input.AsSpan(position, chunk), output);
            actual.AddRange(output);
            position += chunk;
        }

        Assert.Equal(expected, actual.ToArray());
    }

    [Theory]
    [InlineData(48000, 16000, 960, 320)]
    [InlineData(48000, 24000, 960, 480)]
    [InlineData(16000, 48000, 320, 960)]
    [InlineData(24000, 48000, 480, 960)]
    [InlineData(48000, 8000, 960, 160)]
    [InlineData(44100, 48000, 882, 960)]
    public void Process_TwentyMillisecondFrames_ProduceExactlyTwentyMillisecondsEach(int inputRate, int outputRate, int frameIn, int frameOut)
    {
        var resampler = new PcmResampler(inputRate, outputRate);
        var input = new short[frameIn];
        var output = new short[frameOut];

        for (int frame = 0; frame < 100; frame++)
        {
            Assert.Equal(frameOut, resampler.GetOutputLength(frameIn));
            Assert.Equal(frameOut, resampler.Process(input, output));
        }
    }

    [Theory]
    [InlineData(48000, 16000, 21)]
    [InlineData(48000, 24000, 22)]
    [InlineData(16000, 48000, 23)]
    [InlineData(44100, 48000, 24)]
    [InlineData(48000, 44100, 25)]
    public void GetOutputLength_AnyChunkSequence_PredictsEachCallAndTotalsCeilOfTimesRatio(int inputRate, int outputRate, int seed)
    {
        var resampler = new PcmResampler(inputRate, outputRate);
        long totalIn = 0, totalOut = 0;

        foreach (int chunk in TestSignals.RandomChunks(100_000, 700, seed))
        {
            int predicted = resampler.GetOutputLength(chunk);
            Assert.InRange(predicted, 0, resampler.GetMaxOutputLength(chunk));
            int written = resampler.Process(new short[chunk], new short[predicted]);
            Assert.Equal(predicted, written);
            totalIn += chunk;
            totalOut += written;
            long up = resampler.UpFactor, down = resampler.DownFactor;
            Assert.Equal(((totalIn * up) + down - 1) / down, totalOut);
        }
    }

    [Fact]
    public void GetOutputLength_SingleSamplesAt48To24_AlternatesOneAndZero()
    {
        var resampler = new PcmResampler(48000, 24000);
        var counts = new List<int>();

        for (int i = 0; i < 6; i++)
        {
            counts.Add(resampler.Process(new short[1], new short[1]));
        }

        Assert.Equal([1, 0, 1, 0, 1, 0], counts);
    }

    [Fact]
    public void Process_OutputTooShort_ThrowsArgumentExceptionAndConsumesNothing()
    {
        short[] input = TestSignals.ToPcm(TestSignals.Sine(440, 48000, 960));
        var resampler = new PcmResampler(48000, 16000);

        var exception = Assert.Throws<ArgumentException>(() => resampler.Process(input, new short[319]));

        Assert.Equal("output", exception.ParamName);
        Assert.Contains("produce 320 output samples", exception.Message, StringComparison.Ordinal);
        Assert.Contains("holds 319", exception.Message, StringComparison.Ordinal);
        var output = new short[320];
        resampler.Process(input, output);
        Assert.Equal(ResampleOneShot(new PcmResampler(48000, 16000), input), output);
    }

    [Theory]
    [InlineData(0, 16000, "inputSampleRate")]
    [InlineData(-48000, 16000, "inputSampleRate")]
    [InlineData(48000, 0, "outputSampleRate")]
    [InlineData(48000, 768_001, "outputSampleRate")]
    public void Constructor_BadRate_ThrowsArgumentOutOfRangeNamingTheRate(int inputRate, int outputRate, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new PcmResampler(inputRate, outputRate));

        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains("between 1 and 768000 Hz", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_IrreducibleRatio_ThrowsArgumentOutOfRangeExplainingTheLimit()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new PcmResampler(48000, 47999));

        Assert.Contains("reduces to 47999/48000", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1024", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.3, 70, "PassbandEnd")]
    [InlineData(0.99, 70, "PassbandEnd")]
    [InlineData(double.NaN, 70, "PassbandEnd")]
    [InlineData(0.8, 20, "StopbandAttenuation")]
    [InlineData(0.8, double.NaN, "StopbandAttenuation")]
    public void Constructor_OptionOutOfRange_ThrowsArgumentOutOfRangeNamingTheOption(double passband, double attenuation, string option)
    {
        var options = new PcmResamplerOptions { PassbandEnd = passband, StopbandAttenuation = attenuation };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new PcmResampler(48000, 16000, options));

        Assert.Equal(option, exception.ParamName);
    }

    [Fact]
    public void GetOutputLength_NegativeLength_ThrowsArgumentOutOfRange()
    {
        var resampler = new PcmResampler(48000, 16000);

        Assert.Throws<ArgumentOutOfRangeException>(() => resampler.GetOutputLength(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => resampler.GetMaxOutputLength(-1));
    }

    [Fact]
    public void Constructor_CommonRates_ReducesTheRatio()
    {
        var down = new PcmResampler(48000, 16000);
        var cd = new PcmResampler(44100, 48000);

        Assert.Equal((1, 3), (down.UpFactor, down.DownFactor));
        Assert.Equal((160, 147), (cd.UpFactor, cd.DownFactor));
        Assert.Equal(ResamplerAlgorithm.FilterBank, down.Algorithm);
        Assert.Equal(0, down.TapsPerOutput % 3);
        Assert.Equal(ResamplerAlgorithm.DotProduct, cd.Algorithm);
        Assert.Equal(0, cd.TapsPerOutput % 16);
    }

    [Fact]
    public void Process_StepInput_CrossesHalfwayAfterTheReportedLatency()
    {
        var resampler = new PcmResampler(48000, 16000);
        var input = new float[4800];
        input.AsSpan(2400).Fill(1f);

        float[] output = ResampleOneShot(resampler, input);

        int crossing = Array.FindIndex(output, v => v >= 0.5f);
        double crossingSeconds = crossing / 16000.0;
        double expectedSeconds = (2400 / 48000.0) + resampler.Latency.TotalSeconds;
        Assert.InRange(crossingSeconds - expectedSeconds, -1.0 / 16000, 1.0 / 16000);
        Assert.InRange(resampler.Latency, TimeSpan.FromMilliseconds(0.5), TimeSpan.FromMilliseconds(3));
    }

    [Fact]
    public void Flush_AfterImpulseAtTheEnd_EmitsTheDelayedImpulseAndResets()
    {
        var resampler = new PcmResampler(16000, 48000);
        var input = new float[320];
        input[^1] = 1f;
        var output = new float[resampler.GetOutputLength(input.Length)];
        resampler.Process(input, output);

        var tail = new float[resampler.GetFlushLength()];
        int written = resampler.Flush(tail);

        Assert.Equal(tail.Length, written);
        Assert.True(tail.Max() > 0.5f, "The impulse's peak comes out of Flush.");
        Assert.True(output.Max(Math.Abs) < 0.2f, "Before Flush only the start of the impulse response is out.");
        float[] fresh = ResampleOneShot(new PcmResampler(16000, 48000), TestSignals.Sine(300, 16000, 320));
        Assert.Equal(fresh, ResampleOneShot(resampler, TestSignals.Sine(300, 16000, 320)));
    }

    [Fact]
    public void Flush_OutputTooShort_ThrowsArgumentException()
    {
        var resampler = new PcmResampler(48000, 16000);
        resampler.Process(new short[960], new short[320]);

        Assert.Throws<ArgumentException>(() => resampler.Flush(new short[resampler.GetFlushLength() - 1]));
    }

    [Fact]
    public void Reset_MidStream_RestartsLikeANewInstance()
    {
        short[] input = TestSignals.ToPcm(TestSignals.Sine(1000, 48000, 1000));
        var resampler = new PcmResampler(48000, 24000);
        resampler.Process(input.AsSpan(0, 333), new short[200]);

        resampler.Reset();

        Assert.Equal(ResampleOneShot(new PcmResampler(48000, 24000), input), ResampleOneShot(resampler, input));
    }

    [Fact]
    public void Process_EqualRates_CopiesAndConvertsWithoutDelay()
    {
        var resampler = new PcmResampler(48000, 48000);
        short[] input = [0, 16384, -32768, 32767];
        var shorts = new short[4];
        var floats = new float[4];

        resampler.Process(input, shorts);
        resampler.Process(input, floats);

        Assert.Equal(input, shorts);
        Assert.Equal([0f, 0.5f, -1f, 32767 / 32768f], floats);
        Assert.Equal(TimeSpan.Zero, resampler.Latency);
        Assert.Equal(0, resampler.GetFlushLength());
    }

    [Fact]
    public void Process_MixedSampleTypes_AgreeWithinOneLsb()
    {
        short[] input = TestSignals.ToPcm(TestSignals.Sine(700, 48000, 4800, 0.8));
        var shortOut = new short[1600];
        var floatOut = new float[1600];

        new PcmResampler(48000, 16000).Process(input, shortOut);
        new PcmResampler(48000, 16000).Process(input, floatOut);

        for (int i = 0; i < shortOut.Length; i++)
        {
            Assert.InRange(shortOut[i] - (floatOut[i] * 32768), -0.5001, 0.5001);
        }
    }

    [Fact]
    public void Process_LoudInput_ClampsPcm16InsteadOfWrapping()
    {
        // A full-scale square wave overshoots after low-pass filtering (Gibbs); PCM16 output must clamp.
        var input = new short[4800];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (i / 24 % 2 == 0) ? short.MaxValue : short.MinValue;
        }

        var output = new short[1600];
        var reference = new float[1600];
        new PcmResampler(48000, 16000).Process(input, output);
        new PcmResampler(48000, 16000).Process(input, reference);

        int overshoots = 0;
        for (int i = 0; i < output.Length; i++)
        {
            double exact = reference[i] * 32768.0;
            if (exact > 32767 || exact < -32768)
            {
                overshoots++;
                Assert.Equal(exact > 0 ? short.MaxValue : short.MinValue, output[i]);
            }
        }

        Assert.True(overshoots > 10, "The test signal overshoots full scale.");
    }

    [Theory]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector128, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector256, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector512, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector512, 16000, 48000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector512, 48000, 24000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector256, 48000, 24000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector512, 24000, 48000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector256, 24000, 16000)]
    [InlineData((int)ResamplerAlgorithm.DotProduct, (int)VectorWidth.Vector128, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.DotProduct, (int)VectorWidth.Vector256, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.DotProduct, (int)VectorWidth.Vector512, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.DotProduct, (int)VectorWidth.Vector512, 44100, 48000)]
    public void Process_EveryVectorWidth_MatchesScalarCode(int algorithmValue, int widthValue, int inputRate, int outputRate)
    {
        var algorithm = (ResamplerAlgorithm)algorithmValue;
        var width = (VectorWidth)widthValue;
        PcmResampler resampler;
        try
        {
            resampler = new PcmResampler(inputRate, outputRate, new PcmResamplerOptions { Algorithm = algorithm, Width = width });
        }
        catch (PlatformNotSupportedException)
        {
            Assert.Skip($"{width} is not supported on this machine.");
            return;
        }

        float[] input = TestSignals.Sine(1234, inputRate, inputRate / 5, 0.9);
        var scalar = new PcmResampler(inputRate, outputRate, new PcmResamplerOptions { Algorithm = algorithm, Width = VectorWidth.Scalar });
        float[] expected = ResampleOneShot(scalar, input);

        float[] actual = ResampleOneShot(resampler, input);

        Assert.Equal((algorithm, width), (resampler.Algorithm, resampler.Width));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(48000, 16000, 1000, true)]
    [InlineData(48000, 16000, 6400, true)]
    [InlineData(48000, 16000, 8100, false)]
    [InlineData(48000, 16000, 15000, false)]
    [InlineData(48000, 24000, 9600, true)]
    [InlineData(48000, 24000, 12100, false)]
    public void Process_DotProductAlgorithm_MeetsTheSameResponse(int inputRate, int outputRate, double frequency, bool passes)
    {
        var resampler = new PcmResampler(inputRate, outputRate, new PcmResamplerOptions { Algorithm = ResamplerAlgorithm.DotProduct });

        float[] output = ResampleOneShot(resampler, TestSignals.Sine(frequency, inputRate, inputRate, ToneAmplitude));

        double levelDb = TestSignals.Db(TestSignals.Rms(SteadyState(output, outputRate)) * Math.Sqrt(2) / ToneAmplitude);
        if (passes)
        {
            Assert.InRange(levelDb, -0.5, 0.5);
        }
        else
        {
            Assert.True(levelDb <= -60, $"{frequency} Hz came out at {levelDb:0.0} dB.");
        }
    }

    [Theory]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Auto, 48000, 8000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Auto, 16000, 24000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Auto, 24000, 16000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector256, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector256, 48000, 24000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Vector128, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.FilterBank, (int)VectorWidth.Scalar, 16000, 48000)]
    [InlineData((int)ResamplerAlgorithm.DotProduct, (int)VectorWidth.Auto, 48000, 16000)]
    [InlineData((int)ResamplerAlgorithm.DotProduct, (int)VectorWidth.Auto, 16000, 48000)]
    public void Process_RandomChunkSizesWithEveryAlgorithmAndWidth_GivesExactlyTheOneShotOutput(int algorithmValue, int widthValue, int inputRate, int outputRate)
    {
        var options = new PcmResamplerOptions { Algorithm = (ResamplerAlgorithm)algorithmValue, Width = (VectorWidth)widthValue };
        PcmResampler streaming;
        try
        {
            streaming = new PcmResampler(inputRate, outputRate, options);
        }
        catch (PlatformNotSupportedException)
        {
            Assert.Skip($"{options.Width} is not supported on this machine.");
            return;
        }

        short[] input = TestSignals.ToPcm(TestSignals.Sine(997, inputRate, inputRate, 0.7));
        short[] expected = ResampleOneShot(new PcmResampler(inputRate, outputRate, options), input);
        var actual = new List<short>();
        int position = 0;

        foreach (int chunk in TestSignals.RandomChunks(input.Length, 4000, algorithmValue + widthValue + inputRate))
        {
            var output = new short[streaming.GetOutputLength(chunk)];
            streaming.Process(input.AsSpan(position, chunk), output);
            actual.AddRange(output);
            position += chunk;
        }

        Assert.Equal(expected, actual.ToArray());
    }

    [Fact]
    public void Process_SteadyState_AllocatesNothing()
    {
        var resampler = new PcmResampler(48000, 16000);
        var input = new short[960];
        var output = new short[320];
        var floats = new float[320];
        resampler.Process(input, output);
        resampler.Process(input, floats);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            resampler.Process(input, output);
            resampler.Process(input, floats);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static float[] ResampleOneShot(PcmResampler resampler, float[] input)
    {
        var output = new float[resampler.GetOutputLength(input.Length)];
        Assert.Equal(output.Length, resampler.Process(input, output));
        return output;
    }

    private static short[] ResampleOneShot(PcmResampler resampler, short[] input)
    {
        var output = new short[resampler.GetOutputLength(input.Length)];
        Assert.Equal(output.Length, resampler.Process(input, output));
        return output;
    }

    /// <summary>The output without its first 20 ms (filter start-up) and last sample.</summary>
    private static ReadOnlySpan<float> SteadyState(float[] output, int rate) => output.AsSpan(rate / 50, output.Length - (rate / 50) - 1);
}
