using System.Globalization;

namespace MeetStream.Client.Errors;

/// <summary>
/// Reads at most <see cref="MaxBytes"/> of an error response body from its content stream, so a huge error body is
/// never buffered (the rest is left unread and the connection is dropped with the response). A body that breaks
/// while being read, or takes longer than the given time, keeps what arrived: the status is the fact that matters.
/// </summary>
internal static class ErrorBodyReader
{
    /// <summary>The most bytes of an error body that are read and kept.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>Reads the start of <paramref name="content"/>.</summary>
    /// <param name="content">The error response content.</param>
    /// <param name="readTimeout">How long the read may take before it keeps what arrived; infinite for none.</param>
    /// <param name="time">The clock for <paramref name="readTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the read (rethrown).</param>
    /// <returns>The bytes read and whether (and how much) more there was.</returns>
    public static async Task<ErrorBody> ReadAsync(HttpContent content, TimeSpan readTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var buffer = new byte[(int)Math.Min(MaxBytes + 1, Math.Max(declared ?? MaxBytes + 1, 0))];
        var length = 0;
        var broken = false;
        using var timeout = readTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(readTimeout, time);
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            broken = true;
        }

        var truncated = length > MaxBytes || (declared is { } total && total > length) || broken;
        return new ErrorBody(buffer, Math.Min(length, MaxBytes), truncated, declared is { } size && size > length ? size : null);
    }
}

/// <summary>The start of an error body.</summary>
/// <param name="Buffer">Holds the bytes read (and possibly one more).</param>
/// <param name="Length">How many bytes of <paramref name="Buffer"/> are kept (at most <see cref="ErrorBodyReader.MaxBytes"/>).</param>
/// <param name="Truncated">Whether the body went on (or broke off) after <paramref name="Length"/> bytes.</param>
/// <param name="TotalLength">The full length from <c>Content-Length</c> when the body was cut and the server declared it.</param>
internal readonly record struct ErrorBody(byte[] Buffer, int Length, bool Truncated, long? TotalLength)
{
    /// <summary>Gets the kept bytes.</summary>
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

    /// <summary>Gets the marker for cut text: the full length if known, else "more than" what was kept.</summary>
    public string TruncationMarker => TotalLength is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"…(truncated, {total} bytes)")
        : string.Create(CultureInfo.InvariantCulture, $"…(truncated, more than {Length} bytes)");
}
