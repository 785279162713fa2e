using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// One page of <c>GET /bots</c>: the bots and the cursor of the next page (camelCase keys on the wire). Use
/// <see cref="IBotsClient.ListAsync"/> to walk every page.
/// </summary>
public sealed class BotListPage : MeetStreamObject
{
    private readonly IReadOnlyList<BotListItem>? _bots;

    /// <summary>Gets the bots on this page (empty when MeetStream sent none).</summary>
    [JsonPropertyName("bots")]
    public IReadOnlyList<BotListItem> Bots
    {
        get => _bots ?? [];
        init => _bots = value;
    }

    /// <summary>Gets whether another page follows.</summary>
    [JsonPropertyName("hasNextPage")]
    public bool? HasNextPage { get; init; }

    /// <summary>Gets the cursor of the next page; pass it to <see cref="IBotsClient.ListPageAsync"/>.</summary>
    [JsonPropertyName("nextCursor")]
    public string? NextCursor { get; init; }

    /// <summary>Gets whether a next page can be fetched: <see cref="NextCursor"/> is set and <see cref="HasNextPage"/> is not <see langword="false"/>.</summary>
    [JsonIgnore]
    public bool CanFetchNextPage => !string.IsNullOrEmpty(NextCursor) && HasNextPage != false;
}
