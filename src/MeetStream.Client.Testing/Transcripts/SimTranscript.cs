using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The simulator's state of one transcription run.</summary>
internal sealed class SimTranscript
{
    public required string Id { get; init; }

    public required string BotId { get; init; }

    public required string Provider { get; init; }

    public JsonObject? Config { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public TranscriptionKind Kind { get; init; }

    public string Status { get; set; } = "Processing";

    public string? FailureMessage { get; set; }

    public string Format { get; init; } = "segments";

    public bool Deleted { get; set; }
}
