using System.Text.Json.Serialization;

namespace MeetStream.Client.Testing;

/// <summary>The simulator's own source-generated JSON context (journal and admin API types; no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SimulatorJournalSnapshot))]
[JsonSerializable(typeof(SimulatorClockInfo))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext
{
}

/// <summary>The journal as the admin API returns it.</summary>
internal sealed class SimulatorJournalSnapshot
{
    [JsonPropertyName("requests")]
    public required IReadOnlyList<SimulatorRequestRecord> Requests { get; init; }

    [JsonPropertyName("webhooks")]
    public required IReadOnlyList<SimulatorWebhookRecord> Webhooks { get; init; }

    [JsonPropertyName("realtime")]
    public required IReadOnlyList<SimulatorRealtimeRecord> Realtime { get; init; }

    [JsonPropertyName("errors")]
    public required IReadOnlyList<string> Errors { get; init; }
}

/// <summary>The clock as the admin API returns it.</summary>
internal sealed class SimulatorClockInfo
{
    [JsonPropertyName("now")]
    public DateTimeOffset Now { get; init; }

    [JsonPropertyName("time_scale")]
    public double TimeScale { get; init; }

    [JsonPropertyName("pending_steps")]
    public int PendingSteps { get; init; }

    [JsonPropertyName("next_step_at")]
    public DateTimeOffset? NextStepAt { get; init; }
}
