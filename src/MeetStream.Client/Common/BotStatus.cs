using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A bot's status as webhooks (<c>bot_status</c>) and <c>GET /bots/{bot_id}/status</c> report it.
/// Failure spellings vary (<c>Error</c>, <c>ERROR</c>, <c>FAILED</c>, <c>Failed</c>); compare with <see cref="IsFailure"/>.
/// Open: values MeetStream adds later are kept; comparison ignores case. The order of statuses is
/// <see cref="LifecycleStage"/>.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<BotStatus>))]
public readonly struct BotStatus : IExtensibleEnum<BotStatus>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public BotStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Returned by create_bot (<c>Active</c>).</summary>
    public static BotStatus Active { get; } = new("Active");

    /// <summary>Waiting for its join time (<c>Scheduled</c>).</summary>
    public static BotStatus Scheduled { get; } = new("Scheduled");

    /// <summary>Dispatched to the meeting (<c>Joining</c>).</summary>
    public static BotStatus Joining { get; } = new("Joining");

    /// <summary>In the lobby (<c>InWaitingRoom</c>).</summary>
    public static BotStatus InWaitingRoom { get; } = new("InWaitingRoom");

    /// <summary>Admitted (<c>InMeeting</c>).</summary>
    public static BotStatus InMeeting { get; } = new("InMeeting");

    /// <summary>Capturing (<c>Recording</c>).</summary>
    public static BotStatus Recording { get; } = new("Recording");

    /// <summary>Zoom recording consent given (<c>RecordingPermissionAllowed</c>).</summary>
    public static BotStatus RecordingPermissionAllowed { get; } = new("RecordingPermissionAllowed");

    /// <summary>Zoom recording consent refused (<c>RecordingPermissionDenied</c>).</summary>
    public static BotStatus RecordingPermissionDenied { get; } = new("RecordingPermissionDenied");

    /// <summary>Exiting (<c>Leaving</c>).</summary>
    public static BotStatus Leaving { get; } = new("Leaving");

    /// <summary>Left the meeting (<c>Stopped</c>).</summary>
    public static BotStatus Stopped { get; } = new("Stopped");

    /// <summary>Never admitted (waiting-room timeout) (<c>NotAllowed</c>).</summary>
    public static BotStatus NotAllowed { get; } = new("NotAllowed");

    /// <summary>The host refused entry (<c>Denied</c>).</summary>
    public static BotStatus Denied { get; } = new("Denied");

    /// <summary>Runtime failure (<c>Error</c>).</summary>
    public static BotStatus Error { get; } = new("Error");

    /// <summary>Runtime failure (other spelling) (<c>Failed</c>).</summary>
    public static BotStatus Failed { get; } = new("Failed");

    /// <summary>Processing media after the call (<c>MediaProcessing</c>).</summary>
    public static BotStatus MediaProcessing { get; } = new("MediaProcessing");

    /// <summary>All processing finished (<c>Done</c>).</summary>
    public static BotStatus Done { get; } = new("Done");

    /// <summary>Media deleted by retention or on request (<c>MediaExpired</c>).</summary>
    public static BotStatus MediaExpired { get; } = new("MediaExpired");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Gets whether the status is a failure in any of its spellings (<c>Error</c>, <c>Failed</c>, any case).</summary>
    public bool IsFailure => Equals(Error) || Equals(Failed);

    /// <summary>
    /// Gets whether the bot is no longer in the meeting and will not return: stopped, not admitted, denied, failed,
    /// processing media, done or expired (a <see cref="LifecycleStage"/> of <see cref="BotLifecycleStage.Stopped"/>
    /// or later). <see langword="false"/> for statuses this SDK does not know.
    /// </summary>
    public bool HasLeftMeeting => LifecycleStage >= BotLifecycleStage.Stopped;

    /// <summary>
    /// Gets the status's stage in the bot lifecycle, for ordering statuses (a webhook that arrives late carries an
    /// earlier stage). <see cref="Active"/> and <see cref="Scheduled"/> are <see cref="BotLifecycleStage.Scheduled"/>;
    /// every way of leaving (<see cref="Stopped"/>, <see cref="NotAllowed"/>, <see cref="Denied"/>, <see cref="Error"/>,
    /// <see cref="Failed"/>) is <see cref="BotLifecycleStage.Stopped"/>. <see langword="null"/> for a status this SDK
    /// does not know (and for the default value): it has no place in the order, so a state store should not record it.
    /// </summary>
    public BotLifecycleStage? LifecycleStage => Stages.ByStatus.TryGetValue(this, out var stage) ? stage : null;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(BotStatus left, BotStatus right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(BotStatus left, BotStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator BotStatus(string value) => new(value);

    /// <inheritdoc />
    public static BotStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(BotStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BotStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>The stage of every known status; a nested type so it is built after the status values above.</summary>
    private static class Stages
    {
        internal static readonly Dictionary<BotStatus, BotLifecycleStage> ByStatus = new()
        {
            [Active] = BotLifecycleStage.Scheduled,
            [Scheduled] = BotLifecycleStage.Scheduled,
            [Joining] = BotLifecycleStage.Joining,
            [InWaitingRoom] = BotLifecycleStage.InWaitingRoom,
            [InMeeting] = BotLifecycleStage.InMeeting,
            [RecordingPermissionAllowed] = BotLifecycleStage.RecordingPermissionAnswered,
            [RecordingPermissionDenied] = BotLifecycleStage.RecordingPermissionAnswered,
            [Recording] = BotLifecycleStage.Recording,
            [Leaving] = BotLifecycleStage.Leaving,
            [Stopped] = BotLifecycleStage.Stopped,
            [NotAllowed] = BotLifecycleStage.Stopped,
            [Denied] = BotLifecycleStage.Stopped,
            [Error] = BotLifecycleStage.Stopped,
            [Failed] = BotLifecycleStage.Stopped,
            [MediaProcessing] = BotLifecycleStage.MediaProcessing,
            [Done] = BotLifecycleStage.Done,
            [MediaExpired] = BotLifecycleStage.MediaExpired,
        };
    }
}
