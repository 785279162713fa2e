using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// Conversions for 16-bit signed little-endian PCM, the format of MeetStream's live audio (§4.2) and of
/// <c>sendaudio</c> (§4.3): bytes ↔ <see cref="short"/> samples ↔ <see cref="float"/> samples in [-1, 1).
/// </summary>
/// <remarks>
/// <para>Scaling: a sample <c>s</c> maps to <c>s / 32768f</c>; a float <c>f</c> maps to <c>floor(f * 32768 + 0.5)</c>
/// clamped to [-32768, 32767] (NaN becomes 0). Converting a short to float and back is lossless.</para>
/// <para>All methods are vectorised, allocate nothing and are thread-safe. Destinations must be at least as long as
/// the number of samples converted; the methods return that number.</para>
/// </remarks>
public static class Pcm16
{
    /// <summary>The size of one PCM16 sample in bytes.</summary>
    public const int BytesPerSample = 2;

    /// <summary>The sample rate of MeetStream's live audio and of <c>sendaudio</c> (48 kHz).</summary>
    public const int MeetStreamSampleRate = 48_000;

    private const float ToFloatScale = 1f / 32768f;
    private const float FromFloatScale = 32768f;

    /// <summary>Returns the number of samples in <paramref name="byteCount"/> bytes of PCM16.</summary>
    /// <param name="byteCount">A byte count; must be even and not negative.</param>
    /// <returns><paramref name="byteCount"/> / 2.</returns>
    /// <exception cref="ArgumentException"><paramref name="byteCount"/> is odd or negative.</exception>
    public static int GetSampleCount(int byteCount)
    {
        if (byteCount < 0 || (byteCount & 1) != 0)
        {
            throw new ArgumentException($"PCM16 data must be a non-negative, even number of bytes (2 per sample); got {byteCount}.", nameof(byteCount));
        }

        return byteCount / 2;
    }

    /// <summary>Returns how long <paramref name="sampleCount"/> mono samples last at <paramref name="sampleRate"/>.</summary>
    /// <param name="sampleCount">A sample count; not negative.</param>
    /// <param name="sampleRate">Samples per second; positive. Defaults to MeetStream's 48 kHz.</param>
    /// <returns>The duration, rounded down to a whole tick (100 ns).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the rate is not positive.</exception>
    public static TimeSpan GetDuration(long sampleCount, int sampleRate = MeetStreamSampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return SamplesToTime(sampleCount, sampleRate);
    }

    /// <summary>
    /// Reinterprets PCM16 little-endian bytes as samples without copying (the frame payloads of §4.2 can be read in
    /// place). The span may be unaligned; that is fine on every platform .NET runs on.
    /// </summary>
    /// <param name="pcm">The PCM16 LE bytes; an even number.</param>
    /// <returns>A view of the same memory as samples.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> has an odd length.</exception>
    /// <exception cref="PlatformNotSupportedException">The process runs big-endian; use <see cref="ToSamples"/>.</exception>
    public static ReadOnlySpan<short> AsSamples(ReadOnlySpan<byte> pcm)
    {
        GetSampleCount(pcm.Length);
        EnsureLittleEndian();
        return MemoryMarshal.Cast<byte, short>(pcm);
    }

    /// <summary>Reinterprets a writable PCM16 little-endian byte buffer as samples without copying.</summary>
    /// <param name="pcm">The PCM16 LE bytes; an even number.</param>
    /// <returns>A view of the same memory as samples.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> has an odd length.</exception>
    /// <exception cref="PlatformNotSupportedException">The process runs big-endian; use <see cref="ToBytes"/>.</exception>
    public static Span<short> AsSamples(Span<byte> pcm)
    {
        GetSampleCount(pcm.Length);
        EnsureLittleEndian();
        return MemoryMarshal.Cast<byte, short>(pcm);
    }

    /// <summary>Reinterprets samples as PCM16 little-endian bytes without copying (for example to base64 them for <c>sendaudio</c>).</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>A view of the same memory as bytes.</returns>
    /// <exception cref="PlatformNotSupportedException">The process runs big-endian; use <see cref="ToBytes"/>.</exception>
    public static ReadOnlySpan<byte> AsBytes(ReadOnlySpan<short> samples)
    {
        EnsureLittleEndian();
        return MemoryMarshal.AsBytes(samples);
    }

    /// <summary>Copies PCM16 little-endian bytes into samples (correct on any host byte order).</summary>
    /// <param name="pcm">The PCM16 LE bytes; an even number.</param>
    /// <param name="destination">Receives <c>pcm.Length / 2</c> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> has an odd length or <paramref name="destination"/> is too short.</exception>
    public static int ToSamples(ReadOnlySpan<byte> pcm, Span<short> destination)
    {
        int count = GetSampleCount(pcm.Length);
        EnsureDestination(count, destination.Length, nameof(destination));
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, short>(pcm).CopyTo(destination);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                destination[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.Slice(i * 2));
            }
        }

        return count;
    }

    /// <summary>Copies samples into PCM16 little-endian bytes (correct on any host byte order).</summary>
    /// <param name="samples">The samples.</param>
    /// <param name="destination">Receives <c>samples.Length * 2</c> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int ToBytes(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        EnsureDestination(samples.Length * 2L, destination.Length, nameof(destination));
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(samples).CopyTo(destination);
        }
        else
        {
            for (int i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(destination.Slice(i * 2), samples[i]);
            }
        }

        return samples.Length * 2;
    }

    /// <summary>Converts PCM16 little-endian bytes to float samples in [-1, 1).</summary>
    /// <param name="pcm">The PCM16 LE bytes; an even number.</param>
    /// <param name="destination">Receives <c>pcm.Length / 2</c> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> has an odd length or <paramref name="destination"/> is too short.</exception>
    public static int ToFloat(ReadOnlySpan<byte> pcm, Span<float> destination)
    {
        int count = GetSampleCount(pcm.Length);
        EnsureDestination(count, destination.Length, nameof(destination));
        if (BitConverter.IsLittleEndian)
        {
            ConvertToFloat(MemoryMarshal.Cast<byte, short>(pcm), destination);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                destination[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.Slice(i * 2)) * ToFloatScale;
            }
        }

        return count;
    }

    /// <summary>Converts samples to float samples in [-1, 1) (<c>s / 32768</c>).</summary>
    /// <param name="samples">The samples.</param>
    /// <param name="destination">Receives <c>samples.Length</c> floats.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int ToFloat(ReadOnlySpan<short> samples, Span<float> destination)
    {
        EnsureDestination(samples.Length, destination.Length, nameof(destination));
        ConvertToFloat(samples, destination);
        return samples.Length;
    }

    /// <summary>Converts float samples to PCM16 samples, rounding to nearest and clamping to the 16-bit range.</summary>
    /// <param name="samples">Floats, nominally in [-1, 1].</param>
    /// <param name="destination">Receives <c>samples.Length</c> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int FromFloat(ReadOnlySpan<float> samples, Span<short> destination)
    {
        EnsureDestination(samples.Length, destination.Length, nameof(destination));
        ConvertFromFloat(samples, destination);
        return samples.Length;
    }

    /// <summary>Converts float samples to PCM16 little-endian bytes, rounding to nearest and clamping to the 16-bit range.</summary>
    /// <param name="samples">Floats, nominally in [-1, 1].</param>
    /// <param name="destination">Receives <c>samples.Length * 2</c> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int FromFloat(ReadOnlySpan<float> samples, Span<byte> destination)
    {
        EnsureDestination(samples.Length * 2L, destination.Length, nameof(destination));
        if (BitConverter.IsLittleEndian)
        {
            ConvertFromFloat(samples, MemoryMarshal.Cast<byte, short>(destination));
        }
        else
        {
            for (int i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(destination.Slice(i * 2), ToShort(samples[i]));
            }
        }

        return samples.Length * 2;
    }

    /// <summary>Converts one float sample to PCM16 exactly like the vectorised paths (round half up, clamp, NaN → 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short ToShort(float value)
    {
        float s = MathF.Floor((value * FromFloatScale) + 0.5f);
        if (s >= 32767f)
        {
            return short.MaxValue;
        }

        if (s >= -32768f)
        {
            return (short)s;
        }

        return float.IsNaN(s) ? (short)0 : short.MinValue;
    }

    /// <summary>Converts samples to floats; <paramref name="destination"/> is at least as long as <paramref name="samples"/>.</summary>
    internal static void ConvertToFloat(ReadOnlySpan<short> samples, Span<float> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= Vector<short>.Count)
        {
            ref short src = ref MemoryMarshal.GetReference(samples);
            ref float dst = ref MemoryMarshal.GetReference(destination);
            var scale = new Vector<float>(ToFloatScale);
            int last = samples.Length - Vector<short>.Count;
            for (; i <= last; i += Vector<short>.Count)
            {
                var v = Vector.LoadUnsafe(ref src, (nuint)i);
                Vector.Widen(v, out Vector<int> lo, out Vector<int> hi);
                (Vector.ConvertToSingle(lo) * scale).StoreUnsafe(ref dst, (nuint)i);
                (Vector.ConvertToSingle(hi) * scale).StoreUnsafe(ref dst, (nuint)(i + Vector<int>.Count));
            }
        }

        for (; i < samples.Length; i++)
        {
            destination[i] = samples[i] * ToFloatScale;
        }
    }

    /// <summary>Converts floats to samples; <paramref name="destination"/> is at least as long as <paramref name="samples"/>.</summary>
    internal static void ConvertFromFloat(ReadOnlySpan<float> samples, Span<short> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= Vector<short>.Count)
        {
            ref float src = ref MemoryMarshal.GetReference(samples);
            ref short dst = ref MemoryMarshal.GetReference(destination);
            var scale = new Vector<float>(FromFloatScale);
            var half = new Vector<float>(0.5f);
            var max = new Vector<float>(32767f);
            var min = new Vector<float>(-32768f);
            int last = samples.Length - Vector<short>.Count;
            for (; i <= last; i += Vector<short>.Count)
            {
                var lo = ToInt32(Vector.LoadUnsafe(ref src, (nuint)i), scale, half, max, min);
                var hi = ToInt32(Vector.LoadUnsafe(ref src, (nuint)(i + Vector<int>.Count)), scale, half, max, min);
                Vector.Narrow(lo, hi).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < samples.Length; i++)
        {
            destination[i] = ToShort(samples[i]);
        }
    }

    /// <summary>Converts a sample position to a time at <paramref name="sampleRate"/>, rounded down to a tick.</summary>
    internal static TimeSpan SamplesToTime(long samples, int sampleRate)
    {
        long seconds = Math.DivRem(samples, sampleRate, out long remainder);
        return TimeSpan.FromTicks((seconds * TimeSpan.TicksPerSecond) + (remainder * TimeSpan.TicksPerSecond / sampleRate));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<int> ToInt32(Vector<float> v, Vector<float> scale, Vector<float> half, Vector<float> max, Vector<float> min)
    {
        var s = Vector.Floor((v * scale) + half);
        s = Vector.ConditionalSelect(Vector.Equals(s, s), s, Vector<float>.Zero); // NaN -> 0
        s = Vector.ConditionalSelect(Vector.GreaterThan(s, max), max, s);
        s = Vector.ConditionalSelect(Vector.LessThan(s, min), min, s);
        return Vector.ConvertToInt32(s);
    }

    private static void EnsureDestination(long needed, int available, string name)
    {
        if (available < needed)
        {
            throw new ArgumentException($"The destination is too short: it holds {available} elements but {needed} are needed.", name);
        }
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Reinterpreting PCM16 little-endian data in place needs a little-endian process; use the copying conversions (ToSamples/ToBytes) instead.");
        }
    }
}
