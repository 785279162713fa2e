using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Google signed-in bot accounts (<c>GET /google-logins</c>).</summary>
public sealed class GoogleLoginList : MeetStreamObject
{
    /// <summary>The accounts.</summary>
    [JsonPropertyName("logins")]
    public IReadOnlyList<GoogleLogin>? Logins { get; init; }
}
