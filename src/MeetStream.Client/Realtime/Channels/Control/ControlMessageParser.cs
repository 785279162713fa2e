using System.Text.Json;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>Turns control-channel JSON into the matching <see cref="ControlMessage"/> type.</summary>
internal static class ControlMessageParser
{
    /// <summary>Parses one text message; null when it is not a JSON object.</summary>
    public static ControlMessage? Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        string? name = Discriminator(root, "command") ?? Discriminator(root, "type");
        ControlMessage? message;
        try
        {
            message = name?.ToLowerInvariant() switch
            {
                "ready" => root.Deserialize(MeetStreamJsonContext.Default.ReadyMessage),
                "usermsg" => root.Deserialize(MeetStreamJsonContext.Default.UserChatMessage),
                "interrupt" => root.Deserialize(MeetStreamJsonContext.Default.InterruptMessage),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A known name with unexpected member types (or text that is not valid Unicode): still deliver it, untyped.
            message = null;
        }

        message ??= Unknown(root);
        message.Raw = root;
        return message;
    }

    /// <summary>Parses a handshake: the <c>ready</c> message, or null when the JSON is anything else.</summary>
    public static ReadyMessage? ParseReady(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json) as ReadyMessage;

    private static UnknownControlMessage Unknown(JsonElement root)
    {
        try
        {
            return root.Deserialize(MeetStreamJsonContext.Default.UnknownControlMessage) ?? new UnknownControlMessage();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new UnknownControlMessage();
        }
    }

    private static string? Discriminator(JsonElement root, string property)
    {
        try
        {
            return root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired UTF-16 surrogate ("\ud800") in the value or in a property name is valid JSON but
            // not text: no usable name.
            return null;
        }
    }
}
