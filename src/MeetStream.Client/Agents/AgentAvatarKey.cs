namespace MeetStream.Client;

/// <summary>
/// Which JSON key carries the avatar section in a MIA create or update body. MeetStream's guide writes
/// <c>avatar</c>, its OpenAPI and Node SDK write <c>Avatar</c>; the SDK sends the guide's spelling unless told
/// otherwise and reads both.
/// </summary>
public enum AgentAvatarKey
{
    /// <summary>Send <c>avatar</c> (the MIA guide's spelling; default).</summary>
    Lowercase,

    /// <summary>Send <c>Avatar</c> (the OpenAPI schema's and Node SDK's spelling).</summary>
    PascalCase,
}
