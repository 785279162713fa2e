namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>The bridge's route shapes (spec §4.6): <c>{path}</c>, <c>{path}/audio</c>, <c>{path}/video</c> and the same with the bot id before the last segment.</summary>
internal static class BridgeRoutes
{
    public const string AudioSuffix = "/audio";
    public const string VideoSuffix = "/video";
    public const string BotIdParameter = "botId";

    /// <summary>Normalises the path (leading slash, no trailing slash) and inserts the bot id (or <c>{botId}</c>) before its last segment.</summary>
    public static string WithBotId(string path, string? botIdSegment)
    {
        var normalized = "/" + path.Trim().Trim('/');
        if (botIdSegment is null)
        {
            return normalized;
        }

        var last = normalized.LastIndexOf('/');
        return string.Concat(normalized.AsSpan(0, last), "/", botIdSegment, normalized.AsSpan(last));
    }
}
