namespace MeetStream.Client.Lambda;

/// <summary>
/// A secret could not be read: it is not configured, or the Parameters and Secrets extension failed or refused. The
/// message names the setting and the secret id, never a value.
/// </summary>
public sealed class LambdaSecretException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed and what to configure.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LambdaSecretException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
