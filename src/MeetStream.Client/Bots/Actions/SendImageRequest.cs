using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /bots/{bot_id}/send_image</c>: shows an image through the bot (MeetStream's sources disagree
/// whether in the chat or as an in-meeting visual). Animated GIFs are allowed.
/// </summary>
public sealed class SendImageRequest : MeetStreamObject
{
    /// <summary>Gets the public <c>http(s)</c> URL of the image (<c>img_url</c>, not <c>image_url</c>; no base64 data).</summary>
    [JsonPropertyName("img_url")]
    public required string ImageUrl { get; init; }

    /// <summary>Gets how long to show the image (<c>display_duration</c>; seconds, by the official SDKs' usage). Must be positive.</summary>
    [JsonPropertyName("display_duration")]
    public int? DisplayDuration { get; init; }

    /// <summary>Gets optional metadata.</summary>
    [JsonPropertyName("metadata")]
    public BotMessageMetadata? Metadata { get; init; }
}
