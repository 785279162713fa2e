using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace MeetStream.Client.Realtime.Dsp;

/// <summary>The vector width a <see cref="PcmResampler"/> computes with.</summary>
internal enum VectorWidth
{
    /// <summary>The widest width the hardware accelerates.</summary>
    Auto = 0,

    /// <summary>Plain scalar code.</summary>
    Scalar,

    /// <summary>128-bit vectors (SSE or Arm AdvSimd).</summary>
    Vector128,

    /// <summary>256-bit vectors with FMA3 (x64).</summary>
    Vector256,

    /// <summary>512-bit vectors with AVX-512F (x64).</summary>
    Vector512,
}

/// <summary>The few vector operations the resampler kernels need, implemented once per width so the kernels are written once.</summary>
/// <typeparam name="TVec">The vector type.</typeparam>
internal interface IVectorOps<TVec>
    where TVec : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All zeros.</summary>
    static abstract TVec Zero { get; }

    /// <summary>Loads <see cref="Count"/> floats (unaligned).</summary>
    static abstract TVec Load(ref float source, nuint offset);

    /// <summary>Stores <see cref="Count"/> floats (unaligned).</summary>
    static abstract void Store(TVec value, ref float destination, nuint offset);

    /// <summary>A vector with every lane set to <paramref name="value"/>.</summary>
    static abstract TVec Broadcast(float value);

    /// <summary><c>a * b + addend</c>, fused where the hardware can.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec addend);

    /// <summary>Lane-wise sum.</summary>
    static abstract TVec Add(TVec a, TVec b);

    /// <summary>The sum of all lanes.</summary>
    static abstract float Sum(TVec value);
}

/// <summary>Vector-width selection, the per-width operations, and the two resampling kernels.</summary>
internal static class SimdKernels
{
    /// <summary>Resolves <see cref="VectorWidth.Auto"/> to the widest accelerated width, and rejects unsupported ones.</summary>
    internal static VectorWidth Resolve(VectorWidth requested)
    {
        bool v512 = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;
        bool v256 = Vector256.IsHardwareAccelerated && Fma.IsSupported;
        bool v128 = Vector128.IsHardwareAccelerated;
        return requested switch
        {
            VectorWidth.Auto => v512 ? VectorWidth.Vector512 : v256 ? VectorWidth.Vector256 : v128 ? VectorWidth.Vector128 : VectorWidth.Scalar,
            VectorWidth.Vector512 when !v512 => throw new PlatformNotSupportedException("AVX-512F is not available."),
            VectorWidth.Vector256 when !v256 => throw new PlatformNotSupportedException("AVX2 with FMA is not available."),
            VectorWidth.Vector128 when !v128 => throw new PlatformNotSupportedException("128-bit vectors are not accelerated."),
            _ => requested,
        };
    }

    /// <summary>
    /// Returns the sum of <c>a[i] * b[i]</c> for <c>i</c> in [0, <paramref name="length"/>); <paramref name="length"/>
    /// is a multiple of <see cref="ResamplerFilterDesign.DotProductAlignment"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Dot<TOps, TVec>(ref float a, ref float b, int length)
        where TOps : struct, IVectorOps<TVec>
        where TVec : struct
    {
        int w = TOps.Count;
        TVec acc0 = TOps.Zero, acc1 = TOps.Zero;
        int i = 0;
        for (; i + (2 * w) <= length; i += 2 * w)
        {
            acc0 = TOps.MultiplyAdd(TOps.Load(ref a, (nuint)i), TOps.Load(ref b, (nuint)i), acc0);
            acc1 = TOps.MultiplyAdd(TOps.Load(ref a, (nuint)(i + w)), TOps.Load(ref b, (nuint)(i + w)), acc1);
        }

        if (i < length)
        {
            acc0 = TOps.MultiplyAdd(TOps.Load(ref a, (nuint)i), TOps.Load(ref b, (nuint)i), acc0);
        }

        return TOps.Sum(TOps.Add(acc0, acc1));
    }

    /// <summary>
    /// A bank of FIR filters summed into consecutive outputs, vectorised across outputs (no horizontal sums):
    /// <c>output[t] = Σ_s Σ_j coefficients[s * taps + j] * streams[offsets[s] + t + j]</c> for <c>t</c> in
    /// [0, <paramref name="count"/>) rounded up to a whole vector. The caller guarantees that the rounded-up lanes can
    /// be read and written (they are discarded).
    /// </summary>
    internal static void FilterBank<TOps, TVec>(ref float coefficients, int taps, ReadOnlySpan<int> offsets, ref float streams, ref float output, int count)
        where TOps : struct, IVectorOps<TVec>
        where TVec : struct
    {
        int w = TOps.Count;
        int rounded = (count + w - 1) / w * w;
        int t = 0;
        for (; t + (4 * w) <= rounded; t += 4 * w)
        {
            TVec acc0 = TOps.Zero, acc1 = TOps.Zero, acc2 = TOps.Zero, acc3 = TOps.Zero;
            for (int s = 0; s < offsets.Length; s++)
            {
                ref float c = ref Unsafe.Add(ref coefficients, s * taps);
                ref float x = ref Unsafe.Add(ref streams, offsets[s] + t);
                for (int j = 0; j < taps; j++)
                {
                    TVec k = TOps.Broadcast(Unsafe.Add(ref c, j));
                    acc0 = TOps.MultiplyAdd(TOps.Load(ref x, (nuint)j), k, acc0);
                    acc1 = TOps.MultiplyAdd(TOps.Load(ref x, (nuint)(j + w)), k, acc1);
                    acc2 = TOps.MultiplyAdd(TOps.Load(ref x, (nuint)(j + (2 * w))), k, acc2);
                    acc3 = TOps.MultiplyAdd(TOps.Load(ref x, (nuint)(j + (3 * w))), k, acc3);
                }
            }

            TOps.Store(acc0, ref output, (nuint)t);
            TOps.Store(acc1, ref output, (nuint)(t + w));
            TOps.Store(acc2, ref output, (nuint)(t + (2 * w)));
            TOps.Store(acc3, ref output, (nuint)(t + (3 * w)));
        }

        for (; t < rounded; t += w)
        {
            TVec acc = TOps.Zero;
            for (int s = 0; s < offsets.Length; s++)
            {
                ref float c = ref Unsafe.Add(ref coefficients, s * taps);
                ref float x = ref Unsafe.Add(ref streams, offsets[s] + t);
                for (int j = 0; j < taps; j++)
                {
                    acc = TOps.MultiplyAdd(TOps.Load(ref x, (nuint)j), TOps.Broadcast(Unsafe.Add(ref c, j)), acc);
                }
            }

            TOps.Store(acc, ref output, (nuint)t);
        }
    }

    /// <summary>
    /// Splits PCM16 or float samples whose first belongs to stream 0 into 2 or 3 phase streams with AVX-512 permutes:
    /// sample <c>g * M + s</c> goes to <c>streams[s * capacity + g]</c>. Handles whole groups of 16 × M samples and
    /// returns how many samples it consumed; the caller does the rest.
    /// </summary>
    internal static int Deinterleave512<TIn>(ReadOnlySpan<TIn> input, int down, ref float streams, int capacity)
        where TIn : unmanaged
    {
        int step = 16 * down;
        int groups = input.Length / step;
        ref TIn source = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(input);
        if (down == 2)
        {
            var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
            var odd = even + Vector512<int>.One;
            for (int g = 0; g < groups; g++)
            {
                var a = Load16<TIn>(ref source, g * step);
                var b = Load16<TIn>(ref source, (g * step) + 16);
                Avx512F.PermuteVar16x32x2(a, even, b).StoreUnsafe(ref streams, (nuint)(g * 16));
                Avx512F.PermuteVar16x32x2(a, odd, b).StoreUnsafe(ref streams, (nuint)(capacity + (g * 16)));
            }
        }
        else
        {
            // Stream s takes elements s + 3k of a|b|c: first those below 32 from a|b, then the rest from c.
            var first0 = Vector512.Create(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0);
            var first1 = Vector512.Create(1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0);
            var first2 = Vector512.Create(2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0);
            var second0 = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29);
            var second1 = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30);
            var second2 = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31);
            for (int g = 0; g < groups; g++)
            {
                var a = Load16<TIn>(ref source, g * step);
                var b = Load16<TIn>(ref source, (g * step) + 16);
                var c = Load16<TIn>(ref source, (g * step) + 32);
                Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(a, first0, b), second0, c).StoreUnsafe(ref streams, (nuint)(g * 16));
                Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(a, first1, b), second1, c).StoreUnsafe(ref streams, (nuint)(capacity + (g * 16)));
                Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(a, first2, b), second2, c).StoreUnsafe(ref streams, (nuint)((2 * capacity) + (g * 16)));
            }
        }

        return groups * step;
    }

    /// <summary>
    /// Like <see cref="Deinterleave512"/> with AVX2: splits samples whose first belongs to stream 0 into 2 or 3 phase
    /// streams, 8 positions per stream per step, and returns how many samples it consumed.
    /// </summary>
    internal static int Deinterleave256<TIn>(ReadOnlySpan<TIn> input, int down, ref float streams, int capacity)
        where TIn : unmanaged
    {
        int step = 8 * down;
        int groups = input.Length / step;
        ref TIn source = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(input);
        if (down == 2)
        {
            for (int g = 0; g < groups; g++)
            {
                var a = Load8<TIn>(ref source, g * step);
                var b = Load8<TIn>(ref source, (g * step) + 8);

                // Shuffle takes even (odd) lanes of a and b per 128-bit half; the 64-bit permute puts a's before b's.
                var even = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
                var odd = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
                even.StoreUnsafe(ref streams, (nuint)(g * 8));
                odd.StoreUnsafe(ref streams, (nuint)(capacity + (g * 8)));
            }
        }
        else
        {
            // Stream s takes elements s + 3k of a|b|c: permute each source, then blend the lanes it supplies.
            var a0 = Vector256.Create(0, 3, 6, 0, 0, 0, 0, 0);
            var b0 = Vector256.Create(0, 0, 0, 1, 4, 7, 0, 0);
            var c0 = Vector256.Create(0, 0, 0, 0, 0, 0, 2, 5);
            var a1 = Vector256.Create(1, 4, 7, 0, 0, 0, 0, 0);
            var b1 = Vector256.Create(0, 0, 0, 2, 5, 0, 0, 0);
            var c1 = Vector256.Create(0, 0, 0, 0, 0, 0, 3, 6);
            var a2 = Vector256.Create(2, 5, 0, 0, 0, 0, 0, 0);
            var b2 = Vector256.Create(0, 0, 0, 3, 6, 0, 0, 0);
            var c2 = Vector256.Create(0, 0, 0, 0, 0, 1, 4, 7);
            for (int g = 0; g < groups; g++)
            {
                var a = Load8<TIn>(ref source, g * step);
                var b = Load8<TIn>(ref source, (g * step) + 8);
                var c = Load8<TIn>(ref source, (g * step) + 16);
                var s0 = Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(a, a0), Avx2.PermuteVar8x32(b, b0), 0b0011_1000), Avx2.PermuteVar8x32(c, c0), 0b1100_0000);
                var s1 = Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(a, a1), Avx2.PermuteVar8x32(b, b1), 0b0001_1000), Avx2.PermuteVar8x32(c, c1), 0b1110_0000);
                var s2 = Avx.Blend(Avx.Blend(Avx2.PermuteVar8x32(a, a2), Avx2.PermuteVar8x32(b, b2), 0b0001_1100), Avx2.PermuteVar8x32(c, c2), 0b1110_0000);
                s0.StoreUnsafe(ref streams, (nuint)(g * 8));
                s1.StoreUnsafe(ref streams, (nuint)(capacity + (g * 8)));
                s2.StoreUnsafe(ref streams, (nuint)((2 * capacity) + (g * 8)));
            }
        }

        return groups * step;
    }

    /// <summary>Loads 8 samples as floats in [-1, 1) (PCM16 is widened, converted and scaled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load8<TIn>(ref TIn source, int offset)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(short))
        {
            var pcm = Vector128.LoadUnsafe(ref Unsafe.As<TIn, short>(ref source), (nuint)offset);
            return Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(pcm)) * Vector256.Create(1f / 32768f);
        }

        return Vector256.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source), (nuint)offset);
    }

    /// <summary>
    /// Interleaves 2 or 3 output classes with AVX-512 permutes: <c>output[t * L + r] = classes[r * stride + t]</c> for
    /// <c>t</c> in [0, 16 × <paramref name="groups"/>).
    /// </summary>
    internal static void Interleave512(ref float classes, int stride, int up, ref float output, int groups)
    {
        if (up == 2)
        {
            var low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
            var high = low + Vector512.Create(8);
            for (int g = 0; g < groups; g++)
            {
                var a = Vector512.LoadUnsafe(ref classes, (nuint)(g * 16));
                var b = Vector512.LoadUnsafe(ref classes, (nuint)(stride + (g * 16)));
                Avx512F.PermuteVar16x32x2(a, low, b).StoreUnsafe(ref output, (nuint)(g * 32));
                Avx512F.PermuteVar16x32x2(a, high, b).StoreUnsafe(ref output, (nuint)((g * 32) + 16));
            }

            return;
        }

        // Output vector v, lane k is element e = 16v + k: class e % 3, index e / 3. Classes 0 and 1 come from a|b
        // first, then class 2 lanes from c.
        var first0 = Vector512.Create(0, 16, 0, 1, 17, 0, 2, 18, 0, 3, 19, 0, 4, 20, 0, 5);
        var second0 = Vector512.Create(0, 1, 16, 3, 4, 17, 6, 7, 18, 9, 10, 19, 12, 13, 20, 15);
        var first1 = Vector512.Create(21, 0, 6, 22, 0, 7, 23, 0, 8, 24, 0, 9, 25, 0, 10, 26);
        var second1 = Vector512.Create(0, 21, 2, 3, 22, 5, 6, 23, 8, 9, 24, 11, 12, 25, 14, 15);
        var first2 = Vector512.Create(0, 11, 27, 0, 12, 28, 0, 13, 29, 0, 14, 30, 0, 15, 31, 0);
        var second2 = Vector512.Create(26, 1, 2, 27, 4, 5, 28, 7, 8, 29, 10, 11, 30, 13, 14, 31);
        for (int g = 0; g < groups; g++)
        {
            var a = Vector512.LoadUnsafe(ref classes, (nuint)(g * 16));
            var b = Vector512.LoadUnsafe(ref classes, (nuint)(stride + (g * 16)));
            var c = Vector512.LoadUnsafe(ref classes, (nuint)((2 * stride) + (g * 16)));
            Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(a, first0, b), second0, c).StoreUnsafe(ref output, (nuint)(g * 48));
            Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(a, first1, b), second1, c).StoreUnsafe(ref output, (nuint)((g * 48) + 16));
            Avx512F.PermuteVar16x32x2(Avx512F.PermuteVar16x32x2(a, first2, b), second2, c).StoreUnsafe(ref output, (nuint)((g * 48) + 32));
        }
    }

    /// <summary>Loads 16 samples as floats in [-1, 1) (PCM16 is widened, converted and scaled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Load16<TIn>(ref TIn source, int offset)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(short))
        {
            var pcm = Vector256.LoadUnsafe(ref Unsafe.As<TIn, short>(ref source), (nuint)offset);
            return Avx512F.ConvertToVector512Single(Avx512F.ConvertToVector512Int32(pcm)) * Vector512.Create(1f / 32768f);
        }

        return Vector512.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source), (nuint)offset);
    }

    /// <summary>Scalar operations (a "vector" of one float).</summary>
    internal readonly struct Scalar : IVectorOps<float>
    {
        public static int Count => 1;

        public static float Zero => 0f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Load(ref float source, nuint offset) => Unsafe.Add(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(float value, ref float destination, nuint offset) => Unsafe.Add(ref destination, offset) = value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Broadcast(float value) => value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float MultiplyAdd(float a, float b, float addend) => (a * b) + addend;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Add(float a, float b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sum(float value) => value;
    }

    /// <summary>128-bit operations; fused multiply-add on Arm64 and FMA3 machines.</summary>
    internal readonly struct V128 : IVectorOps<Vector128<float>>
    {
        public static int Count => Vector128<float>.Count;

        public static Vector128<float> Zero => Vector128<float>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Load(ref float source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> addend)
        {
            if (AdvSimd.IsSupported)
            {
                return AdvSimd.FusedMultiplyAdd(addend, a, b);
            }

            if (Fma.IsSupported)
            {
                return Fma.MultiplyAdd(a, b, addend);
            }

            return (a * b) + addend;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sum(Vector128<float> value) => Vector128.Sum(value);
    }

    /// <summary>256-bit operations with FMA3.</summary>
    internal readonly struct V256 : IVectorOps<Vector256<float>>
    {
        public static int Count => Vector256<float>.Count;

        public static Vector256<float> Zero => Vector256<float>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend) => Fma.MultiplyAdd(a, b, addend);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sum(Vector256<float> value) => Vector128.Sum(value.GetLower() + value.GetUpper());
    }

    /// <summary>512-bit operations with AVX-512F.</summary>
    internal readonly struct V512 : IVectorOps<Vector512<float>>
    {
        public static int Count => Vector512<float>.Count;

        public static Vector512<float> Zero => Vector512<float>.Zero;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> addend) => Avx512F.FusedMultiplyAdd(a, b, addend);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Sum(Vector512<float> value)
        {
            Vector256<float> half = value.GetLower() + value.GetUpper();
            return Vector128.Sum(half.GetLower() + half.GetUpper());
        }
    }
}
