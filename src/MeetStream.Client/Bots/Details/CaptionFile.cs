using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The native caption file of a bot whose provider is <c>meeting_captions</c> (<c>bot_details.caption_file</c>).
/// Download <see cref="DownloadUrl"/> <b>without</b> the MeetStream <c>Authorization</c> header: it is a pre-signed
/// storage URL.
/// </summary>
public sealed class CaptionFile : MeetStreamObject
{
    /// <summary>Gets whether a caption file exists.</summary>
    [JsonPropertyName("available")]
    public bool? Available { get; init; }

    /// <summary>
    /// Gets the first <c>http(s)</c> URL among the caption file's fields. MeetStream does not document the name of the
    /// URL field, so it is looked up by value.
    /// </summary>
    [JsonIgnore]
    public string? DownloadUrl
    {
        get
        {
            if (AdditionalProperties is null)
            {
                return null;
            }

            foreach (var (_, value) in AdditionalProperties.OrderBy(p => p.Key.Contains("url", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text
                    && (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                {
                    return text;
                }
            }

            return null;
        }
    }
}
