namespace MeetStream.Client.Webhooks;

/// <summary>
/// Why a webhook body could not be read as an event (<see cref="WebhookParseException.Error"/>).
/// </summary>
public enum WebhookParseError
{
    /// <summary>The body is empty.</summary>
    EmptyBody = 1,

    /// <summary>The body is larger than the allowed maximum.</summary>
    BodyTooLarge,

    /// <summary>The body is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The body is not well-formed JSON (truncated, trailing data, bad syntax).</summary>
    InvalidJson,

    /// <summary>The JSON nests deeper than 64 levels.</summary>
    NestingTooDeep,

    /// <summary>The JSON is well formed but its root is not an object (an array, a string, a number...).</summary>
    NotAnObject,

    /// <summary>A field has the wrong JSON type for its event (e.g. <c>status_code</c> as an object).</summary>
    InvalidField,

    /// <summary>
    /// The JSON object names no event: neither <c>event</c> nor <c>bot_event</c> holds a non-blank string (both
    /// missing, <see langword="null"/>, empty or blank) and it is not a live transcript chunk. Not a MeetStream delivery.
    /// </summary>
    MissingEventType,
}
