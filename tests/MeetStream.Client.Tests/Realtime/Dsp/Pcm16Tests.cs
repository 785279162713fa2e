using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Tests.Realtime.Dsp;

public sealed class Pcm16Tests
{
    [Fact]
    public void GetSampleCount_EvenByteCount_ReturnsHalf()
    {
        Assert.Equal(960, Pcm16.GetSampleCount(1920));
        Assert.Equal(0, Pcm16.GetSampleCount(0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1921)]
    [InlineData(-2)]
    public void GetSampleCount_OddOrNegativeByteCount_ThrowsArgumentException(int bytes)
    {
        var exception = Assert.Throws<ArgumentException>(() => Pcm16.GetSampleCount(bytes));

        Assert.Contains("even number of bytes", exception.Message, StringComparison.Ordinal);
        Assert.Contains(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsSamples_OddLength_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => Pcm16.AsSamples(new byte[3].AsSpan()));

        Assert.Contains("even number of bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsSamples_LittleEndianBytes_ReadsSamplesInPlaceEvenWhenUnaligned()
    {
        byte[] frame = [0xFF, 0x01, 0x00, 0xFF, 0x7F, 0x00, 0x80];

        ReadOnlySpan<short> samples = Pcm16.AsSamples(frame.AsSpan(1));

        Assert.Equal([1, 32767, -32768], samples.ToArray());
    }

    [Fact]
    public void ToSamplesAndToBytes_RoundTripLittleEndian()
    {
        byte[] pcm = [0x34, 0x12, 0xFE, 0xFF];
        var samples = new short[2];
        var bytes = new byte[4];

        Assert.Equal(2, Pcm16.ToSamples(pcm, samples));
        Assert.Equal(4, Pcm16.ToBytes(samples, bytes));

        Assert.Equal([0x1234, -2], samples);
        Assert.Equal(pcm, bytes);
        Assert.Equal(pcm, Pcm16.AsBytes(samples).ToArray());
    }

    [Fact]
    public void ToFloat_ScalesByOneOver32768()
    {
        short[] samples = [0, 16384, -32768, 32767, -1];
        var floats = new float[5];

        Pcm16.ToFloat(samples, floats);

        Assert.Equal([0f, 0.5f, -1f, 32767f / 32768f, -1f / 32768f], floats);
    }

    [Fact]
    public void ToFloat_FromBytes_MatchesFromSamples()
    {
        var random = new Random(1);
        var samples = new short[101];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var bytes = new byte[202];
        Pcm16.ToBytes(samples, bytes);
        var fromBytes = new float[101];
        var fromSamples = new float[101];

        Pcm16.ToFloat(bytes, fromBytes);
        Pcm16.ToFloat(samples, fromSamples);

        Assert.Equal(fromSamples, fromBytes);
    }

    [Fact]
    public void FromFloat_RoundsToNearestAndClamps()
    {
        float[] floats = [0f, 0.5f, -1f, 1f, 1.5f, -2f, 0.4f / 32768, 0.6f / 32768, -0.6f / 32768, float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        var samples = new short[floats.Length];

        Pcm16.FromFloat(floats, samples);

        Assert.Equal([0, 16384, -32768, 32767, 32767, -32768, 0, 1, -1, 0, 32767, -32768], samples);
    }

    [Fact]
    public void FromFloat_VectorAndScalarPaths_Agree()
    {
        // 67 samples: whole vectors plus a scalar tail; values around every rounding boundary.
        var random = new Random(2);
        var floats = new float[67];
        for (int i = 0; i < floats.Length; i++)
        {
            floats[i] = (float)((random.NextDouble() * 2.4) - 1.2);
        }

        floats[3] = 2.5f / 32768;
        floats[64] = 2.5f / 32768;
        var samples = new short[67];

        Pcm16.FromFloat(floats, samples);

        for (int i = 0; i < floats.Length; i++)
        {
            Assert.Equal(Pcm16.ToShort(floats[i]), samples[i]);
        }

        Assert.Equal(3, samples[3]);
    }

    [Fact]
    public void FromFloat_ToBytes_WritesLittleEndian()
    {
        var bytes = new byte[4];

        Assert.Equal(4, Pcm16.FromFloat([0.5f, -1f], bytes));

        Assert.Equal([0x00, 0x40, 0x00, 0x80], bytes);
    }

    [Fact]
    public void ShortToFloatToShort_IsLossless()
    {
        var all = new short[65536];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = (short)(i - 32768);
        }

        var floats = new float[all.Length];
        var back = new short[all.Length];
        Pcm16.ToFloat(all, floats);
        Pcm16.FromFloat(floats, back);

        Assert.Equal(all, back);
    }

    [Fact]
    public void Conversions_DestinationTooShort_ThrowArgumentExceptionNamingTheSizes()
    {
        var exception = Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new short[10], new float[9]));
        Assert.Throws<ArgumentException>(() => Pcm16.ToSamples(new byte[4], new short[1]));
        Assert.Throws<ArgumentException>(() => Pcm16.ToBytes(new short[2], new byte[3]));
        Assert.Throws<ArgumentException>(() => Pcm16.FromFloat(new float[2], new short[1]));
        Assert.Throws<ArgumentException>(() => Pcm16.FromFloat(new float[2], new byte[3]));
        Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new byte[3], new float[8]));

        Assert.Equal("destination", exception.ParamName);
        Assert.Contains("holds 9 elements but 10 are needed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDuration_SamplesAtRate_ReturnsTime()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(20), Pcm16.GetDuration(960));
        Assert.Equal(TimeSpan.FromSeconds(1.5), Pcm16.GetDuration(24000, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pcm16.GetDuration(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pcm16.GetDuration(1, 0));
    }
}
