using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>
/// <see cref="WebhookParser.Parse(ReadOnlySpan{byte})"/> and <see cref="WebhookParser.TryParse"/>: only
/// <see cref="WebhookParseException"/> may escape Parse, TryParse never throws, and both agree; a parsed event's
/// <c>Describe</c>, <c>ToString</c> and deduplication key must not throw either.
/// </summary>
internal static class WebhookParserTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var ok = WebhookParser.TryParse(input, out var parsed, out var error);
        try
        {
            var again = WebhookParser.Parse(input);
            if (!ok)
            {
                throw new InvalidOperationException("TryParse failed but Parse succeeded.");
            }

            _ = again.Describe();
            _ = again.ToString();
            _ = again.DeduplicationKey;
            _ = again.Type.Value;
        }
        catch (WebhookParseException ex)
        {
            if (ok || ex.Error != error!.Error)
            {
                throw new InvalidOperationException($"Parse threw {ex.Error} but TryParse said {(ok ? "ok" : error!.Error.ToString())}.");
            }
        }

        _ = parsed;
    }
}
