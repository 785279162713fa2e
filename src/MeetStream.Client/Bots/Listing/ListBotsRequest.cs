namespace MeetStream.Client;

/// <summary>
/// Filters for <c>GET /bots</c> (<see cref="IBotsClient.ListAsync"/> and <see cref="IBotsClient.ListPageAsync"/>).
/// Every filter is optional; set filters are combined with AND.
/// </summary>
public sealed class ListBotsRequest
{
    /// <summary>
    /// The query parameter this SDK uses to send a page's <c>nextCursor</c> back: <c>cursor</c>. <b>This is a guess.</b>
    /// MeetStream documents the <c>nextCursor</c> it returns but not the parameter that takes it back; if a later page
    /// repeats an earlier one, set <see cref="CursorParameterName"/> to the name MeetStream support gives you.
    /// </summary>
    public const string DefaultCursorParameterName = "cursor";

    /// <summary>Gets only bots with this status (<c>status</c>).</summary>
    public BotStatus? Status { get; init; }

    /// <summary>Gets only bots created on or after this day (<c>from</c>, sent as <c>YYYY-MM-DD</c>).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Gets only bots created on or before this day (<c>to</c>, sent as <c>YYYY-MM-DD</c>).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Gets only bots on this platform (<c>platform</c>: <c>GMeet</c>, <c>Zoom</c> or <c>Teams</c>).</summary>
    public MeetingPlatform? Platform { get; init; }

    /// <summary>
    /// Gets custom attribute filters, each sent as <c>custom_attr[key]=value</c> and combined with AND. MeetStream parses
    /// numeric and boolean values as JSON, so <c>"42"</c> matches the number 42.
    /// </summary>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>
    /// Gets the name of the query parameter that carries the cursor of the next page. Default
    /// <see cref="DefaultCursorParameterName"/> (<c>cursor</c>), which is not documented by MeetStream.
    /// </summary>
    public string CursorParameterName { get; init; } = DefaultCursorParameterName;

    /// <summary>Gets extra query parameters to send as they are, for filters MeetStream adds before this SDK models them.</summary>
    public IReadOnlyDictionary<string, string>? AdditionalQueryParameters { get; init; }
}
