using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// One connected calendar account, keyed by <c>(provider, account_id)</c> (up to 200 per user). The guide documents
/// only the key; every other field the API sends is kept in <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class CalendarConnection : MeetStreamObject
{
    /// <summary>The provider, <c>google</c> or <c>outlook</c>.</summary>
    [JsonPropertyName("provider")]
    public CalendarProvider? Provider { get; init; }

    /// <summary>The account id within the provider: the account's email address.</summary>
    [JsonPropertyName("account_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? AccountId { get; init; }
}
