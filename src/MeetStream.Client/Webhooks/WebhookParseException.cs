namespace MeetStream.Client.Webhooks;

/// <summary>
/// A webhook body could not be read as a MeetStream event: empty, too large, not UTF-8, not JSON, too deeply
/// nested, not an object, a field of the wrong type, or no event name at all. The only exception <see cref="WebhookParser"/> throws; the
/// message names the problem and never quotes the body. Answer such deliveries with 400.
/// </summary>
public sealed class WebhookParseException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="error">What is wrong with the body.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The reader's error, if any.</param>
    public WebhookParseException(WebhookParseError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Gets what is wrong with the body.</summary>
    public WebhookParseError Error { get; }
}
