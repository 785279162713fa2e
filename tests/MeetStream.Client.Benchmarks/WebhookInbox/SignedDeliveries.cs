using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// Signed webhook deliveries for the inbox load generator: MeetStream's captured <c>bot.inmeeting</c> lifecycle body
/// (TestSupport's <see cref="WebhookPayloads"/>, about 300 bytes) with a unique message and timestamp per sequence
/// number, so every delivery is a distinct event for deduplication, signed with HMAC-SHA256 like MeetStream does.
/// </summary>
internal static class SignedDeliveries
{
    /// <summary>The signing secret both hosts accept.</summary>
    public const string Secret = "whsec_inbox_load_generator";

    /// <summary>The endpoint path both hosts map.</summary>
    public const string Path = "/webhooks/meetstream";

    private const string Prefix = "load-";

    private static readonly DateTimeOffset Epoch = new(2026, 6, 18, 17, 0, 0, TimeSpan.Zero);

    /// <summary>Builds the signed POST of delivery number <paramref name="sequence"/>.</summary>
    public static HttpRequestMessage Create(long sequence)
    {
        var timestamp = Epoch.AddTicks(sequence * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", Prefix + sequence.ToString(CultureInfo.InvariantCulture), timestamp: timestamp));
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body), Version = new Version(1, 1) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, WebhookValidator.ComputeSignature(body, Secret));
        return request;
    }

    /// <summary>Reads the sequence number back from a handled event's message (-1 when it is not one of ours).</summary>
    public static long SequenceOf(string? message) =>
        message is not null && message.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(message.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : -1;
}
