namespace MeetStream.Client.Testing;

/// <summary>The pre-signed-looking download URLs the simulator hands out for media and transcripts (valid for an hour).</summary>
internal sealed class ServedUrls(SimulatorClock clock)
{
    /// <summary>The server root, e.g. <c>http://127.0.0.1:5123/</c>; set once Kestrel listens.</summary>
    public Uri ServerRoot { get; set; } = new("http://127.0.0.1/");

    public string Media(string botId, string file) => Signed($"_simulator/media/{Uri.EscapeDataString(botId)}/{file}");

    public string Transcript(string transcriptId, string file) => Signed($"_simulator/transcripts/{Uri.EscapeDataString(transcriptId)}/{file}");

    private string Signed(string path) =>
        new Uri(ServerRoot, $"{path}?expires={(clock.UtcNow + TimeSpan.FromHours(1)).ToUnixTimeSeconds()}&signature=simulated").ToString();
}
