using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Base type of every MeetStream model: keeps the JSON members this SDK version does not know, so nothing the API
/// sends is lost and requests can carry fields MeetStream adds later.
/// </summary>
public abstract class MeetStreamObject
{
    /// <summary>
    /// Gets or sets JSON members without a typed property. Read them to see fields MeetStream added after this SDK
    /// version; set them to send fields this SDK does not model yet.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
