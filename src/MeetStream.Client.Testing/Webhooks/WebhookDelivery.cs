namespace MeetStream.Client.Testing;

/// <summary>One HTTP POST the simulator is about to make.</summary>
internal sealed record WebhookDelivery(
    SimulatorWebhookChannel Channel,
    string Url,
    byte[] Body,
    string? BotId,
    string Event,
    string? BotEvent,
    DateTimeOffset Time,
    string? SigningSecret,
    bool Duplicate);
