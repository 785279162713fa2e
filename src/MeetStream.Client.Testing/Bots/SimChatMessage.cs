namespace MeetStream.Client.Testing;

/// <summary>A chat message in the simulated meeting.</summary>
internal sealed record SimChatMessage(string Id, string DeviceId, string Speaker, string Text, DateTimeOffset Time, double SessionSeconds);
