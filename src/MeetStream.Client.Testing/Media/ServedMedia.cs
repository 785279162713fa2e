namespace MeetStream.Client.Testing;

/// <summary>Which media files the simulator serves for a bot, and when (after processing, until deletion).</summary>
internal sealed class ServedMedia(object gate, BotStore bots)
{
    public (byte[] Bytes, string ContentType)? File(string botId, string file)
    {
        lock (gate)
        {
            if (bots.Find(botId) is not { } bot || bot.MediaDeleted || !bot.Recorded)
            {
                return null;
            }

            if (file == "audio.wav")
            {
                return bot.AudioReady ? (MediaFiles.AudioWav, "audio/wav") : null;
            }

            if (file == "video.mp4")
            {
                return bot.VideoReady ? (MediaFiles.VideoMp4, "video/mp4") : null;
            }

            if (file.EndsWith(".webm", StringComparison.Ordinal))
            {
                return bot.AudioReady ? (MediaFiles.WebM, file.StartsWith("audio", StringComparison.Ordinal) ? "audio/webm" : "video/webm") : null;
            }

            if (file.StartsWith("screenshot_", StringComparison.Ordinal) && file.EndsWith(".png", StringComparison.Ordinal))
            {
                return (MediaFiles.Png, "image/png");
            }

            return null;
        }
    }
}
