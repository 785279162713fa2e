using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The Google OAuth credentials MeetStream uses to read a Google calendar (<c>CalendarCreateRequest</c>): the body of
/// <c>POST /calendar/create_calendar</c> and of the credential form of <c>POST /calendar/disconnect</c>. The
/// <c>google_</c> prefixes are mandatory on the wire. The refresh token needs offline consent for the scopes
/// <c>calendar.events.readonly</c>, <c>calendar.readonly</c>, <c>userinfo.email</c> and <c>userinfo.profile</c>.
/// <see cref="ToString"/> masks the secret and the refresh token.
/// </summary>
public sealed class GoogleCalendarCredentials : MeetStreamObject
{
    /// <summary>The OAuth client id of your Google Cloud project.</summary>
    [JsonPropertyName("google_client_id")]
    public required string GoogleClientId { get; init; }

    /// <summary>The OAuth client secret. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("google_client_secret")]
    public required string GoogleClientSecret { get; init; }

    /// <summary>The user's OAuth refresh token (offline access). Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("google_refresh_token")]
    public required string GoogleRefreshToken { get; init; }

    /// <summary>Describes the credentials with the secret and the refresh token masked.</summary>
    /// <returns>For example <c>GoogleCalendarCredentials { GoogleClientId = 123.apps.googleusercontent.com, GoogleClientSecret = ***, GoogleRefreshToken = *** }</c>.</returns>
    public override string ToString() =>
        $"GoogleCalendarCredentials {{ GoogleClientId = {GoogleClientId}, GoogleClientSecret = {(GoogleClientSecret is null ? "null" : "***")}, GoogleRefreshToken = {(GoogleRefreshToken is null ? "null" : "***")} }}";

    internal void Validate(string parameterName)
    {
        Require(GoogleClientId, "GoogleClientId (google_client_id)", parameterName);
        Require(GoogleClientSecret, "GoogleClientSecret (google_client_secret)", parameterName);
        Require(GoogleRefreshToken, "GoogleRefreshToken (google_refresh_token)", parameterName);
    }

    private static void Require(string? value, string field, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required and must not be empty or white space.", parameterName);
        }
    }
}
