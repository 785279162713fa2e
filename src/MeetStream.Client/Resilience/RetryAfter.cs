using System.Globalization;

namespace MeetStream.Client.Resilience;

/// <summary>Reads a response's <c>Retry-After</c> header: a number of seconds or an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>Parses <c>Retry-After</c> (seconds or an HTTP date) relative to <paramref name="now"/>; <see langword="null"/> when absent or unreadable.</summary>
    public static TimeSpan? Parse(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            // Tolerate values HttpClient's parser refuses, such as fractional seconds.
            if (response.Headers.TryGetValues("Retry-After", out var raw)
                && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && seconds < int.MaxValue)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
