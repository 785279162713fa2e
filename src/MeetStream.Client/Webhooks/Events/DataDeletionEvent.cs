using System.Text;
using System.Globalization;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot's media was deleted, by retention expiry or <c>DELETE /bots/{bot_id}/delete</c> (<c>data_deletion</c>; the
/// status becomes <c>MediaExpired</c>). Carries no <c>custom_attributes</c>. The last event a bot ever produces.
/// </summary>
public sealed class DataDeletionEvent : BotArtifactEvent
{
    /// <summary>Gets how many stored objects were deleted (<c>deleted_objects</c>).</summary>
    [JsonPropertyName("deleted_objects")]
    public int? DeletedObjects { get; init; }

    private protected override void AppendDetails(StringBuilder text)
    {
        base.AppendDetails(text);
        if (DeletedObjects is { } count)
        {
            text.Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" objects deleted)");
        }
    }
}
