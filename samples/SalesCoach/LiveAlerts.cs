using System.Globalization;
using MeetStream.Client.Keywords;
using MeetStream.Client.Webhooks;

namespace SalesCoach;

/// <summary>
/// The live transcript webhook (<c>live_transcription_required.webhook_url</c>): checks the callback token in the URL
/// (MeetStream does not sign these deliveries), parses each chunk, runs it through the live keyword spotter and
/// prints one alert line per new hit, as it happens.
/// </summary>
internal sealed class LiveAlerts(WebhookValidator validator, LiveKeywordSpotter spotter)
{
    private int _alerts;
    private int _chunks;

    /// <summary>Gets how many alerts were printed.</summary>
    public int Alerts => Volatile.Read(ref _alerts);

    /// <summary>Gets how many live transcript chunks arrived.</summary>
    public int Chunks => Volatile.Read(ref _chunks);

    /// <summary>Handles one delivery: 401 without a valid token, 400 for a body that is no event, else 200.</summary>
    public async Task ReceiveAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var check = validator.Validate(body, name => request.Headers[name].ToString() is { Length: > 0 } value ? value : null, name => request.Query[name].ToString() is { Length: > 0 } value ? value : null);
        if (!check.IsValid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!WebhookParser.TryParse(body, out var webhookEvent, out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (webhookEvent is LiveTranscriptEvent chunk)
        {
            Interlocked.Increment(ref _chunks);
            foreach (var hit in spotter.Process(chunk))
            {
                Interlocked.Increment(ref _alerts);
                Console.WriteLine(Format(hit));
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Drops the live state of a bot whose call is over.</summary>
    public void Complete(string botId) => spotter.Complete(botId);

    /// <summary>One alert line: <c>[00:42] ALERT pricing — Dana Whitfield: …what does the enterprise pricing look like…</c>.</summary>
    public static string Format(KeywordHit hit)
    {
        var at = hit.Offset is { } offset ? string.Create(CultureInfo.InvariantCulture, $"{(int)offset.TotalMinutes:00}:{offset.Seconds:00}") : "--:--";
        return $"[{at}] ALERT {hit.Category ?? "keyword"} — {hit.Speaker ?? "someone"}: …{hit.Context}…";
    }
}
