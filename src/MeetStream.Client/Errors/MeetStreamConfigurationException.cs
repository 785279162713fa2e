namespace MeetStream.Client;

/// <summary>
/// The client's settings are unusable (no API key, a relative base URL, a negative timeout). The message names the
/// setting and how to fix it; it never contains the API key.
/// </summary>
public sealed class MeetStreamConfigurationException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">Which setting is wrong and how to fix it.</param>
    public MeetStreamConfigurationException(string message)
        : base(message)
    {
    }
}
