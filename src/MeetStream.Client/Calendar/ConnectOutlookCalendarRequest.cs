using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /calendar/create_outlook_calendar</c>: the Microsoft OAuth credentials MeetStream uses to read
/// an Outlook / Microsoft 365 calendar (delegated scopes <c>Calendars.Read</c>, <c>User.Read</c>, <c>offline_access</c>).
/// Without <see cref="Replace"/> the API answers 409 (<see cref="MeetStreamConflictException"/>) when a connection
/// already exists. <see cref="ToString"/> masks the secret and the refresh token.
/// </summary>
public sealed class ConnectOutlookCalendarRequest : MeetStreamObject
{
    /// <summary>The application (client) id of your Microsoft Entra app registration.</summary>
    [JsonPropertyName("microsoft_client_id")]
    public required string MicrosoftClientId { get; init; }

    /// <summary>The app's client secret. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("microsoft_client_secret")]
    public required string MicrosoftClientSecret { get; init; }

    /// <summary>The user's OAuth refresh token. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("microsoft_refresh_token")]
    public required string MicrosoftRefreshToken { get; init; }

    /// <summary>Replace an existing Outlook connection instead of failing with 409 (API default <see langword="false"/>).</summary>
    [JsonPropertyName("replace")]
    public bool? Replace { get; init; }

    /// <summary>Describes the request with the secret and the refresh token masked.</summary>
    /// <returns>For example <c>ConnectOutlookCalendarRequest { MicrosoftClientId = 0000-…, MicrosoftClientSecret = ***, MicrosoftRefreshToken = ***, Replace = True }</c>.</returns>
    public override string ToString() =>
        $"ConnectOutlookCalendarRequest {{ MicrosoftClientId = {MicrosoftClientId}, MicrosoftClientSecret = {(MicrosoftClientSecret is null ? "null" : "***")}, MicrosoftRefreshToken = {(MicrosoftRefreshToken is null ? "null" : "***")}, Replace = {(Replace is { } replace ? replace.ToString() : "null")} }}";

    internal void Validate(string parameterName)
    {
        Require(MicrosoftClientId, "MicrosoftClientId (microsoft_client_id)", parameterName);
        Require(MicrosoftClientSecret, "MicrosoftClientSecret (microsoft_client_secret)", parameterName);
        Require(MicrosoftRefreshToken, "MicrosoftRefreshToken (microsoft_refresh_token)", parameterName);
    }

    private static void Require(string? value, string field, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required and must not be empty or white space.", parameterName);
        }
    }
}
